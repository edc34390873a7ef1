package org.vipctl.imports;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;

/**
 * One fact a source states, after later records have overridden earlier ones: a machine value set
 * to data, a machine value deleted, a key-wide instruction a policy cannot hold, a value outside
 * HKLM, or a Citrix policy setting. Keys are HKLM keys in the 64-bit view with the literal path the
 * source spells ({@code SOFTWARE\Wow6432Node\...} for the 32-bit view), so a value written back
 * lands where it was read.
 */
public sealed interface Observed {

    Origin origin();

    /** A value set. {@code value} is empty when the data cannot be read as its type without loss. */
    record Value(RegKey key, String name, int type, Optional<RegValue> value, Origin origin) implements Observed {
        public Value {
            Objects.requireNonNull(key);
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
        }

        public String typeName() {
            return RegType.ofCode(Integer.toUnsignedLong(type)).map(Enum::name).orElse("type " + Integer.toUnsignedString(type));
        }
    }

    /** A value deleted ({@code **del.}, {@code **DeleteValues}, {@code "name"=-}). */
    record Deleted(RegKey key, String name, Origin origin) implements Observed {
    }

    /** What a policy cannot say: delete all values or subkeys of a key, create a key only, write only if absent. */
    record KeyDirective(RegKey key, String what, Origin origin) implements Observed {
    }

    /** A value or instruction outside HKLM ({@code User\Registry.pol}, an HKCU section of a .reg file). */
    record OtherHive(String key, String name, Origin origin) implements Observed {
    }

    /** A Citrix policy setting: {@code state} as Citrix names it, {@code values} for list settings. */
    record CitrixValue(String setting, String state, List<String> values, Origin origin) implements Observed {
        public CitrixValue {
            values = List.copyOf(values);
        }
    }

    /** Case-insensitive identity of a value: key and name. */
    static String valueId(RegKey key, String name) {
        return key.id() + "\\\\" + name.toLowerCase(Locale.ROOT);
    }
}
