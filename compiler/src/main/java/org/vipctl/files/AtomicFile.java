package org.vipctl.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How vipctl replaces a file: the new content goes to a temporary sibling, which is renamed over the
 * target, so a reader never sees a half-written file and a failed write leaves the old one.
 *
 * <p>A target that is a symbolic link is written through: the file the link points to is replaced
 * and the link stays a link. Temporary files are named {@code .NAME.vipctl-DIGITS.tmp}; one left by
 * a killed run is removed by {@link #removeStaleTemps} on the next run that holds the target's lock.
 */
public final class AtomicFile {

    private static final int MAX_LINKS = 40;

    private AtomicFile() {
    }

    /** Writes {@code content} to {@code target} (through a symbolic link) via a temporary file in the same folder and a rename. */
    public static void write(Path target, byte[] content) throws IOException {
        Path real = followLinks(target);
        Path dir = real.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, tempPrefix(real), ".tmp");
        try {
            Files.write(tmp, content);
            keepPermissions(tmp, real);
            try {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The file a path names once symbolic links are followed (absolute and normalized): the path
     * itself when it is not a link, the link's final destination (which may not exist yet) when it is.
     *
     * @throws IOException for a loop of links
     */
    public static Path followLinks(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(p)) {
                Path parent = p.getParent();
                if (parent != null && Files.isDirectory(parent)) {
                    return parent.toRealPath().resolve(p.getFileName());
                }
                return p;
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
        }
        throw new IOException(path + ": too many levels of symbolic links");
    }

    /**
     * Removes the temporary files {@link #write} leaves beside {@code target} when its process is
     * killed. Call it only while holding the target's lock: then no other run is writing one.
     *
     * @return the files removed
     */
    public static List<Path> removeStaleTemps(Path target) throws IOException {
        Path real = followLinks(target);
        Path dir = real.getParent();
        List<Path> removed = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return removed;
        }
        Pattern ours = Pattern.compile(Pattern.quote(tempPrefix(real)) + "[0-9]+\\.tmp");
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> ours.matcher(p.getFileName().toString()).matches())) {
            for (Path p : s) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) {
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    /**
     * Whether {@code file} exists and is marked read-only: no write permission for its owner (POSIX),
     * or the read-only attribute (Windows). The owner's bit is what counts, not whether this process
     * could write anyway (an administrator can).
     */
    public static boolean isReadOnly(Path file) throws IOException {
        Path real = followLinks(file);
        if (!Files.exists(real)) {
            return false;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(real, PosixFileAttributeView.class);
        if (posix != null) {
            return !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
        }
        return Files.readAttributes(real, DosFileAttributes.class).isReadOnly();
    }

    /**
     * Refuses to go on when {@code file} is read-only and the user did not allow replacing it.
     *
     * @throws FileProblem naming the file and the two ways out
     */
    public static void checkReplaceable(Path file, boolean replaceReadOnly, String option) {
        try {
            if (!replaceReadOnly && isReadOnly(file)) {
                throw new FileProblem(file + " is read-only; vipctl does not replace a read-only file unless asked:"
                        + " make it writable, or pass " + option + " (the file keeps its permissions)");
            }
        } catch (IOException e) {
            throw new FileProblem("cannot check " + file + ": " + IoProblem.describe(e), e);
        }
    }

    private static String tempPrefix(Path real) {
        return "." + real.getFileName() + ".vipctl-";
    }

    /**
     * Temporary files are created readable by their owner only; the file that replaces the target
     * gets the target's permissions, or those of an ordinary new file (rw-r--r--).
     */
    private static void keepPermissions(Path tmp, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        view.setPermissions(perms);
    }
}
