package org.vipctl.target;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;

/** A registry in memory, for tests: same matching rules as the file and Windows targets, and a write counter. */
public final class InMemoryRegistry implements Registry {

    private final String target;
    private final StateTree tree = new StateTree();
    private int writes;

    public InMemoryRegistry(String target) {
        this.target = target;
    }

    @Override
    public String target() {
        return target;
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

    /** Creates a key without values (e.g. to model a key Windows ships with). */
    public void createKey(RegKey key) {
        tree.createKey(key);
    }

    @Override
    public void write(RegKey key, String name, RegValue value) {
        writes++;
        if (RegistryEntry.isKeyOnly(name)) {
            tree.createKey(key);
            return;
        }
        tree.write(key, name, value);
    }

    @Override
    public void delete(RegKey key, String name) {
        writes++;
        if (RegistryEntry.isKeyOnly(name)) {
            tree.removeIfEmpty(key);
            return;
        }
        tree.delete(key, name);
    }

    /** Writes and deletes so far. */
    public int writes() {
        return writes;
    }

    /** Every value as {@code HIVE\literal path\name} (names as stored) to its data, for comparing whole states. */
    public Map<String, RegValue> snapshot() {
        Map<String, RegValue> out = new LinkedHashMap<>();
        for (StateTree.KeyNode k : tree.keys()) {
            for (StateTree.Named v : k.values.values()) {
                out.put(k.hive + "\\" + k.path + "\\" + v.name(), v.value());
            }
        }
        return out;
    }
}
