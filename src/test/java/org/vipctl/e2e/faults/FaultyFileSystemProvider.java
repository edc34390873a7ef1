package org.vipctl.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A file system provider that puts faults into the file writes of a whole JVM: installed as the
 * default provider of a vipctl process ({@code -Djava.nio.file.spi.DefaultFileSystemProvider=} this
 * class, with the test classes on the class path), it counts every operation that changes the file
 * system (opening a file for writing, creating a folder, moving, copying, deleting, setting an
 * attribute) and at the k-th one does what {@code vipctl.fault} says:
 *
 * <ul>
 *   <li>{@code fail@K}: the operation throws {@link AccessDeniedException}, as a full disk or a locked
 *       file would;</li>
 *   <li>{@code kill@K}: the process halts at once, as {@code kill -9} would stop it (no shutdown hooks,
 *       nothing more written);</li>
 *   <li>{@code pause@K/MILLIS}: the operation waits, to hold a run in the middle of its work.</li>
 * </ul>
 *
 * {@code vipctl.fault.match=TEXT} counts only operations on a path containing TEXT;
 * {@code vipctl.fault.log=FILE} appends one line per counted operation (to learn how many there are).
 */
public final class FaultyFileSystemProvider extends FileSystemProvider {

    private final FileSystemProvider inner;
    private final FaultyFileSystem fs;
    private final String action;
    private final long at;
    private final long pauseMillis;
    private final String match;
    private final String log;
    private long count;

    public FaultyFileSystemProvider(FileSystemProvider inner) {
        this.inner = inner;
        this.fs = new FaultyFileSystem(this, inner.getFileSystem(URI.create("file:///")));
        String spec = System.getProperty("vipctl.fault", "");
        int atSign = spec.indexOf('@');
        this.action = atSign < 0 ? "" : spec.substring(0, atSign);
        String rest = atSign < 0 ? "0" : spec.substring(atSign + 1);
        int slash = rest.indexOf('/');
        this.at = Long.parseLong(slash < 0 ? rest : rest.substring(0, slash));
        this.pauseMillis = slash < 0 ? 0 : Long.parseLong(rest.substring(slash + 1));
        this.match = System.getProperty("vipctl.fault.match", "");
        this.log = System.getProperty("vipctl.fault.log", "");
    }

    private synchronized void change(String op, Path... paths) throws IOException {
        boolean matches = match.isEmpty();
        StringBuilder names = new StringBuilder();
        for (Path p : paths) {
            String s = FaultyPath.unwrap(p).toString();
            matches |= s.contains(match);
            names.append(' ').append(s);
        }
        if (!matches) {
            return;
        }
        count++;
        if (!log.isEmpty()) {
            java.nio.file.Path logFile = inner.getFileSystem(URI.create("file:///")).getPath(log);
            try (SeekableByteChannel ch = inner.newByteChannel(logFile,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND))) {
                ch.write(java.nio.ByteBuffer.wrap((count + " " + op + names + "\n").getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (count != at) {
            return;
        }
        switch (action) {
            case "fail" -> throw new AccessDeniedException(FaultyPath.unwrap(paths[0]).toString(), null,
                    "injected fault at write " + count);
            case "kill" -> Runtime.getRuntime().halt(137);
            case "pause" -> {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> {
            }
        }
    }

    private static boolean writes(Set<? extends OpenOption> options) {
        return options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
    }

    @Override
    public String getScheme() {
        return inner.getScheme();
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        return fs;
    }

    @Override
    public Path getPath(URI uri) {
        return fs.wrap(inner.getPath(uri));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (writes(options)) {
            change("write", path);
        }
        return inner.newByteChannel(FaultyPath.unwrap(path), options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (writes(options)) {
            change("write", path);
        }
        return inner.newFileChannel(FaultyPath.unwrap(path), options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        DirectoryStream<Path> s = inner.newDirectoryStream(FaultyPath.unwrap(dir), p -> filter.accept(fs.wrap(p)));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> it = s.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Path next() {
                        return fs.wrap(it.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                s.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        change("mkdir", dir);
        inner.createDirectory(FaultyPath.unwrap(dir), attrs);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        change("symlink", link);
        inner.createSymbolicLink(FaultyPath.unwrap(link), FaultyPath.unwrap(target), attrs);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        change("link", link);
        inner.createLink(FaultyPath.unwrap(link), FaultyPath.unwrap(existing));
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return fs.wrap(inner.readSymbolicLink(FaultyPath.unwrap(link)));
    }

    @Override
    public void delete(Path path) throws IOException {
        change("delete", path);
        inner.delete(FaultyPath.unwrap(path));
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        change("delete", path);
        return inner.deleteIfExists(FaultyPath.unwrap(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        change("copy", source, target);
        inner.copy(FaultyPath.unwrap(source), FaultyPath.unwrap(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        change("move", source, target);
        inner.move(FaultyPath.unwrap(source), FaultyPath.unwrap(target), options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return inner.isSameFile(FaultyPath.unwrap(path), FaultyPath.unwrap(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return inner.isHidden(FaultyPath.unwrap(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return inner.getFileStore(FaultyPath.unwrap(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        inner.checkAccess(FaultyPath.unwrap(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return inner.getFileAttributeView(FaultyPath.unwrap(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        return inner.readAttributes(FaultyPath.unwrap(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return inner.readAttributes(FaultyPath.unwrap(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        change("setattr", path);
        inner.setAttribute(FaultyPath.unwrap(path), attribute, value, options);
    }
}
