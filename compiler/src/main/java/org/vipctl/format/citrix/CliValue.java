package org.vipctl.format.citrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of PowerShell's CliXml object model (MS-PSRP 2.2.5) that Citrix policy exports use:
 * strings, booleans, 32-bit integers, null, property bags ({@code PSCustomObject} with note
 * properties, in order) and object arrays. Anything else a real export may carry in a setting
 * vipctl does not manage (dates, 64-bit numbers, dictionaries, …) is kept as {@link Other}.
 */
public sealed interface CliValue {

    record Str(String value) implements CliValue {
    }

    record Bool(boolean value) implements CliValue {
    }

    record Int32(int value) implements CliValue {
    }

    record Nil() implements CliValue {
    }

    /** A property bag; member order is kept because the serializer writes members in order. */
    record Obj(Map<String, CliValue> members) implements CliValue {
        public Obj {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public static Builder builder() {
            return new Builder();
        }

        public CliValue get(String name) {
            return members.get(name);
        }
    }

    /**
     * A CliXml element vipctl does not interpret: its element name and, for a primitive, its text
     * (empty for a container such as a dictionary, whose content is skipped).
     */
    record Other(String element, String text) implements CliValue {
    }

    /** An {@code object[]}. */
    record Arr(List<CliValue> items) implements CliValue {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** Builds an {@link Obj} member by member. */
    final class Builder {
        private final Map<String, CliValue> members = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, CliValue value) {
            if (members.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("member " + name + " set twice");
            }
            return this;
        }

        public Builder str(String name, String value) {
            return put(name, new Str(value));
        }

        public Builder bool(String name, boolean value) {
            return put(name, new Bool(value));
        }

        public Builder int32(String name, int value) {
            return put(name, new Int32(value));
        }

        public Obj build() {
            return new Obj(members);
        }
    }
}
