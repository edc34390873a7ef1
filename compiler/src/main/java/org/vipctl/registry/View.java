package org.vipctl.registry;

/**
 * The registry view a value lives in on 64-bit Windows. {@code BIT32} is what 32-bit programs see;
 * under HKLM\SOFTWARE it is stored below {@code SOFTWARE\Wow6432Node}.
 */
public enum View {
    BIT64, BIT32;

    public int bits() {
        return this == BIT64 ? 64 : 32;
    }

    public static View ofBits(int bits) {
        return switch (bits) {
            case 64 -> BIT64;
            case 32 -> BIT32;
            default -> throw new IllegalArgumentException("registry view must be 64 or 32, got " + bits);
        };
    }
}
