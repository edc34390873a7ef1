package org.vipctl.admx.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.admx.AdmxXml;
import org.vipctl.admx.PolicyNamespace;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;

/**
 * The files whose root element uses one of the namespace forms Windows ships besides the schema's
 * (none, www.microsoft.com's, https): read like any other, and said once per form, in a note.
 */
final class NamespaceForms {

    private static final int NAMES_IN_A_NOTE = 6;

    /** A file that uses form {@code namespace}, at its root element. */
    record Seen(String namespace, String file, Location at) {
    }

    private final Map<String, List<Seen>> byForm = new LinkedHashMap<>();

    void add(Seen s) {
        byForm.computeIfAbsent(s.namespace(), k -> new ArrayList<>()).add(s);
    }

    void notes(Diagnostics out) {
        byForm.forEach((form, seen) -> {
            List<String> names = seen.stream().map(s -> s.file().substring(Math.max(s.file().lastIndexOf('/'),
                    s.file().lastIndexOf('\\')) + 1)).toList();
            String listed = String.join(", ", names.subList(0, Math.min(NAMES_IN_A_NOTE, names.size())))
                    + (names.size() > NAMES_IN_A_NOTE ? " and " + (names.size() - NAMES_IN_A_NOTE) + " more" : "");
            out.add(new Diagnostic(Severity.NOTE, Rule.ADMX_STRUCTURE.id(), seen.size() + " file"
                    + (seen.size() == 1 ? " uses " : "s use ") + PolicyNamespace.describe(form) + " on the root element ("
                    + listed + "); Microsoft's schema uses " + AdmxXml.NS + ". Windows reads both; so does lint",
                    "nothing to do for files Windows ships; in your own templates use xmlns=\"" + AdmxXml.NS + "\"",
                    seen.get(0).at(), List.of()));
        });
    }
}
