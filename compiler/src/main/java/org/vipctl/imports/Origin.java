package org.vipctl.imports;

import org.vipctl.diagnostic.Location;

/**
 * Where an imported value was found: a Registry.pol record (file and byte offset), a line of a .reg
 * file, a key of the live registry, or a Citrix policy in an export. {@code where} is the short form
 * the YAML comments and messages use beside the file's location.
 */
public sealed interface Origin {

    /** The file or target, as the user named it (forward slashes). */
    String source();

    /** Within the source: {@code record at byte 8}, {@code line 12}, {@code Citrix policy 'X'}. */
    String where();

    /** For diagnostics: the file, with its line when there is one. */
    Location location();

    record PolRecordAt(String source, long offset) implements Origin {
        public String where() {
            return "record at byte " + offset;
        }

        public Location location() {
            return Location.ofFile(source);
        }
    }

    record RegLine(String source, int line) implements Origin {
        public String where() {
            return "line " + line;
        }

        public Location location() {
            return new Location(source, line, 1);
        }
    }

    /** A value of a live registry; the key is in the YAML beside it. */
    record LiveValue(String source) implements Origin {
        public String where() {
            return "";
        }

        public Location location() {
            return Location.ofFile(source);
        }
    }

    record CitrixPolicyAt(String source, String policy) implements Origin {
        public String where() {
            return "Citrix policy '" + policy + "'";
        }

        public Location location() {
            return Location.ofFile(source);
        }
    }
}
