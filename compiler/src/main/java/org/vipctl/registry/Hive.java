package org.vipctl.registry;

import java.util.Locale;
import java.util.Optional;

/** Registry roots vipctl knows. Only machine scope (HKLM) is written by policies today. */
public enum Hive {
    HKLM("HKEY_LOCAL_MACHINE"),
    HKCU("HKEY_CURRENT_USER");

    private final String longName;

    Hive(String longName) {
        this.longName = longName;
    }

    public String longName() {
        return longName;
    }

    /** {@code HKLM} or {@code HKEY_LOCAL_MACHINE}, case-insensitively. */
    public static Optional<Hive> parse(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        for (Hive h : values()) {
            if (h.name().equals(u) || h.longName.equals(u)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
