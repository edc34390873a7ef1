package org.vipctl.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vipctl.files.AtomicFile;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;

/**
 * A .reg file as the registry (offline images, tests, machines without Windows). A missing or
 * empty file is an empty registry. The file is read once when opened; a batch of writes is made in
 * memory and the file replaced once, atomically, so it is always a complete state.
 */
public final class RegFileRegistry implements Registry {

    private final Path file;
    private final StateTree tree;
    private int writes;

    private RegFileRegistry(Path file, StateTree tree) {
        this.file = file;
        this.tree = tree;
    }

    /** @throws RegistryException when the file exists but cannot be read or is not a valid .reg file */
    public static RegFileRegistry open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            byte[] bytes = Files.readAllBytes(abs);
            return new RegFileRegistry(abs, RegStateFile.read(abs.toString(), bytes));
        } catch (NoSuchFileException e) {
            return new RegFileRegistry(abs, new StateTree());
        } catch (IOException e) {
            throw new RegistryException("cannot read " + abs + ": " + e.getMessage(), e);
        } catch (org.vipctl.format.reg.RegFileException e) {
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
        return tree.read(key, name);
    }

    @Override
    public boolean keyExists(RegKey key) {
        return tree.keyExists(key);
    }

    @Override
    public void write(RegKey key, String name, RegValue value) {
        tree.write(key, name, value);
        save();
    }

    @Override
    public void delete(RegKey key, String name) {
        tree.delete(key, name);
        save();
    }

    @Override
    public void apply(List<RegistryWrite> writes) {
        for (RegistryWrite w : writes) {
            if (w instanceof RegistryWrite.Set set) {
                tree.write(set.key(), set.name(), set.value());
            } else {
                tree.delete(w.key(), w.name());
            }
        }
        save();
    }

    /** Times the file was written through this object (for tests: one per batch). */
    public int writes() {
        return writes;
    }

    private void save() {
        writes++;
        try {
            AtomicFile.write(file, RegStateFile.write(tree, file.toString()));
        } catch (IOException e) {
            throw new RegistryException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
