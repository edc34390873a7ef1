package org.vipctl.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The lines of a text capture, read one at a time (never the whole file), within
 * {@link CaptureLimits}: a line too long, too many lines, or a control character (binary data) is a
 * located error. Line ends are CRLF, LF or CR.
 */
final class LineReader implements AutoCloseable {

    private final String source;
    private final Reader in;
    private final String encoding;
    private final StringBuilder line = new StringBuilder();
    private long number;
    private boolean ended;

    private LineReader(String source, Reader in, String encoding) {
        this.source = source;
        this.in = in;
        this.encoding = encoding;
    }

    static LineReader open(Path file, String source, TextEncoding enc) throws IOException {
        InputStream s = Files.newInputStream(file);
        try {
            s.skipNBytes(enc.bom());
        } catch (IOException e) {
            s.close();
            throw e;
        }
        Reader r = new InputStreamReader(s, enc.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        return new LineReader(source, new BufferedReader(r, 16 * 1024), enc.label());
    }

    /** For tests: lines from text in memory. */
    static LineReader of(String source, String text) {
        return new LineReader(source, new java.io.StringReader(text), "UTF-8");
    }

    String source() {
        return source;
    }

    String encoding() {
        return encoding;
    }

    /** The number of the line last returned (1-based). */
    long number() {
        return number;
    }

    /**
     * The first character that is not white space, without consuming any line (-1 for none within
     * the first line-length limit). Only before the first {@link #next}.
     */
    int firstNonBlank() throws IOException {
        in.mark(CaptureLimits.MAX_LINE_CHARS + 1);
        try {
            for (int i = 0; i < CaptureLimits.MAX_LINE_CHARS; i++) {
                int c = in.read();
                if (c < 0 || !Character.isWhitespace(c)) {
                    return c;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    /** The next line without its line end, or empty at the end of the file. */
    Optional<String> next() throws IOException {
        if (ended) {
            return Optional.empty();
        }
        line.setLength(0);
        while (true) {
            int c = in.read();
            if (c < 0) {
                ended = true;
                if (line.length() == 0) {
                    return Optional.empty();
                }
                return Optional.of(finish());
            }
            if (c == '\n') {
                return Optional.of(finish());
            }
            if (c == '\r') {
                in.mark(1);
                int d = in.read();
                if (d != '\n' && d >= 0) {
                    in.reset();
                }
                return Optional.of(finish());
            }
            if (c < 0x20 && c != '\t' && c != '\f' && c != 0x1a) {
                throw new CaptureException(source, number + 1, line.length() + 1,
                        String.format("not a capture: control character U+%04X (binary data)", c));
            }
            if (line.length() >= CaptureLimits.MAX_LINE_CHARS) {
                throw CaptureException.at(source, number + 1, String.format(java.util.Locale.ROOT,
                        "not a capture: line longer than %,d characters", CaptureLimits.MAX_LINE_CHARS));
            }
            line.append((char) c);
        }
    }

    private String finish() {
        number++;
        if (number > CaptureLimits.MAX_LINES) {
            throw CaptureException.at(source, number, String.format(java.util.Locale.ROOT,
                    "more than %,d lines: a capture of one server is far smaller; is this the right file?",
                    CaptureLimits.MAX_LINES));
        }
        // Ctrl-Z: the end-of-file mark old tools append
        int z = line.indexOf("\u001a");
        return z >= 0 ? line.substring(0, z) : line.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
