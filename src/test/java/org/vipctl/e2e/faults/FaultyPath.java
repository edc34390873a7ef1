package org.vipctl.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;

/** A path of {@link FaultyFileSystem}: the platform's path, wrapped so every operation on it goes through the faulty provider. */
final class FaultyPath implements Path {

    final FaultyFileSystem fs;
    final Path inner;

    FaultyPath(FaultyFileSystem fs, Path inner) {
        this.fs = fs;
        this.inner = Objects.requireNonNull(inner);
    }

    static Path unwrap(Path p) {
        return p instanceof FaultyPath f ? f.inner : p;
    }

    private Path wrap(Path p) {
        return p == null ? null : new FaultyPath(fs, p);
    }

    @Override
    public FaultyFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return inner.isAbsolute();
    }

    @Override
    public Path getRoot() {
        return wrap(inner.getRoot());
    }

    @Override
    public Path getFileName() {
        return wrap(inner.getFileName());
    }

    @Override
    public Path getParent() {
        return wrap(inner.getParent());
    }

    @Override
    public int getNameCount() {
        return inner.getNameCount();
    }

    @Override
    public Path getName(int index) {
        return wrap(inner.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return wrap(inner.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        return inner.startsWith(unwrap(other));
    }

    @Override
    public boolean endsWith(Path other) {
        return inner.endsWith(unwrap(other));
    }

    @Override
    public Path normalize() {
        return wrap(inner.normalize());
    }

    @Override
    public Path resolve(Path other) {
        return wrap(inner.resolve(unwrap(other)));
    }

    @Override
    public Path relativize(Path other) {
        return wrap(inner.relativize(unwrap(other)));
    }

    @Override
    public URI toUri() {
        return inner.toUri();
    }

    @Override
    public Path toAbsolutePath() {
        return wrap(inner.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return wrap(inner.toRealPath(options));
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers)
            throws IOException {
        return inner.register(watcher, events, modifiers);
    }

    @Override
    public int compareTo(Path other) {
        return inner.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FaultyPath f && f.inner.equals(inner);
    }

    @Override
    public int hashCode() {
        return inner.hashCode();
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
