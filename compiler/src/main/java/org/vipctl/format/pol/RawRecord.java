package org.vipctl.format.pol;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The five fields of one {@code [key;value;type;size;data]} record exactly as stored: writing it
 * back gives the same bytes. {@code type} is the unsigned DWORD held in an int; {@code data}'s
 * length is the record's size field. Immutable: data is copied in and out.
 */
public final class RawRecord {

    private final String key;
    private final String name;
    private final int type;
    private final byte[] data;

    public RawRecord(String key, String name, int type, byte[] data) {
        this(key, name, type, data.clone(), true);
    }

    /** For the reader: {@code data} is a fresh array nobody else holds, so it is not copied again. */
    RawRecord(String key, String name, int type, byte[] data, boolean owned) {
        Objects.requireNonNull(key);
        Objects.requireNonNull(name);
        if (key.isEmpty() || key.indexOf('\0') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a Registry.pol key must be non-empty, and key and value name may not contain NUL: "
                    + key + ";" + name);
        }
        this.key = key;
        this.name = name;
        this.type = type;
        this.data = data;
    }

    public String key() {
        return key;
    }

    /** The value name as stored, directive prefix included. */
    public String name() {
        return name;
    }

    public int type() {
        return type;
    }

    public byte[] data() {
        return data.clone();
    }

    /** The data length without copying. */
    public int size() {
        return data.length;
    }

    byte[] dataUnsafe() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRecord r && r.type == type && r.key.equals(key) && r.name.equals(name)
                && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, name, type, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "[" + key + ";" + name + ";" + Integer.toUnsignedString(type) + ";" + data.length + ";"
                + HexFormat.of().formatHex(data) + "]";
    }
}
