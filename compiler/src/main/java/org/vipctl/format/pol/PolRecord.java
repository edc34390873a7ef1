package org.vipctl.format.pol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;

/**
 * One Registry.pol record, classified. Every variant keeps its {@link RawRecord} so a file read and
 * written back is byte-identical; the factories build records the way Windows writes them. Value
 * names starting with {@code **} are directives (MS-GPREG 2.2.1), matched case-insensitively.
 */
public sealed interface PolRecord {

    String DEL = "**del.";
    String DELVALS = "**delvals.";
    String DELETE_VALUES = "**DeleteValues";
    String DELETE_KEYS = "**DeleteKeys";
    String SECURE_KEY = "**SecureKey";
    String SOFT = "**soft.";

    RawRecord raw();

    default String key() {
        return raw().key();
    }

    /**
     * The registry value this record is about (a directive's target value name), or for key-wide
     * directives a marker starting with {@code **}; with {@link #key()} it identifies the record for diffs.
     */
    String subject();

    /** What the record does, as the JSON view names it ({@code value}, {@code deleteValue}, ...). */
    String kind();

    /** Sets a value. */
    record Value(RawRecord raw) implements PolRecord {
        public Value { Objects.requireNonNull(raw); }
        public String name() { return raw.name(); }
        /** The typed data; empty for a type vipctl does not model or data that does not fit its type. */
        public Optional<RegValue> value() { return decode(raw.type(), raw.dataUnsafe()); }
        public String subject() { return raw.name(); }
        public String kind() { return "value"; }
    }

    /** REG_NONE with an empty value name and no data: create the key only. */
    record KeyOnly(RawRecord raw) implements PolRecord {
        public KeyOnly { Objects.requireNonNull(raw); }
        public String subject() { return "**createkey"; }
        public String kind() { return "createKey"; }
    }

    /** {@code **del.NAME}: delete one value. */
    record DeleteValue(RawRecord raw, String valueName) implements PolRecord {
        public DeleteValue { Objects.requireNonNull(raw); Objects.requireNonNull(valueName); }
        public String subject() { return valueName; }
        public String kind() { return "deleteValue"; }
    }

    /** {@code **delvals.}: delete every value of the key before the key's other records apply. */
    record DeleteAllValues(RawRecord raw) implements PolRecord {
        public DeleteAllValues { Objects.requireNonNull(raw); }
        public String subject() { return DELVALS; }
        public String kind() { return "deleteAllValues"; }
    }

    /** {@code **DeleteValues}: the data names the values to delete, separated by {@code ;}. */
    record DeleteValues(RawRecord raw, List<String> names) implements PolRecord {
        public DeleteValues { Objects.requireNonNull(raw); names = List.copyOf(names); }
        public String subject() { return DELETE_VALUES; }
        public String kind() { return "deleteValues"; }
    }

    /** {@code **DeleteKeys}: the data names the subkeys to delete, separated by {@code ;}. */
    record DeleteKeys(RawRecord raw, List<String> subkeys) implements PolRecord {
        public DeleteKeys { Objects.requireNonNull(raw); subkeys = List.copyOf(subkeys); }
        public String subject() { return DELETE_KEYS; }
        public String kind() { return "deleteKeys"; }
    }

    /** {@code **SecureKey}: 1 resets the key's ACL to the policy default, 0 leaves it. */
    record SecureKey(RawRecord raw, boolean secure) implements PolRecord {
        public SecureKey { Objects.requireNonNull(raw); }
        public String subject() { return SECURE_KEY; }
        public String kind() { return "secureKey"; }
    }

    /** {@code **soft.NAME}: write the value only when it is absent. */
    record SoftValue(RawRecord raw, String valueName) implements PolRecord {
        public SoftValue { Objects.requireNonNull(raw); Objects.requireNonNull(valueName); }
        public Optional<RegValue> value() { return decode(raw.type(), raw.dataUnsafe()); }
        public String subject() { return valueName; }
        public String kind() { return "softValue"; }
    }

    /** Classifies a stored record. */
    static PolRecord of(RawRecord raw) {
        String name = raw.name();
        if (name.startsWith("**")) {
            if (prefix(name, DEL)) {
                return new DeleteValue(raw, name.substring(DEL.length()));
            }
            if (name.equalsIgnoreCase(DELVALS)) {
                return new DeleteAllValues(raw);
            }
            if (name.equalsIgnoreCase(DELETE_VALUES)) {
                return new DeleteValues(raw, semicolonList(raw));
            }
            if (name.equalsIgnoreCase(DELETE_KEYS)) {
                return new DeleteKeys(raw, semicolonList(raw));
            }
            if (name.equalsIgnoreCase(SECURE_KEY)) {
                return new SecureKey(raw, isNonZero(raw.dataUnsafe()));
            }
            if (prefix(name, SOFT)) {
                return new SoftValue(raw, name.substring(SOFT.length()));
            }
        }
        if (raw.type() == 0 && name.isEmpty() && raw.size() == 0) {
            return new KeyOnly(raw);
        }
        return new Value(raw);
    }

    /**
     * Sets a value. A name Windows would read as a directive ({@code **del.x}, ...) or REG_NONE with
     * an empty name (a key-only record) is refused: use the factory of that record.
     */
    static Value value(String key, String name, RegValue v) {
        PolRecord r = of(new RawRecord(key, name, v.type().code(), v.toBytes()));
        if (r instanceof Value plain) {
            return plain;
        }
        throw new IllegalArgumentException("value name " + name + " of type " + v.type()
                + " would be read back as " + r.getClass().getSimpleName());
    }

    public static KeyOnly keyOnly(String key) {
        return new KeyOnly(new RawRecord(key, "", 0, new byte[0]));
    }

    /** As gpedit writes a Disabled policy: REG_SZ with data {@code " \0"}, size 4. */
    static DeleteValue deleteValue(String key, String valueName) {
        return new DeleteValue(new RawRecord(key, DEL + valueName, RegType.REG_SZ.code(), new RegValue.Sz(" ").toBytes()),
                valueName);
    }

    static DeleteAllValues deleteAllValues(String key) {
        return new DeleteAllValues(new RawRecord(key, DELVALS, RegType.REG_SZ.code(), new RegValue.Sz(" ").toBytes()));
    }

    /** Names may not be empty or contain {@code ;}: the data is one {@code ;}-separated string. */
    static DeleteValues deleteValues(String key, List<String> names) {
        checkListItems(names);
        return new DeleteValues(new RawRecord(key, DELETE_VALUES, RegType.REG_SZ.code(),
                new RegValue.Sz(String.join(";", names)).toBytes()), names);
    }

    static DeleteKeys deleteKeys(String key, List<String> subkeys) {
        checkListItems(subkeys);
        return new DeleteKeys(new RawRecord(key, DELETE_KEYS, RegType.REG_SZ.code(),
                new RegValue.Sz(String.join(";", subkeys)).toBytes()), subkeys);
    }

    static SecureKey secureKey(String key, boolean secure) {
        return new SecureKey(new RawRecord(key, SECURE_KEY, RegType.REG_DWORD.code(),
                new RegValue.Dword(secure ? 1 : 0).toBytes()), secure);
    }

    static SoftValue softValue(String key, String valueName, RegValue v) {
        return new SoftValue(new RawRecord(key, SOFT + valueName, v.type().code(), v.toBytes()), valueName);
    }

    /**
     * Typed view of data; strings lose their terminator, which {@link RegValue#toBytes()} puts back.
     * A view exists only when its {@code toBytes()} gives exactly the stored bytes.
     */
    static Optional<RegValue> decode(int type, byte[] d) {
        ByteBuffer le = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case 0:
                return d.length == 0 ? Optional.of(new RegValue.None()) : Optional.empty();
            case 1:
                return string(d).map(RegValue.Sz::new);
            case 2:
                return string(d).map(RegValue.ExpandSz::new);
            case 3:
                return Optional.of(new RegValue.Binary(d));
            case 4:
                return d.length == 4 ? Optional.of(new RegValue.Dword(le.getInt())) : Optional.empty();
            case 5:
                return d.length == 4 ? Optional.of(new RegValue.DwordBigEndian(le.order(ByteOrder.BIG_ENDIAN).getInt()))
                        : Optional.empty();
            case 7:
                return multiSz(d);
            case 11:
                return d.length == 8 ? Optional.of(new RegValue.Qword(le.getLong())) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /**
     * Only the canonical form ({@code a\0b\0\0}, or {@code \0} for an empty list) has a typed view:
     * exactly the data for which {@link RegValue.MultiSz#toBytes()} gives the same bytes back.
     */
    private static Optional<RegValue> multiSz(byte[] d) {
        if (!terminated(d)) {
            return Optional.empty();
        }
        String all = utf16(d, d.length - 2);
        if (all.isEmpty()) {
            return Optional.of(new RegValue.MultiSz(List.of()));
        }
        if (!all.endsWith("\0")) {
            return Optional.empty();
        }
        if (hasUnpairedSurrogate(all)) {
            return Optional.empty(); // the typed value could not give these bytes back
        }
        return Optional.of(new RegValue.MultiSz(List.of(all.substring(0, all.length() - 1).split("\0", -1))));
    }

    static Optional<String> string(byte[] d) {
        if (!terminated(d)) {
            return Optional.empty();
        }
        String s = utf16(d, d.length - 2);
        return hasUnpairedSurrogate(s) ? Optional.empty() : Optional.of(s);
    }

    /** Case-insensitive prefix test (ASCII directive names), without allocating. */
    private static boolean prefix(String name, String directive) {
        return name.regionMatches(true, 0, directive, 0, directive.length());
    }

    private static boolean terminated(byte[] d) {
        return d.length >= 2 && d.length % 2 == 0 && d[d.length - 1] == 0 && d[d.length - 2] == 0;
    }

    /** Decodes UTF-16LE code unit by code unit, so unpaired surrogates survive a round trip. */
    static String utf16(byte[] d, int len) {
        char[] cs = new char[len / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = (char) ((d[2 * i] & 0xFF) | (d[2 * i + 1] & 0xFF) << 8);
        }
        return new String(cs);
    }

    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> semicolonList(RawRecord raw) {
        byte[] d = raw.dataUnsafe();
        int len = d.length - (d.length % 2);
        String s = utf16(d, len);
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            s = s.substring(0, nul);
        }
        List<String> out = new ArrayList<>();
        for (String part : s.split(";")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    private static void checkListItems(List<String> items) {
        for (String s : items) {
            if (s.isEmpty() || s.indexOf(';') >= 0 || s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a **DeleteValues/**DeleteKeys item may not be empty or contain ';': " + s);
            }
        }
    }

    private static boolean isNonZero(byte[] d) {
        for (byte b : d) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }
}
