package org.vipctl.format.reg;

import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegValue;

/**
 * A parsed .reg file, in file order: key sections ({@code [KEY]}, or {@code [-KEY]} to delete the key
 * and its subkeys) with their value lines ({@code "name"=data}, or {@code "name"=-} to delete).
 */
public record RegFile(List<Section> sections) {

    public RegFile {
        sections = List.copyOf(sections);
    }

    /** {@code key} is the full path as written, hive included, e.g. {@code HKEY_LOCAL_MACHINE\SOFTWARE\X}. */
    public record Section(String key, boolean deleteKey, List<ValueLine> values, int line) {
        public Section {
            values = List.copyOf(values);
        }
    }

    /** {@code name} is empty for the default value ({@code @}); an empty {@code value} deletes the value. */
    public record ValueLine(String name, Optional<RegValue> value, int line) {
    }
}
