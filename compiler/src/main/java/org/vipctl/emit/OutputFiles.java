package org.vipctl.emit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vipctl.files.AtomicFile;

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
            AtomicFile.write(target, e.getValue());
            written.add(target);
        }
        return written;
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
