package org.vipctl.registry;

import java.util.Locale;
import java.util.Objects;

/** One desired fact about the registry: a value set to typed data, or a value that must be absent. */
public sealed interface RegistryEntry {

    RegKey key();

    /** The value name; empty string is the key's default value. */
    String name();

    Provenance from();

    /** Case-insensitive identity of the value this entry is about (key and name). */
    default String valueId() {
        return key().id() + "\\\\" + name().toLowerCase(Locale.ROOT);
    }

    record Set(RegKey key, String name, RegValue value, Provenance from) implements RegistryEntry {
        public Set {
            Objects.requireNonNull(key);
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
            Objects.requireNonNull(from);
        }
    }

    record Delete(RegKey key, String name, Provenance from) implements RegistryEntry {
        public Delete {
            Objects.requireNonNull(key);
            Objects.requireNonNull(name);
            Objects.requireNonNull(from);
        }
    }
}
