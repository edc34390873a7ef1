package org.vipctl.gpo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vipctl.diagnostic.Location;
import org.vipctl.files.AtomicFile;
import org.vipctl.files.InputFile;
import org.vipctl.files.InputKind;
import org.vipctl.files.InputLimits;
import org.vipctl.files.InputRefused;
import org.vipctl.files.IoProblem;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolFormatException;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.View;
import org.vipctl.target.Registry;
import org.vipctl.target.RegistryException;
import org.vipctl.target.RegistryWrite;

/**
 * A GPO folder as a registry target: the local GPO ({@code %SystemRoot%\System32\GroupPolicy}), a
 * domain GPO's SYSVOL folder, or any folder holding {@code Machine\Registry.pol} and {@code GPT.INI}.
 * Every command that changes a GPO folder goes through this one class.
 *
 * <p>Reading a value gives its effect when the Group Policy client applies the file
 * ({@link GpoEffect}); reading a directive name ({@code **del.X}) gives that record's data. Writing
 * names records literally (see {@link GpoEdit}); {@link #desired} says which records a policy needs.
 * A batch of writes reads the folder once and replaces Registry.pol and GPT.INI once, atomically,
 * Registry.pol first; the computer half of the version moves by one per batch that changes the file,
 * and the registry extension is listed in {@code gPCMachineExtensionNames}.
 */
public final class GpoRegistry implements Registry {

    /** The provenance label of a removal of a record about an owned value the policies no longer set. */
    public static final String PRUNED = "no longer in the policies";

    private final GpoFolder.Layout files;
    private final Ownership owned;
    private List<PolRecord> records;
    private byte[] polBytes;
    private GptIni ini;
    private final List<GpoFolder.Update> updates = new ArrayList<>();

    private GpoRegistry(GpoFolder.Layout files, Ownership owned, List<PolRecord> records, byte[] polBytes, GptIni ini) {
        this.files = files;
        this.owned = owned;
        this.records = List.copyOf(records);
        this.polBytes = polBytes;
        this.ini = ini;
    }

    /** Opens a GPO folder whose values are written one by one (apply, rollback). */
    public static GpoRegistry open(Path folder) {
        return open(folder, Ownership.none());
    }

    /**
     * Opens a GPO folder in which vipctl owns {@code owned}: records about an owned value that the
     * desired state does not mention are removed ({@code compile --gpo-dir}).
     *
     * @throws RegistryException when Registry.pol or GPT.INI cannot be read
     */
    public static GpoRegistry open(Path folder, Ownership owned) {
        return open(folder, owned, InputLimits.DEFAULT);
    }

    /**
     * As {@link #open(Path, Ownership)}, refusing a Registry.pol or GPT.INI above its limit in
     * {@code limits} or one that is not a regular file.
     */
    public static GpoRegistry open(Path folder, Ownership owned, InputLimits limits) {
        GpoFolder.Layout files = GpoFolder.locate(folder.toAbsolutePath().normalize());
        try {
            byte[] pol = readIfPresent(files.pol(), InputKind.REGISTRY_POL, limits);
            List<PolRecord> records = pol.length == 0 ? List.of()
                    : PolReader.read(pol, limits.of(InputKind.REGISTRY_POL)).records();
            byte[] iniBytes = readIfPresent(files.ini(), InputKind.GPT_INI, limits);
            GptIni ini = Files.exists(files.ini()) ? GptIni.parse(iniBytes) : GptIni.create();
            ini.version(); // a Version= that is not a number is an error now, naming the file, not at the first write
            return new GpoRegistry(files, owned, records, pol, ini);
        } catch (InputRefused e) {
            throw new RegistryException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RegistryException("cannot read the GPO in " + files.folder() + ": " + IoProblem.describe(e), e);
        } catch (PolFormatException e) {
            throw new RegistryException(files.pol() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(files.ini() + ": " + e.getMessage(), e);
        }
    }

    /** The file's bytes; none when it does not exist. */
    private static byte[] readIfPresent(Path file, InputKind kind, InputLimits limits) throws IOException {
        try {
            return InputFile.read(file, kind, limits);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    @Override
    public String target() {
        return nameOf(files.folder());
    }

    /** The target name of the GPO folder {@code folder} (an absolute, normalized path). */
    public static String nameOf(Path folder) {
        return "local-gpo:" + folder;
    }

    public Path folder() {
        return files.folder();
    }

    /** The computer and user version as GPT.INI holds it now. */
    public long version() {
        return ini.version();
    }

    /** The batches that changed the folder through this object, oldest first. */
    public List<GpoFolder.Update> updates() {
        return List.copyOf(updates);
    }

    @Override
    public Optional<RegValue> read(RegKey key, String name) {
        String path = machinePath(key);
        if (RegistryEntry.isKeyOnly(name)) {
            boolean recorded = records.stream().anyMatch(r -> r instanceof PolRecord.KeyOnly && r.key().equalsIgnoreCase(path));
            return recorded ? Optional.of(new RegValue.None()) : Optional.empty();
        }
        if (name.startsWith("**")) {
            PolRecord last = null;
            for (PolRecord r : records) {
                if (r.key().equalsIgnoreCase(path) && ValueId.recordName(r).equalsIgnoreCase(name)) {
                    last = r;
                }
            }
            return last == null ? Optional.empty() : Optional.of(PolRecord.decode(last.raw().type(), last.raw().data())
                    .orElseThrow(() -> unreadable(path, name)));
        }
        GpoEffect effect = GpoEffect.of(records, path, name);
        if (effect instanceof GpoEffect.Sets s) {
            return Optional.of(s.value());
        }
        if (effect instanceof GpoEffect.Unreadable) {
            throw unreadable(path, name);
        }
        return Optional.empty();
    }

    /** What the GPO does to one value, for readers that need more than the value ({@code import}). */
    public GpoEffect effect(RegKey key, String name) {
        return GpoEffect.of(records, machinePath(key), name);
    }

    public List<PolRecord> records() {
        return records;
    }

    @Override
    public boolean keyExists(RegKey key) {
        String path = machinePath(key);
        return records.stream().anyMatch(r -> r.key().equalsIgnoreCase(path)
                || r.key().regionMatches(true, 0, path + "\\", 0, path.length() + 1));
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
            if (w instanceof RegistryWrite.Set s && s.value() instanceof RegValue.MultiSz m && m.items().contains("")) {
                throw new RegistryException("REG_MULTI_SZ " + w.key() + "\\" + w.name()
                        + " has an empty item; Windows would cut the list there");
            }
        }
        List<PolRecord> next = GpoEdit.apply(records, writes);
        byte[] nextPol = new PolFile(next).toBytes();
        boolean noFileNeeded = polBytes.length == 0 && next.isEmpty();
        boolean polChanged = !noFileNeeded && !Arrays.equals(nextPol, polBytes);
        String extensions = next.isEmpty() ? ini.machineExtensionNames()
                : ExtensionNames.merge(ini.machineExtensionNames(), ExtensionNames.REGISTRY_CSE,
                        ExtensionNames.REGISTRY_TOOL_MACHINE);
        boolean iniChanged = !extensions.equals(ini.machineExtensionNames());
        if (!polChanged && !iniChanged) {
            return;
        }
        GptIni nextIni = (iniChanged ? ini.withMachineExtensionNames(extensions) : ini).bumpComputerVersion();
        List<Path> written = new ArrayList<>();
        try {
            if (polChanged) {
                AtomicFile.write(files.pol(), nextPol);
                written.add(files.pol());
            }
            AtomicFile.write(files.ini(), nextIni.toBytes());
            written.add(files.ini());
        } catch (IOException e) {
            throw new RegistryException("cannot update the GPO in " + files.folder() + ": " + IoProblem.describe(e), e);
        } finally {
            if (!written.isEmpty()) {
                records = List.copyOf(next);
                polBytes = written.contains(files.pol()) ? nextPol : polBytes;
            }
        }
        updates.add(new GpoFolder.Update(files.folder(), ini.version(), nextIni.version(), written));
        ini = nextIni;
    }

    /**
     * The records a GPO needs for {@code policies}: a value to set is its value record and no
     * {@code **del.}/{@code **soft.} record about it; a value to delete is a {@code **del.} record
     * (the client deletes the value) and no value or soft record. With an {@link Ownership}, records
     * about owned values the policies leave out are removed. Companion removals are listed only
     * where such a record exists, so a plan stays one line per policy value.
     */
    @Override
    public RegistryState desired(RegistryState policies) {
        List<RegistryEntry> out = new ArrayList<>();
        Set<ValueId> mentioned = new HashSet<>();
        for (List<RegistryEntry> group : policies.byKey().values()) {
            for (RegistryEntry e : group) {
                String path = machinePath(e.key());
                mentioned.add(new ValueId(path, e.name()));
                if (e instanceof RegistryEntry.Set) {
                    out.add(e);
                    removeIfPresent(e.key(), path, PolRecord.DEL + e.name(), e.from(), out);
                } else {
                    out.add(new RegistryEntry.Set(e.key(), PolRecord.DEL + e.name(), new RegValue.Sz(" "), e.from()));
                    removeIfPresent(e.key(), path, e.name(), e.from(), out);
                }
                removeIfPresent(e.key(), path, PolRecord.SOFT + e.name(), e.from(), out);
            }
        }
        Provenance pruned = new Provenance(PRUNED, "", Location.ofFile(files.folder().toString()));
        Set<String> removed = new HashSet<>();
        for (PolRecord r : records) {
            Optional<ValueId> id = ValueId.about(r);
            boolean stale = id.isPresent() && owned.values().contains(id.get()) && !mentioned.contains(id.get());
            if (stale && removed.add(new ValueId(r.key(), ValueId.recordName(r)).toString())) {
                RegKey key = new RegKey(Hive.HKLM, View.BIT64, r.key());
                out.add(new RegistryEntry.Delete(key, ValueId.recordName(r), pruned));
            }
        }
        return new RegistryState(policies.scope(), out);
    }

    private void removeIfPresent(RegKey key, String path, String recordName, Provenance from, List<RegistryEntry> out) {
        boolean present = records.stream().anyMatch(r -> r.key().equalsIgnoreCase(path) && ValueId.recordName(r).equalsIgnoreCase(recordName));
        if (present) {
            out.add(new RegistryEntry.Delete(key, recordName, from));
        }
    }

    /** Registry.pol keys have no hive (Machine is HKLM) and are seen by the 64-bit Group Policy client. */
    static String machinePath(RegKey key) {
        if (key.hive() != Hive.HKLM) {
            throw new RegistryException("a GPO target holds machine (HKLM) values only, not " + key);
        }
        return key.literalPath();
    }

    private RegistryException unreadable(String path, String name) {
        return new RegistryException(files.pol() + ": " + path + "\\" + name
                + " has data vipctl cannot read as its registry type");
    }
}
