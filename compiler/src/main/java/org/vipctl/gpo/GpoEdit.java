package org.vipctl.gpo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.format.pol.RawRecord;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.target.RegistryException;
import org.vipctl.target.RegistryWrite;

/**
 * Applies a batch of record writes to a Registry.pol's records. A write names a record literally:
 * {@code X} is the value record of X, {@code **del.X} and {@code **soft.X} the directives about X.
 * The records about one value stay together where the first of them stood, so a value changed in
 * place keeps its place and a rollback puts a record back where it was; records about a value the
 * file did not mention go after the last record of their key, or at the end. Records about values
 * the batch does not touch stay byte for byte and in order.
 */
final class GpoEdit {

    private GpoEdit() {
    }

    static List<PolRecord> apply(List<PolRecord> records, List<RegistryWrite> writes) {
        Map<ValueId, List<PolRecord>> groups = new LinkedHashMap<>();
        for (RegistryWrite w : writes) {
            String key = GpoRegistry.machinePath(w.key());
            ValueId id = ValueId.ofRecordName(key, w.name());
            List<PolRecord> group = groups.computeIfAbsent(id, i -> existing(records, i));
            int at = indexOfName(group, w.name());
            group.removeIf(r -> ValueId.recordName(r).equalsIgnoreCase(w.name()));
            if (w instanceof RegistryWrite.Set s) {
                group.add(at >= 0 ? at : group.size(), record(key, s));
            }
        }
        List<PolRecord> out = new ArrayList<>();
        Map<ValueId, List<PolRecord>> pending = new LinkedHashMap<>(groups);
        for (PolRecord r : records) {
            var id = ValueId.about(r);
            if (id.isPresent() && groups.containsKey(id.get())) {
                List<PolRecord> group = pending.remove(id.get());
                if (group != null) {
                    out.addAll(group);
                }
                continue;
            }
            out.add(r);
        }
        for (Map.Entry<ValueId, List<PolRecord>> e : pending.entrySet()) {
            out.addAll(afterLastOfKey(out, e.getKey().key()), e.getValue());
        }
        return out;
    }

    private static List<PolRecord> existing(List<PolRecord> records, ValueId id) {
        List<PolRecord> group = new ArrayList<>();
        for (PolRecord r : records) {
            if (ValueId.about(r).map(id::equals).orElse(false)) {
                group.add(r);
            }
        }
        return group;
    }

    private static int indexOfName(List<PolRecord> group, String name) {
        for (int i = 0; i < group.size(); i++) {
            if (ValueId.recordName(group.get(i)).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int afterLastOfKey(List<PolRecord> out, String key) {
        for (int i = out.size() - 1; i >= 0; i--) {
            if (out.get(i).key().equalsIgnoreCase(key)) {
                return i + 1;
            }
        }
        return out.size();
    }

    /** A value record, or the directive the name spells ({@code **del.X} written as gpedit writes it). */
    private static PolRecord record(String key, RegistryWrite.Set s) {
        try {
            if (RegistryEntry.isKeyOnly(s.name())) {
                return PolRecord.keyOnly(key);
            }
            if (s.name().startsWith("**")) {
                return PolRecord.of(new RawRecord(key, s.name(), s.value().type().code(), s.value().toBytes()));
            }
            return PolRecord.value(key, s.name(), s.value());
        } catch (IllegalArgumentException e) {
            throw new RegistryException(e.getMessage(), e);
        }
    }
}
