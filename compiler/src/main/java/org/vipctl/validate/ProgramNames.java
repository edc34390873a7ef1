package org.vipctl.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.model.Located;

/**
 * Program and process lists hold bare executable names ({@code crm.exe}): Windows and Citrix match
 * the image name of the process, never a path or a pattern.
 */
final class ProgramNames {

    private static final Pattern ILLEGAL = Pattern.compile("[<>:\"|\\x00-\\x1f]");

    private ProgramNames() {
    }

    /** How a list treats an entry that is a path. */
    enum Paths {
        /** The consumer matches image names only: a path never matches, so it is an error. */
        REFUSED,
        /**
         * The consumer is Citrix's program list: Citrix's own Terraform example lists full paths while
         * its product documentation asks only for the executable name, so a path is a warning and the
         * rest of the checks apply to its file name.
         */
        DISCOURAGED
    }

    static void check(List<Located<String>> entries, String what, Diagnostics out) {
        check(entries, what, Paths.REFUSED, out);
    }

    static void check(List<Located<String>> entries, String what, Paths paths, Diagnostics out) {
        Map<String, Location> seen = new HashMap<>();
        for (Located<String> e : entries) {
            String entry = e.value();
            String name = entry;
            Location at = e.at();
            if (name.isBlank()) {
                out.add(Rule.BAD_PROGRAM.error(at, "empty entry in " + what,
                        "remove the empty item; Windows stops reading a REG_MULTI_SZ list at an empty string"));
                continue;
            }
            if (name.contains("\\") || name.contains("/")) {
                String bare = name.substring(Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/')) + 1);
                if (paths == Paths.REFUSED) {
                    out.add(Rule.NOT_BARE_NAME.error(at, "'" + name + "' in " + what + " is a path, not an executable name",
                            "write the bare name: '" + bare + "'"));
                    continue;
                }
                out.add(Rule.NOT_BARE_NAME.warning(at, "'" + name + "' in " + what
                                + " is a path; Citrix needs only the executable name",
                        "write the bare name: '" + bare + "'"));
                name = bare;
            }
            if (name.contains("*") || name.contains("?")) {
                out.add(Rule.BAD_PROGRAM.error(at, "'" + name + "' in " + what + " has a wildcard",
                        "wildcards are not matched; list each executable by name"));
                continue;
            }
            if (!entry.equals(entry.strip())) {
                out.add(Rule.BAD_PROGRAM.error(at, "'" + entry + "' in " + what + " has leading or trailing spaces",
                        "write '" + entry.strip() + "'"));
                continue;
            }
            if (ILLEGAL.matcher(name).find()) {
                out.add(Rule.BAD_PROGRAM.error(at, "'" + name + "' in " + what + " has characters a file name cannot have",
                        "write the executable's file name, e.g. crm.exe"));
                continue;
            }
            if (!name.toLowerCase(Locale.ROOT).endsWith(".exe")) {
                out.add(Rule.BAD_PROGRAM.error(at, "'" + name + "' in " + what + " is not an .exe name",
                        "write the executable's file name with its extension, e.g. '" + name + ".exe'"));
                continue;
            }
            Location first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), at);
            if (first != null) {
                out.add(Rule.DUPLICATE_PROGRAM.error(at, "'" + entry + "' is listed twice in " + what
                                + " (names are compared ignoring case)", "remove the second entry; the first is at " + first)
                        .withRelated(first));
            }
        }
    }
}
