package org.vipctl.apply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.vipctl.target.RegistryException;

/**
 * One apply or rollback per target at a time: an OS file lock in the state directory. The lock is
 * held on a byte past the end of the file so that, on Windows too, a second process can still read
 * who holds it. The OS drops the lock when the process dies, so a crash never leaves it stuck.
 */
public final class Lock implements AutoCloseable {

    private static final long LOCK_OFFSET = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;

    private Lock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws RegistryException at once, saying who holds the lock, when another run holds it */
    public static Lock acquire(Path stateDir, String target) {
        Path file = stateDir.resolve("vipctl-" + digest(target) + ".lock");
        FileChannel ch = null;
        try {
            Files.createDirectories(stateDir);
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
                throw new RegistryException("another vipctl apply or rollback is running on " + target
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; lock file " + file
                        + ". Wait for it to finish and run again.");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now()
                    + " on " + target + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new Lock(ch, l);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new RegistryException("cannot take the lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(512);
        int n = ch.read(buf, 0);
        return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
    }

    private static String digest(String target) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
}
