package org.vipctl.gpo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolFormatException;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.target.Registry;
import org.vipctl.target.RegistryException;

/**
 * A local Group Policy object as the registry: the values its {@code Machine\Registry.pol} sets.
 * A write replaces the records about that one value in place (or appends one), a delete removes
 * them (the value is then not configured); other records stay byte for byte. Each change bumps the
 * computer half of the {@code gpt.ini} version and lists the registry extension, so the Group
 * Policy client picks it up at the next refresh ({@code gpupdate /target:computer}).
 */
public final class LocalGpoRegistry implements Registry {

    private final Path folder;
    private int writes;

    private LocalGpoRegistry(Path folder) {
        this.folder = folder;
    }

    public static LocalGpoRegistry open(Path folder) {
        return new LocalGpoRegistry(folder.toAbsolutePath().normalize());
    }

    @Override
    public String target() {
        return "local-gpo:" + folder;
    }

    @Override
    public Optional<RegValue> read(RegKey key, String name) {
        String path = machinePath(key);
        Optional<RegValue> current = Optional.empty();
        for (PolRecord r : records()) {
            if (!r.key().equalsIgnoreCase(path)) {
                continue;
            }
            if (r instanceof PolRecord.Value v && v.name().equalsIgnoreCase(name)) {
                current = Optional.of(v.value().orElseThrow(() -> new RegistryException(polFile() + ": " + path + "\\"
                        + name + " has data vipctl cannot read as registry type " + v.raw().type())));
            } else if (r instanceof PolRecord.DeleteValue d && d.valueName().equalsIgnoreCase(name)) {
                current = Optional.empty();
            } else if (r instanceof PolRecord.DeleteAllValues) {
                current = Optional.empty();
            } else if (r instanceof PolRecord.DeleteValues d && d.names().stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                current = Optional.empty();
            }
        }
        return current;
    }

    @Override
    public boolean keyExists(RegKey key) {
        String path = machinePath(key);
        return records().stream().anyMatch(r -> r.key().equalsIgnoreCase(path)
                || r.key().regionMatches(true, 0, path + "\\", 0, path.length() + 1));
    }

    @Override
    public void write(RegKey key, String name, RegValue value) {
        if (value instanceof RegValue.MultiSz m && m.items().contains("")) {
            throw new RegistryException("REG_MULTI_SZ " + key + "\\" + name + " has an empty item; Windows would cut the list there");
        }
        String path = machinePath(key);
        PolRecord record;
        try {
            record = PolRecord.value(path, name, value);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(e.getMessage(), e);
        }
        update(path, name, List.of(record));
    }

    @Override
    public void delete(RegKey key, String name) {
        update(machinePath(key), name, List.of());
    }

    /** Writes and deletes done through this object. */
    public int writes() {
        return writes;
    }

    private void update(String path, String name, List<PolRecord> records) {
        writes++;
        try {
            Files.createDirectories(folder);
            GpoFolder.update(folder, new PolFile(records), Ownership.ofValues(Set.of(path + "\\" + name)));
        } catch (IOException | GpoFolderException e) {
            throw new RegistryException("cannot update the GPO in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Registry.pol keys have no hive (Machine is HKLM) and are seen by the 64-bit Group Policy client. */
    private static String machinePath(RegKey key) {
        if (key.hive() != Hive.HKLM) {
            throw new RegistryException("the local-gpo target holds machine (HKLM) values only, not " + key);
        }
        return key.literalPath();
    }

    private List<PolRecord> records() {
        Path pol = polFile();
        if (!Files.isRegularFile(pol)) {
            return List.of();
        }
        try {
            return PolReader.read(pol).records();
        } catch (IOException e) {
            throw new RegistryException("cannot read " + pol + ": " + e.getMessage(), e);
        } catch (PolFormatException e) {
            throw new RegistryException(pol + ": " + e.getMessage(), e);
        }
    }

    /** Windows file names are case-insensitive; real GPO folders have {@code MACHINE}, {@code registry.pol}. */
    private Path polFile() {
        Path machine = child(folder, "Machine");
        return child(machine, "Registry.pol");
    }

    private static Path child(Path dir, String name) {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                Optional<Path> found = s.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                throw new RegistryException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return dir.resolve(name);
    }
}
