package org.vipctl.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One vipctl run at a time on one thing (a target file, a GPO folder, a registry view, an output
 * folder): an OS lock on a lock file that lives with that thing, so every run on it meets the same
 * lock whatever its state directory. The lock is held on a byte past the end of the file so that,
 * on Windows too, a second process can still read who holds it. The OS drops the lock when the
 * process dies, so a crash never leaves it stuck; the file itself stays (deleting it would let two
 * runs lock two different files).
 */
public final class LockFile implements AutoCloseable {

    /** The suffix of every lock file vipctl makes. */
    public static final String SUFFIX = ".vipctl.lock";
    private static final long LOCK_OFFSET = Long.MAX_VALUE - 1;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of a file or folder that is replaced as a whole: a hidden sibling, {@code .NAME.vipctl.lock}. */
    public static Path beside(Path fileOrFolder) {
        Path abs = fileOrFolder.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + SUFFIX);
    }

    /** The lock file of a folder whose files are replaced one by one (a GPO folder): {@code FOLDER/.vipctl.lock}. */
    public static Path inside(Path folder) {
        return folder.toAbsolutePath().normalize().resolve(SUFFIX);
    }

    /**
     * Takes the lock of {@code file} for a run that changes {@code what}, creating the file (and its
     * folder) when missing.
     *
     * @throws FileProblem at once, saying who holds the lock, when another run holds it
     */
    public static LockFile acquire(Path file, String what) {
        FileChannel ch = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock(LOCK_OFFSET, 1, false);
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = holder(ch);
                ch.close();
                throw new FileProblem("another vipctl run is changing " + what
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; lock file " + file
                        + ". Wait for it to finish and run again.");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now()
                    + " on " + what + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new LockFile(file, ch, l);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new FileProblem("cannot take the lock " + file + ": " + IoProblem.describe(e));
        }
    }

    /**
     * Takes every lock in {@code files}, in the order given; when one is held by another run, the
     * ones already taken are released and the error names the one that was not free.
     */
    public static Held acquireAll(List<Path> files, String what) {
        List<LockFile> taken = new ArrayList<>();
        try {
            for (Path f : files) {
                taken.add(acquire(f, what));
            }
        } catch (RuntimeException e) {
            taken.forEach(LockFile::close);
            throw e;
        }
        return new Held(taken);
    }

    public Path file() {
        return file;
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512);
        int n = ch.read(buf, 0);
        return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
    }

    /** Several locks held together, released together. */
    public static final class Held implements AutoCloseable {
        private final List<LockFile> locks;

        private Held(List<LockFile> locks) {
            this.locks = List.copyOf(locks);
        }

        @Override
        public void close() {
            for (int i = locks.size() - 1; i >= 0; i--) {
                locks.get(i).close();
            }
        }
    }
}
