package org.vipctl.imports;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Policy names from what sources call things (a GPO's display name, a file name, a Citrix policy
 * name): letters, digits, {@code . _ -}, starting with a letter or digit, at most 64 characters,
 * not a Windows device name, unique ignoring case within one import.
 */
final class PolicyNames {

    private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final int MAX = 64;

    private final Set<String> used = new HashSet<>();

    /** {@code Basic - MSFT Windows 10 21H2} → {@code Basic-MSFT-Windows-10-21H2}; {@code imported} when nothing is left. */
    static String fromText(String text) {
        String s = text.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
        s = s.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
        if (s.length() > MAX) {
            s = s.substring(0, MAX).replaceAll("[^A-Za-z0-9]+$", "");
        }
        if (s.isEmpty()) {
            s = "imported";
        }
        if (DEVICE.matcher(s).matches()) {
            s = s + "-policy";
        }
        return s;
    }

    /** {@code name}, or {@code name-2}, {@code name-3}... when an earlier policy of this import has it. */
    String unique(String name) {
        String candidate = name;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "-" + n;
            String base = name.length() + suffix.length() > MAX ? name.substring(0, MAX - suffix.length()) : name;
            candidate = base + suffix;
        }
        return candidate;
    }
}
