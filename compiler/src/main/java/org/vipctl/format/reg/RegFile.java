package org.vipctl.format.reg;

import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegValue;

/**
 * A parsed .reg file, in file order: key sections ({@code [KEY]}, or {@code [-KEY]} to delete the key
 * and its subkeys) with their value lines ({@code "name"=data}, or {@code "name"=-} to delete).
 * Positions are character offsets in the decoded text ({@link RegFileSource#text()}), so a file can be
 * changed in place: a section runs from its header to the next header, a value line from its first
 * character to after the line end of its last continuation line.
 */
public record RegFile(List<Section> sections) {

    public RegFile {
        sections = List.copyOf(sections);
    }

    /** {@code key} is the full path as written, hive included, e.g. {@code HKEY_LOCAL_MACHINE\SOFTWARE\X}. */
    public record Section(String key, boolean deleteKey, List<ValueLine> values, int line, int start, int headerEnd, int end) {
        public Section {
            values = List.copyOf(values);
        }

        public Section(String key, boolean deleteKey, List<ValueLine> values, int line) {
            this(key, deleteKey, values, line, 0, 0, 0);
        }
    }

    /** {@code name} is empty for the default value ({@code @}); an empty {@code value} deletes the value. */
    public record ValueLine(String name, Optional<RegValue> value, int line, int start, int end) {

        public ValueLine(String name, Optional<RegValue> value, int line) {
            this(name, value, line, 0, 0);
        }
    }
}
