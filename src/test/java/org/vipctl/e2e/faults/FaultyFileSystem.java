package org.vipctl.e2e.faults;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The platform's default file system seen through {@link FaultyFileSystemProvider}. */
final class FaultyFileSystem extends FileSystem {

    private final FaultyFileSystemProvider provider;
    final FileSystem inner;

    FaultyFileSystem(FaultyFileSystemProvider provider, FileSystem inner) {
        this.provider = provider;
        this.inner = inner;
    }

    Path wrap(Path p) {
        return p == null ? null : new FaultyPath(this, p);
    }

    @Override
    public FaultyFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return inner.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> out = new ArrayList<>();
        inner.getRootDirectories().forEach(p -> out.add(wrap(p)));
        return out;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return inner.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return inner.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(inner.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher m = inner.getPathMatcher(syntaxAndPattern);
        return p -> m.matches(FaultyPath.unwrap(p));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return inner.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
        return inner.newWatchService();
    }
}
