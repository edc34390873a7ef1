package org.vipctl.detect;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads capture files of any kind, telling each kind by its content. A {@code tasklist /fo csv} file
 * is not a capture of its own: it names the PIDs of the {@code netstat -ano} file given before it
 * ({@code netstat.txt tasklist.csv}); every other file is one capture.
 */
public final class CaptureFiles {

    private CaptureFiles() {
    }

    /**
     * @param oem the code page of files that are not UTF-8 or UTF-16 ({@code netstat > file} in cmd)
     * @throws CaptureException located, for the first file that cannot be read
     */
    public static List<Capture> read(List<Path> files, Charset oem) {
        if (files.size() > CaptureLimits.MAX_CAPTURES) {
            throw CaptureException.whole(files.get(CaptureLimits.MAX_CAPTURES).toString(),
                    "more than " + CaptureLimits.MAX_CAPTURES + " files in one run");
        }
        List<Capture> captures = new ArrayList<>();
        for (Path f : files) {
            String source = f.toString();
            try {
                check(f, source);
                TextEncoding enc = TextEncoding.of(f, source, oem);
                CaptureSniffer.Kind kind;
                try (LineReader in = LineReader.open(f, source, enc)) {
                    kind = CaptureSniffer.kind(in);
                }
                switch (kind) {
                    case COLLECTOR -> captures.add(CollectorReader.read(f, source));
                    case NETSTAT -> {
                        try (LineReader in = LineReader.open(f, source, enc)) {
                            captures.add(NetstatReader.read(in));
                        }
                    }
                    case TCPVIEW -> {
                        try (LineReader in = LineReader.open(f, source, enc)) {
                            captures.add(TcpViewReader.read(in));
                        }
                    }
                    case TASKLIST -> {
                        Tasklist list;
                        try (LineReader in = LineReader.open(f, source, enc)) {
                            list = TasklistReader.read(in);
                        }
                        attach(captures, list);
                    }
                }
            } catch (NoSuchFileException e) {
                throw CaptureException.whole(source, "no such file");
            } catch (IOException e) {
                throw CaptureException.whole(source, "cannot read: " + e.getMessage());
            }
        }
        if (captures.isEmpty()) {
            throw CaptureException.whole(files.isEmpty() ? "detect" : files.get(0).toString(), "no capture to analyse");
        }
        return captures;
    }

    private static void check(Path f, String source) throws IOException {
        if (Files.isDirectory(f)) {
            throw CaptureException.whole(source, "is a folder; name the capture files");
        }
        if (!Files.isRegularFile(f)) {
            throw new NoSuchFileException(source);
        }
        long size = Files.size(f);
        if (size > CaptureLimits.MAX_BYTES) {
            throw CaptureException.whole(source, String.format(Locale.ROOT,
                    "%,d bytes: over the %d MiB a capture may have; is this the right file?", size,
                    CaptureLimits.MAX_BYTES / (1024 * 1024)));
        }
        if (size == 0) {
            throw CaptureException.whole(source, "not a capture: the file is empty");
        }
    }

    private static void attach(List<Capture> captures, Tasklist list) {
        if (!captures.isEmpty() && captures.get(captures.size() - 1) instanceof NetstatCapture n && n.tasklist().isEmpty()) {
            captures.set(captures.size() - 1, n.with(list));
            return;
        }
        throw CaptureException.whole(list.source(), "a tasklist capture names the PIDs of the netstat -ano file"
                + " given just before it; put it after that file (netstat.txt tasklist.csv)");
    }
}
