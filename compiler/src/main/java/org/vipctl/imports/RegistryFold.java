package org.vipctl.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;

/**
 * What a .reg file or a live registry leaves behind, value by value: a later line about a value
 * replaces an earlier one, deleting a whole key drops what earlier lines set there. Instructions a
 * policy cannot hold are kept beside the values, so they can be reported. (Registry.pol files are
 * read through the GPO target's own reading, {@code gpo.GpoEffect}.)
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
