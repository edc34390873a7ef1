package org.vipctl.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vipctl.files.InputKind;
import org.vipctl.files.InputLimits;
import org.vipctl.files.InputRefused;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolFormatException;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.gpo.GpoEffect;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.View;

/**
 * Reads a Registry.pol as the Group Policy client applies it: every value a record names gets the
 * effect the GPO target reads too ({@link GpoEffect}: set, deleted, set only if absent), from the
 * record that decides it, whose byte offset goes with the value. A key-only record is the pseudo
 * value {@link RegistryEntry#KEY_ONLY} of its key (a registry entry without a name). Key-wide
 * records a policy cannot express ({@code **delvals.}, {@code **DeleteKeys}, {@code **SecureKey})
 * are kept beside the values to be reported. A User half's records are values outside HKLM.
 */
final class PolSource {

    private PolSource() {
    }

    /** {@code shown} is the file as the user should see it in comments and messages. */
    static List<Observed> read(Path file, String shown, Hive hive, InputLimits limits) {
        PolFile pol;
        try {
            pol = PolReader.read(file, limits.of(InputKind.REGISTRY_POL));
        } catch (PolFormatException e) {
            throw new ImportException(shown + ": not a valid Registry.pol: " + e.getMessage(), e);
        } catch (InputRefused e) {
            throw new ImportException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ImportException(shown + ": cannot read: " + e.getMessage(), e);
        }
        long[] offsets = pol.offsets();
        List<PolRecord> records = pol.records();
        Map<PolRecord, Origin> origins = new IdentityHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            origins.put(records.get(i), new Origin.PolRecordAt(shown, offsets[i]));
        }
        List<Observed> out = new ArrayList<>();
        if (hive != Hive.HKLM) {
            for (PolRecord r : records) {
                out.add(new Observed.OtherHive(hive + "\\" + r.key(), r.subject(), origins.get(r)));
            }
            return out;
        }
        // the records that can matter to a key, in file order: its own and every **DeleteKeys (which reach below)
        List<Integer> deleteKeys = new ArrayList<>();
        Map<String, List<Integer>> own = new LinkedHashMap<>();
        Map<String, Map<String, String[]>> names = new LinkedHashMap<>();
        Set<String> keysOnly = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            PolRecord r = records.get(i);
            String k = r.key().toLowerCase(Locale.ROOT);
            if (r instanceof PolRecord.DeleteKeys) {
                deleteKeys.add(i);
            }
            own.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            for (String name : valueNames(r)) {
                // the spelling of the key and name where the value first appears, as the file has it
                names.computeIfAbsent(k, x -> new LinkedHashMap<>())
                        .putIfAbsent(name.toLowerCase(Locale.ROOT), new String[] {r.key(), name});
            }
            keyWide(r).ifPresent(what -> out.add(new Observed.KeyDirective(key(r.key()), what, origins.get(r))));
            if (r instanceof PolRecord.KeyOnly && keysOnly.add(k)) {
                out.add(new Observed.Value(key(r.key()), RegistryEntry.KEY_ONLY, r.raw().type(), Optional.of(new RegValue.None()),
                        origins.get(r)));
            }
        }
        for (Map.Entry<String, Map<String, String[]>> k : names.entrySet()) {
            List<PolRecord> relevant = inOrder(own.get(k.getKey()), deleteKeys).stream().map(records::get).toList();
            for (String[] keyAndName : k.getValue().values()) {
                GpoEffect effect = GpoEffect.of(relevant, keyAndName[0], keyAndName[1]);
                effect(effect, key(keyAndName[0]), keyAndName[1], origins).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Observed> effect(GpoEffect e, RegKey key, String name, Map<PolRecord, Origin> origins) {
        // a value record keeps its own spelling of key and name, so it is written back as it was
        if (e instanceof GpoEffect.Sets s && s.by() instanceof PolRecord.Value v) {
            return Optional.of(new Observed.Value(key(v.key()), v.name(), v.raw().type(), Optional.of(s.value()), origins.get(v)));
        }
        if (e instanceof GpoEffect.Sets s) {
            return Optional.of(new Observed.Value(key, name, s.by().raw().type(), Optional.of(s.value()), origins.get(s.by())));
        }
        if (e instanceof GpoEffect.Unreadable u) {
            return Optional.of(new Observed.Value(key(u.by().key()), u.by().name(), u.by().raw().type(), Optional.empty(),
                    origins.get(u.by())));
        }
        if (e instanceof GpoEffect.Deletes d) {
            return Optional.of(new Observed.Deleted(key, name, origins.get(d.by())));
        }
        if (e instanceof GpoEffect.SetsIfAbsent s) {
            return Optional.of(new Observed.KeyDirective(key, "sets '" + name + "' only when it is absent (**soft.)",
                    origins.get(s.by())));
        }
        return Optional.empty();
    }

    /** Two ascending index lists merged, each index once. */
    private static List<Integer> inOrder(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            int next = j >= b.size() || i < a.size() && a.get(i) <= b.get(j) ? a.get(i++) : b.get(j++);
            if (out.isEmpty() || out.get(out.size() - 1) != next) {
                out.add(next);
            }
        }
        return out;
    }

    /** The value names a record speaks of. */
    private static List<String> valueNames(PolRecord r) {
        if (r instanceof PolRecord.Value v) {
            return List.of(v.name());
        }
        if (r instanceof PolRecord.DeleteValue d) {
            return List.of(d.valueName());
        }
        if (r instanceof PolRecord.SoftValue s) {
            return List.of(s.valueName());
        }
        if (r instanceof PolRecord.DeleteValues d) {
            return d.names();
        }
        return List.of();
    }

    /** What a key-wide record does, in words; empty for records about one value. */
    private static Optional<String> keyWide(PolRecord r) {
        if (r instanceof PolRecord.DeleteAllValues) {
            return Optional.of("deletes every value of the key (**delvals.)");
        }
        if (r instanceof PolRecord.DeleteKeys d) {
            return Optional.of("deletes the subkeys " + String.join(", ", d.subkeys()) + " (**DeleteKeys)");
        }
        if (r instanceof PolRecord.SecureKey) {
            return Optional.of("resets the key's permissions (**SecureKey)");
        }
        return Optional.empty();
    }

    private static RegKey key(String path) {
        return new RegKey(Hive.HKLM, View.BIT64, path);
    }
}
