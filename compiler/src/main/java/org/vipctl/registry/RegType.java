package org.vipctl.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Windows registry value types with their numeric codes (winnt.h). */
public enum RegType {
    REG_NONE(0),
    REG_SZ(1),
    REG_EXPAND_SZ(2),
    REG_BINARY(3),
    REG_DWORD(4),
    REG_DWORD_BIG_ENDIAN(5),
    REG_MULTI_SZ(7),
    REG_QWORD(11);

    private final int code;

    RegType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<RegType> ofCode(long code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }

    /** Accepts {@code REG_DWORD} and {@code dword}, case-insensitively. */
    public static Optional<RegType> parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        String full = n.startsWith("REG_") ? n : "REG_" + n;
        return Arrays.stream(values()).filter(t -> t.name().equals(full)).findFirst();
    }
}
