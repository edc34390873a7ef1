package org.vipctl.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;

/**
 * What a file of registry instructions leaves behind when applied in order, value by value: a
 * later record about a value replaces an earlier one, deleting all values of a key or a whole key
 * drops what earlier records set there. Instructions a policy cannot hold are kept beside the
 * values, so they can be reported.
 */
final class RegistryFold {

    private final Map<String, Observed> values = new LinkedHashMap<>();
    private final List<Observed> others = new ArrayList<>();

    void set(RegKey key, String name, int type, Optional<RegValue> value, Origin origin) {
        String id = Observed.valueId(key, name);
        values.remove(id);
        values.put(id, new Observed.Value(key, name, type, value, origin));
    }

    void delete(RegKey key, String name, Origin origin) {
        String id = Observed.valueId(key, name);
        values.remove(id);
        values.put(id, new Observed.Deleted(key, name, origin));
    }

    /** {@code **delvals.}: the key's earlier values are gone; the instruction itself is kept. */
    void deleteAllValues(RegKey key, String what, Origin origin) {
        values.values().removeIf(o -> keyOf(o).map(k -> k.id().equals(key.id())).orElse(false));
        others.add(new Observed.KeyDirective(key, what, origin));
    }

    /** {@code [-KEY]}: the key and its subkeys are gone. */
    void deleteTree(RegKey key, String what, Origin origin) {
        String id = key.id();
        values.values().removeIf(o -> keyOf(o).map(k -> k.id().equals(id) || k.id().startsWith(id + "\\")).orElse(false));
        others.add(new Observed.KeyDirective(key, what, origin));
    }

    void directive(RegKey key, String what, Origin origin) {
        others.add(new Observed.KeyDirective(key, what, origin));
    }

    void otherHive(String key, String name, Origin origin) {
        others.add(new Observed.OtherHive(key, name, origin));
    }

    List<Observed> result() {
        List<Observed> out = new ArrayList<>(values.values());
        out.addAll(others);
        return out;
    }

    private static Optional<RegKey> keyOf(Observed o) {
        if (o instanceof Observed.Value v) {
            return Optional.of(v.key());
        }
        if (o instanceof Observed.Deleted d) {
            return Optional.of(d.key());
        }
        return Optional.empty();
    }
}
