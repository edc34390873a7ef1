package org.vipctl.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of comma- or tab-separated values as Windows tools write them: fields optionally in
 * double quotes, a doubled quote inside quotes standing for one. A field never spans lines here.
 */
final class CsvLine {

    private CsvLine() {
    }

    /** The fields of {@code line}, or empty when a quote is left open. */
    static Optional<List<String>> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                f.setLength(0);
            } else if (c == separator) {
                fields.add(wasQuoted ? f.toString() : f.toString().strip());
                f.setLength(0);
                wasQuoted = false;
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            return Optional.empty();
        }
        fields.add(wasQuoted ? f.toString() : f.toString().strip());
        return Optional.of(fields);
    }
}
