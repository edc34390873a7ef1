package org.vipctl.imports;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vipctl.diagnostic.Rule;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.View;

/**
 * Whether a value can be a {@code spec.registry} entry that writes back exactly what was read. Key
 * and value names are left to the validator, which runs over every imported policy and gives its
 * own rule for a name it refuses; this checks what the YAML itself could not carry.
 */
final class RegistryEntries {

    static final Set<RegType> TYPES = EnumSet.of(RegType.REG_SZ, RegType.REG_EXPAND_SZ, RegType.REG_DWORD,
            RegType.REG_QWORD, RegType.REG_MULTI_SZ, RegType.REG_BINARY);

    /** Why an observation cannot be an entry, with the rule the validator has for it. */
    record Problem(Rule rule, String text) {
    }

    private RegistryEntries() {
    }

    /** Why {@code v} cannot be an entry; empty when it can. */
    static Optional<Problem> problem(Observed.Value v) {
        if (RegistryEntry.isKeyOnly(v.name())) {
            return names(v.key(), ""); // an entry without a name
        }
        Optional<RegType> type = RegType.ofCode(Integer.toUnsignedLong(v.type()));
        if (type.isEmpty() || !TYPES.contains(type.get())) {
            return Optional.of(new Problem(Rule.NOT_ALLOWED, v.typeName() + " has no form in a policy (registry entries"
                    + " take REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_QWORD, REG_MULTI_SZ or REG_BINARY)"));
        }
        if (v.value().isEmpty()) {
            return Optional.of(new Problem(Rule.REGISTRY_DATA, "its data cannot be read as " + type.get()
                    + " without changing it"));
        }
        Optional<Problem> names = names(v.key(), v.name());
        if (names.isPresent()) {
            return names;
        }
        RegValue value = v.value().get();
        if (value instanceof RegValue.Sz s) {
            return text(s.text());
        }
        if (value instanceof RegValue.ExpandSz s) {
            return text(s.text());
        }
        if (value instanceof RegValue.MultiSz m) {
            return items(m.items());
        }
        return Optional.empty();
    }

    /** Why a key and value name cannot be written in an entry (for deletions too). */
    static Optional<Problem> names(RegKey key, String name) {
        Optional<RegKey> reparsed = RegKey.parse("HKLM\\" + key.path(), View.BIT64);
        if (reparsed.isEmpty() || !reparsed.get().path().equals(key.path())) {
            return Optional.of(new Problem(Rule.REGISTRY_KEY, "the key path ends with a backslash, which a policy's key cannot keep"));
        }
        if (!representable(key.path()) || !representable(name)) {
            return Optional.of(new Problem(Rule.REGISTRY_KEY, "the key or value name holds a lone UTF-16 surrogate,"
                    + " which YAML text cannot carry"));
        }
        return Optional.empty();
    }

    private static Optional<Problem> items(List<String> items) {
        for (String item : items) {
            if (item.isEmpty()) {
                return Optional.of(new Problem(Rule.REGISTRY_DATA, "its REG_MULTI_SZ data has an empty item"));
            }
            Optional<Problem> p = text(item);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> text(String s) {
        if (s.indexOf('\0') >= 0) {
            return Optional.of(new Problem(Rule.REGISTRY_DATA, "its data holds a NUL character inside the text"));
        }
        if (!representable(s)) {
            return Optional.of(new Problem(Rule.REGISTRY_DATA, "its data holds a lone UTF-16 surrogate, which YAML text cannot carry"));
        }
        return Optional.empty();
    }

    /** Text a UTF-8 file can hold: no unpaired surrogates. */
    static boolean representable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
