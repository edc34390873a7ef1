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

    static void check(List<Located<String>> entries, String what, Diagnostics out) {
        Map<String, Location> seen = new HashMap<>();
        for (Located<String> e : entries) {
            String name = e.value();
            Location at = e.at();
            if (name.isBlank()) {
                out.add(Rule.BAD_PROGRAM.error(at, "empty entry in " + what,
                        "remove the empty item; Windows stops reading a REG_MULTI_SZ list at an empty string"));
                continue;
            }
            if (name.contains("\\") || name.contains("/")) {
                String bare = name.substring(Math.max(name.lastIndexOf('\\'), name.lastIndexOf('/')) + 1);
                out.add(Rule.NOT_BARE_NAME.error(at, "'" + name + "' in " + what + " is a path, not an executable name",
                        "write the bare name: '" + bare + "'"));
                continue;
            }
            if (name.contains("*") || name.contains("?")) {
                out.add(Rule.BAD_PROGRAM.error(at, "'" + name + "' in " + what + " has a wildcard",
                        "wildcards are not matched; list each executable by name"));
                continue;
            }
            if (!name.equals(name.strip())) {
                out.add(Rule.BAD_PROGRAM.error(at, "'" + name + "' in " + what + " has leading or trailing spaces",
                        "write '" + name.strip() + "'"));
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
                out.add(Rule.DUPLICATE_PROGRAM.error(at, "'" + name + "' is listed twice in " + what
                                + " (names are compared ignoring case)", "remove the second entry; the first is at " + first)
                        .withRelated(first));
            }
        }
    }
}
