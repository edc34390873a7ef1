package org.vipctl.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * How vipctl reads a file it is given: only a regular file (a named pipe or a device such as
 * {@code /dev/zero} would block or never end), only up to the limit for its kind, checked before
 * anything is read and again while reading (a file can grow in between). Symbolic links are followed.
 */
public final class InputFile {

    /** Java arrays stop a little below 2 GiB. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    private InputFile() {
    }

    /**
     * The whole content of {@code file}.
     *
     * @throws java.nio.file.NoSuchFileException when it does not exist
     * @throws InputRefused when it is not a regular file or larger than the limit
     */
    public static byte[] read(Path file, InputKind kind, InputLimits limits) throws IOException {
        return read(file, kind, limits.of(kind));
    }

    /** As {@link #read(Path, InputKind, InputLimits)}, with the limit given in bytes. */
    public static byte[] read(Path file, InputKind kind, long maxBytes) throws IOException {
        long limit = Math.min(maxBytes, MAX_ARRAY);
        check(file, kind, limit);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) limit);
            if (in.read() >= 0) {
                throw InputRefused.grew(file, kind, limit);
            }
            return bytes;
        }
    }

    /**
     * Opens {@code file} for a reader that streams it, after the checks of {@link #read}; the stream
     * fails with {@link InputRefused} should the file grow past the limit while it is read.
     */
    public static InputStream open(Path file, InputKind kind, InputLimits limits) throws IOException {
        long limit = limits.of(kind);
        check(file, kind, limit);
        return new Bounded(Files.newInputStream(file), file, kind, limit);
    }

    private static final class Bounded extends FilterInputStream {
        private final Path file;
        private final InputKind kind;
        private final long limit;
        private long count;

        Bounded(InputStream in, Path file, InputKind kind, long limit) {
            super(in);
            this.file = file;
            this.kind = kind;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw InputRefused.grew(file, kind, limit);
            }
        }
    }

    private static void check(Path file, InputKind kind, long limit) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw InputRefused.notAFile(file, kind, a.isDirectory() ? "a folder" : special(file));
        }
        if (a.size() > limit) {
            throw InputRefused.tooLarge(file, kind, a.size(), limit);
        }
    }

    /** What a file that is neither regular nor a folder is, where the system says (st_mode on Unix). */
    private static String special(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000: return "a named pipe (FIFO)";
                    case 0020000: return "a character device";
                    case 0060000: return "a block device";
                    case 0140000: return "a socket";
                    default: break;
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view (Windows): the general wording below
        }
        return "a device, pipe or socket";
    }
}
