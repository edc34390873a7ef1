package org.vipctl.registry;

import java.util.Locale;
import java.util.Objects;

/**
 * One desired fact about the registry: a value set to typed data, or a value that must be absent.
 * A key that must exist without any value of its own is a {@link Set} of the pseudo value
 * {@link #KEY_ONLY} to REG_NONE: plan, apply, backups and rollback then treat it like any value,
 * and every target and writer gives it its own form (a key-only Registry.pol record, a .reg section
 * without values, a created key).
 */
public sealed interface RegistryEntry {

    /**
     * The name of the pseudo value that stands for "this key exists". It starts with {@code **}, so
     * no policy value can have it (Group Policy reads such names as directives); it is LGPO's
     * {@code CREATEKEY} and the name vipctl gives a key-only Registry.pol record.
     */
    String KEY_ONLY = "**createkey";

    /** The key itself, as a desired fact: it exists (its values are other entries' business). */
    static Set keyOnly(RegKey key, Provenance from) {
        return new Set(key, KEY_ONLY, new RegValue.None(), from);
    }

    /** True for the pseudo value {@link #KEY_ONLY}, i.e. an entry about the key, not a value. */
    static boolean isKeyOnly(String name) {
        return KEY_ONLY.equalsIgnoreCase(name);
    }

    default boolean isKeyOnly() {
        return isKeyOnly(name());
    }

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
