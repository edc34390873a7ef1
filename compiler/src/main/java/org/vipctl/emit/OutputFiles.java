package org.vipctl.emit;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files one compile produces, held in memory until every writer has succeeded, then placed
 * once. Paths are relative, with '/' separators, and may not climb out of the output folder. Each
 * file is written to a temporary sibling and renamed over the target, so a reader never sees a
 * half-written file and a failed run leaves earlier outputs as they were.
 */
public final class OutputFiles {

    private final Map<String, byte[]> files = new TreeMap<>();

    /** Adds a file; a second file at the same path is a writer bug. */
    public void add(String relativePath, byte[] content) {
        String p = checked(relativePath);
        if (files.putIfAbsent(p, content.clone()) != null) {
            throw new IllegalStateException("two outputs for " + p);
        }
    }

    public Map<String, byte[]> files() {
        return Collections.unmodifiableMap(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    /** Writes every file under {@code root}; returns the paths written. */
    public List<Path> writeTo(Path root) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path target = root.resolve(e.getKey()).normalize();
            writeAtomically(target, e.getValue());
            written.add(target);
        }
        return written;
    }

    /** Writes {@code content} to {@code target} through a temporary file in the same folder and a rename. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, content);
            keepPermissions(tmp, target);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
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

    private static String checked(String p) {
        String s = p.replace('\\', '/');
        if (s.isEmpty() || s.startsWith("/") || s.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("output path must be relative: " + p);
        }
        for (String part : s.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("output path may not contain empty, '.' or '..' parts: " + p);
            }
        }
        return s;
    }
}
