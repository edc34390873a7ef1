package org.vipctl.registry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A typed registry value. Equality is by type and data, so a REG_SZ "1" never equals a REG_DWORD 1:
 * type drift is drift. DWORD and QWORD data are unsigned on Windows; they are held in Java's signed
 * types, compared bit for bit, and shown unsigned.
 */
public sealed interface RegValue {

    RegType type();

    /** Human-readable data, e.g. {@code 1 (0x00000001)} or {@code [a.exe, b.exe]}. */
    String display();

    /** The data as Windows stores it: strings UTF-16LE with terminators, numbers in their byte order. */
    byte[] toBytes();

    record None() implements RegValue {
        public RegType type() { return RegType.REG_NONE; }
        public String display() { return "(none)"; }
        public byte[] toBytes() { return new byte[0]; }
    }

    record Sz(String text) implements RegValue {
        public Sz { Objects.requireNonNull(text); }
        public RegType type() { return RegType.REG_SZ; }
        public String display() { return "\"" + text + "\""; }
        public byte[] toBytes() { return utf16z(text); }
    }

    /** Held unexpanded: {@code %SystemRoot%} stays as written. */
    record ExpandSz(String text) implements RegValue {
        public ExpandSz { Objects.requireNonNull(text); }
        public RegType type() { return RegType.REG_EXPAND_SZ; }
        public String display() { return "\"" + text + "\" (expandable)"; }
        public byte[] toBytes() { return utf16z(text); }
    }

    record Binary(byte[] bytes) implements RegValue {
        public Binary { bytes = bytes.clone(); }
        @Override public byte[] bytes() { return bytes.clone(); }
        public RegType type() { return RegType.REG_BINARY; }
        public String display() { return "hex:" + HexFormat.ofDelimiter(",").formatHex(bytes); }
        public byte[] toBytes() { return bytes.clone(); }
        @Override public boolean equals(Object o) { return o instanceof Binary b && Arrays.equals(bytes, b.bytes); }
        @Override public int hashCode() { return Arrays.hashCode(bytes); }
        @Override public String toString() { return "Binary[" + HexFormat.of().formatHex(bytes) + "]"; }
    }

    record Dword(int value) implements RegValue {
        public static Dword ofUnsigned(long v) {
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("REG_DWORD data must be 0..4294967295, got " + v);
            }
            return new Dword((int) v);
        }
        public RegType type() { return RegType.REG_DWORD; }
        public long unsigned() { return Integer.toUnsignedLong(value); }
        public String display() { return unsigned() + " (0x" + String.format("%08x", value) + ")"; }
        public byte[] toBytes() { return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array(); }
    }

    record DwordBigEndian(int value) implements RegValue {
        public RegType type() { return RegType.REG_DWORD_BIG_ENDIAN; }
        public long unsigned() { return Integer.toUnsignedLong(value); }
        public String display() { return unsigned() + " (0x" + String.format("%08x", value) + ", big-endian)"; }
        public byte[] toBytes() { return ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(value).array(); }
    }

    record MultiSz(List<String> items) implements RegValue {
        public MultiSz { items = List.copyOf(items); }
        public RegType type() { return RegType.REG_MULTI_SZ; }
        public String display() { return items.toString(); }
        public byte[] toBytes() {
            StringBuilder sb = new StringBuilder();
            for (String item : items) {
                sb.append(item).append('\0');
            }
            return sb.append('\0').toString().getBytes(StandardCharsets.UTF_16LE);
        }
    }

    record Qword(long value) implements RegValue {
        public RegType type() { return RegType.REG_QWORD; }
        public String display() { return Long.toUnsignedString(value) + " (0x" + String.format("%016x", value) + ")"; }
        public byte[] toBytes() { return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array(); }
    }

    private static byte[] utf16z(String text) {
        return (text + "\0").getBytes(StandardCharsets.UTF_16LE);
    }
}
