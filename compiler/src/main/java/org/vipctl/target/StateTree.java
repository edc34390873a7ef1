package org.vipctl.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;

/**
 * A registry held as data: keys in first-seen order, each with its values in first-seen order.
 * Keys are stored by their literal path (a 32-bit view key under SOFTWARE\Wow6432Node), matched
 * case-insensitively; a value keeps the spelling of its name from when it was first created, as
 * Windows does.
 */
final class StateTree {

    record Named(String name, RegValue value) {
    }

    static final class KeyNode {
        final Hive hive;
        final String path;
        final Map<String, Named> values = new LinkedHashMap<>();

        KeyNode(Hive hive, String path) {
            this.hive = hive;
            this.path = path;
        }
    }

    private final Map<String, KeyNode> keys = new LinkedHashMap<>();

    Optional<RegValue> read(RegKey key, String name) {
        KeyNode k = keys.get(key.id());
        return k == null ? Optional.empty()
                : Optional.ofNullable(k.values.get(lower(name))).map(Named::value);
    }

    boolean keyExists(RegKey key) {
        String id = key.id();
        return keys.keySet().stream().anyMatch(k -> k.equals(id) || k.startsWith(id + "\\"));
    }

    void createKey(RegKey key) {
        RegKey c = key.canonical();
        keys.computeIfAbsent(c.id(), x -> new KeyNode(c.hive(), c.path()));
    }

    /** The node of {@code key}, created when missing: for readers that add many values to one key. */
    KeyNode node(RegKey key) {
        RegKey c = key.canonical();
        return keys.computeIfAbsent(c.id(), x -> new KeyNode(c.hive(), c.path()));
    }

    static void write(KeyNode k, String name, RegValue value) {
        Named old = k.values.get(lower(name));
        k.values.put(lower(name), new Named(old == null ? name : old.name(), value));
    }

    static void delete(KeyNode k, String name) {
        k.values.remove(lower(name));
    }

    void write(RegKey key, String name, RegValue value) {
        createKey(key);
        KeyNode k = keys.get(key.id());
        Named old = k.values.get(lower(name));
        k.values.put(lower(name), new Named(old == null ? name : old.name(), value));
    }

    void delete(RegKey key, String name) {
        KeyNode k = keys.get(key.id());
        if (k != null) {
            k.values.remove(lower(name));
        }
    }

    /** Removes the key when it has no values and no subkeys; true when it did. */
    boolean removeIfEmpty(RegKey key) {
        String id = key.id();
        KeyNode k = keys.get(id);
        boolean hasSubkeys = keys.keySet().stream().anyMatch(x -> x.startsWith(id + "\\"));
        if (k == null || !k.values.isEmpty() || hasSubkeys) {
            return false;
        }
        keys.remove(id);
        return true;
    }

    /** Removes the key and all its subkeys, as {@code [-KEY]} does. */
    void deleteTree(RegKey key) {
        String id = key.id();
        keys.keySet().removeIf(k -> k.equals(id) || k.startsWith(id + "\\"));
    }

    List<KeyNode> keys() {
        return new ArrayList<>(keys.values());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
