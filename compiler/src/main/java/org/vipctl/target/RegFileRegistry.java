package org.vipctl.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.vipctl.files.AtomicFile;
import org.vipctl.files.InputFile;
import org.vipctl.files.InputKind;
import org.vipctl.files.InputLimits;
import org.vipctl.files.InputRefused;
import org.vipctl.files.IoProblem;
import org.vipctl.format.reg.RegFileException;
import org.vipctl.format.reg.RegFileReader;
import org.vipctl.format.reg.RegFileSource;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;

/**
 * A .reg file as the registry (offline images, tests, machines without Windows). A missing or
 * empty file is an empty registry. The file is read once when opened; a batch of writes is made in
 * memory and the file replaced once, atomically, so it is always a complete state. An existing file
 * is changed in place ({@link RegFileEdit}): lines vipctl does not change keep their bytes; a new
 * file is written whole, as {@code compile --emit reg} writes one. A file another program changed
 * after it was read (its size, modification time or identity differ) is not overwritten.
 */
public final class RegFileRegistry implements Registry {

    private final Path file;
    private final InputLimits limits;
    private Optional<Stamp> stamp;
    private StateTree tree;
    private Optional<RegFileSource> source;
    private Optional<RegFileEdit> edit;
    private int writes;

    /** What the file looked like when read: a change by another program shows in one of these. */
    private record Stamp(long size, FileTime modified, Object key) {
        static Optional<Stamp> of(Path file) throws IOException {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new Stamp(a.size(), a.lastModifiedTime(), a.fileKey()));
        }
    }

    private RegFileRegistry(Path file, InputLimits limits, StateTree tree, Optional<RegFileSource> source) {
        this.file = file;
        this.limits = limits;
        this.stamp = Optional.empty();
        this.tree = tree;
        this.source = source;
        this.edit = source.map(RegFileEdit::new);
    }

    /** @throws RegistryException when the file exists but cannot be read or is not a valid .reg file */
    public static RegFileRegistry open(Path file) {
        return open(file, InputLimits.DEFAULT);
    }

    /**
     * As {@link #open(Path)}, refusing a file above the .reg limit of {@code limits} or one that is
     * not a regular file (a named pipe would block the run).
     */
    public static RegFileRegistry open(Path file, InputLimits limits) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Optional<Stamp> stamp = Stamp.of(abs);
            RegFileRegistry r = read(abs, limits);
            r.stamp = stamp;
            return r;
        } catch (IOException e) {
            throw new RegistryException("cannot read " + IoProblem.describe(abs, e), e);
        }
    }

    private static RegFileRegistry read(Path abs, InputLimits limits) {
        try {
            byte[] bytes = InputFile.read(abs, InputKind.REG_FILE, limits);
            if (bytes.length == 0) {
                return new RegFileRegistry(abs, limits, new StateTree(), Optional.empty());
            }
            RegFileSource src = RegFileReader.source(abs.toString(), bytes);
            return new RegFileRegistry(abs, limits, RegStateFile.tree(abs.toString(), src.file()), Optional.of(src));
        } catch (NoSuchFileException e) {
            return new RegFileRegistry(abs, limits, new StateTree(), Optional.empty());
        } catch (InputRefused e) {
            throw new RegistryException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RegistryException("cannot read " + IoProblem.describe(abs, e), e);
        } catch (RegFileException e) {
            throw new RegistryException(e.getMessage(), e);
        }
    }

    @Override
    public String target() {
        return nameOf(file);
    }

    /** The target name of the .reg file {@code file} (an absolute, normalized path). */
    public static String nameOf(Path file) {
        return "regfile:" + file;
    }

    @Override
    public Optional<RegValue> read(RegKey key, String name) {
        if (RegistryEntry.isKeyOnly(name)) {
            return tree.keyExists(key) ? Optional.of(new RegValue.None()) : Optional.empty();
        }
        return tree.read(key, name);
    }

    @Override
    public boolean keyExists(RegKey key) {
        return tree.keyExists(key);
    }

    @Override
    public void write(RegKey key, String name, RegValue value) {
        apply(List.of(new RegistryWrite.Set(key, name, value)));
    }

    @Override
    public void delete(RegKey key, String name) {
        apply(List.of(new RegistryWrite.Delete(key, name)));
    }

    @Override
    public void apply(List<RegistryWrite> writes) {
        for (RegistryWrite w : writes) {
            if (RegistryEntry.isKeyOnly(w.name())) {
                keyOnly(w);
            } else if (w instanceof RegistryWrite.Set set) {
                tree.write(set.key(), set.name(), set.value());
                edit.ifPresent(e -> e.set(set.key(), set.name(), set.value()));
            } else {
                tree.delete(w.key(), w.name());
                edit.ifPresent(e -> e.delete(w.key(), w.name()));
            }
        }
        save();
    }

    /**
     * The key itself: a section header without values creates it; taking it back removes the key
     * only while it is empty (no values, no subkeys), as it was before it was created.
     */
    private void keyOnly(RegistryWrite w) {
        if (w instanceof RegistryWrite.Set) {
            if (!tree.keyExists(w.key())) {
                tree.createKey(w.key());
                edit.ifPresent(e -> e.createKey(w.key()));
            }
        } else if (tree.removeIfEmpty(w.key())) {
            edit.ifPresent(e -> e.removeEmptyKey(w.key()));
        }
    }

    /** Times the file was written through this object (for tests: one per batch). */
    public int writes() {
        return writes;
    }

    private void save() {
        writes++;
        try {
            if (!Stamp.of(file).equals(stamp)) {
                reload();
                throw new RegistryException(file + " was changed by another program since vipctl read it; nothing"
                        + " was written: run again");
            }
            byte[] bytes = edit.isPresent() ? source.orElseThrow().encode(edit.get().render())
                    : RegStateFile.write(tree, file.toString());
            AtomicFile.write(file, bytes);
            stamp = Stamp.of(file);
        } catch (IOException | IllegalArgumentException e) {
            reload();
            throw new RegistryException("cannot write " + (e instanceof IOException io ? IoProblem.describe(file, io)
                    : file + ": " + e.getMessage()), e);
        }
    }

    /** After a failed write: what the file holds is what this object holds again. */
    private void reload() {
        RegFileRegistry again = open(file, limits);
        stamp = again.stamp;
        tree = again.tree;
        source = again.source;
        edit = again.edit;
    }
}
