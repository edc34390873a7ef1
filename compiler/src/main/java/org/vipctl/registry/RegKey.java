package org.vipctl.registry;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A registry key in one view. The path has no hive prefix and no leading or trailing backslash.
 * Windows compares key names case-insensitively; {@link #id()} is the form to compare by.
 */
public record RegKey(Hive hive, View view, String path) {

    private static final String WOW = "SOFTWARE\\WOW6432NODE\\";

    public RegKey {
        Objects.requireNonNull(hive);
        Objects.requireNonNull(view);
        Objects.requireNonNull(path);
    }

    /** Parses {@code HKLM\SOFTWARE\X} (or {@code HKEY_LOCAL_MACHINE\...}); empty when the hive is unknown. */
    public static Optional<RegKey> parse(String full, View view) {
        String s = full.strip();
        int slash = s.indexOf('\\');
        String root = slash < 0 ? s : s.substring(0, slash);
        String rest = slash < 0 ? "" : s.substring(slash + 1);
        while (rest.endsWith("\\")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String path = rest;
        return Hive.parse(root).map(h -> new RegKey(h, view, path));
    }

    /**
     * The path as a 64-bit tool (regedit, the Group Policy client) spells it: a 32-bit view key under
     * SOFTWARE becomes {@code SOFTWARE\Wow6432Node\...}.
     */
    public String literalPath() {
        if (view == View.BIT32 && hive == Hive.HKLM && path.toUpperCase(Locale.ROOT).startsWith("SOFTWARE\\")
                && !path.toUpperCase(Locale.ROOT).startsWith(WOW)) {
            return "SOFTWARE\\Wow6432Node\\" + path.substring("SOFTWARE\\".length());
        }
        return path;
    }

    /**
     * The same key as seen through the 64-bit view with a literal path: {@code SOFTWARE\Wow6432Node\X}
     * in the 64-bit view and {@code SOFTWARE\X} in the 32-bit view are one key.
     */
    public RegKey canonical() {
        return view == View.BIT64 ? this : new RegKey(hive, View.BIT64, literalPath());
    }

    /** Case-insensitive identity that treats the two spellings of a 32-bit key as one. */
    public String id() {
        RegKey c = canonical();
        return c.hive + "\\" + c.path.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return hive + "\\" + path + (view == View.BIT32 ? " (32-bit view)" : "");
    }
}
