package org.vipctl.format.reg;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vipctl.load.TextCharacters;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;

/**
 * Writes a {@link RegistryState} as a regedit file: {@code Windows Registry Editor Version 5.00},
 * UTF-16LE with a byte order mark, CRLF line ends, parent keys listed before their children,
 * strings and DWORDs in their plain forms and every other type as {@code hex(N):} bytes wrapped the
 * way regedit wraps them. A 32-bit view key is written with its {@code Wow6432Node} path, which is
 * where a 64-bit regedit puts it. A key-only entry is its section header with no value line. Pure:
 * the same state and header give the same bytes. A key or value name with a control character
 * cannot be written: {@link IllegalArgumentException}.
 */
public final class RegFileWriter {

    static final String HEADER = "Windows Registry Editor Version 5.00";
    private static final String CRLF = "\r\n";
    private static final int WRAP = 77;

    private RegFileWriter() {
    }

    /** The file as UTF-16LE bytes with BOM. {@code comments} are written at the top as {@code ;} lines. */
    public static byte[] write(RegistryState state, List<String> comments, boolean withProvenance) {
        return encode(text(state, comments, withProvenance));
    }

    public static byte[] encode(String text) {
        ByteBuffer bom = StandardCharsets.UTF_16LE.encode("\uFEFF" + text);
        byte[] out = new byte[bom.remaining()];
        bom.get(out);
        return out;
    }

    static String text(RegistryState state, List<String> comments, boolean withProvenance) {
        StringBuilder sb = new StringBuilder(HEADER).append(CRLF).append(CRLF);
        for (String c : comments) {
            sb.append("; ").append(c.replace("\r", " ").replace("\n", " ")).append(CRLF);
        }
        if (!comments.isEmpty()) {
            sb.append(CRLF);
        }
        Set<String> listed = new LinkedHashSet<>();
        for (List<RegistryEntry> group : state.byKey().values()) {
            RegistryEntry first = group.get(0);
            String hive = first.key().hive().longName();
            String path = checked("key", first.key().literalPath());
            for (String parent : parents(path)) {
                if (listed.add((hive + "\\" + parent).toLowerCase(java.util.Locale.ROOT))) {
                    sb.append('[').append(hive).append('\\').append(parent).append(']').append(CRLF).append(CRLF);
                }
            }
            listed.add((hive + "\\" + path).toLowerCase(java.util.Locale.ROOT));
            sb.append('[').append(hive).append('\\').append(path).append(']').append(CRLF);
            for (RegistryEntry e : group) {
                if (withProvenance) {
                    sb.append("; ").append(e.from().settingId()).append(" (").append(e.from().source()).append(')')
                            .append(CRLF);
                }
                if (!e.isKeyOnly()) { // the section header alone creates the key
                    sb.append(valueLine(e)).append(CRLF);
                }
            }
            sb.append(CRLF);
        }
        return sb.toString();
    }

    /** The section header of {@code key} as this writer spells it: {@code [HKEY_LOCAL_MACHINE\PATH]}, 32-bit keys under Wow6432Node. */
    public static String keyLine(org.vipctl.registry.RegKey key) {
        return "[" + key.hive().longName() + "\\" + checked("key", key.literalPath()) + "]";
    }

    /** {@code A\B\C} → {@code [A, A\B]}. */
    private static List<String> parents(String path) {
        List<String> out = new ArrayList<>();
        int i = path.indexOf('\\');
        while (i > 0) {
            out.add(path.substring(0, i));
            i = path.indexOf('\\', i + 1);
        }
        return out;
    }

    static String valueLine(RegistryEntry e) {
        return valueLine(e.name(), e instanceof RegistryEntry.Set s ? Optional.of(s.value()) : Optional.empty());
    }

    /**
     * One value as a .reg line, without the line end ({@code "name"=-} for an empty {@code value});
     * long hex data is continued over lines ending in a backslash, joined by CRLF.
     */
    public static String valueLine(String valueName, Optional<RegValue> value) {
        String name = valueName.isEmpty() ? "@" : quote(checked("value name", valueName));
        if (value.isEmpty()) {
            return name + "=-";
        }
        RegValue v = value.get();
        if (v instanceof RegValue.Sz s && !TextCharacters.hasControlCharacter(s.text())) {
            return name + "=" + quote(s.text());
        }
        if (v instanceof RegValue.Dword d) {
            return name + "=dword:" + String.format("%08x", d.value());
        }
        // A REG_SZ with a line break or other control character has no quoted form (a line break
        // would end the line and could start a new key); hex(1) holds it exactly.
        String prefix = v instanceof RegValue.Binary ? "hex:" : "hex(" + Integer.toHexString(v.type().code()) + "):";
        return wrapHex(name + "=" + prefix, v.toBytes());
    }

    private static String wrapHex(String start, byte[] bytes) {
        StringBuilder sb = new StringBuilder(start);
        int lineLength = start.length();
        for (int i = 0; i < bytes.length; i++) {
            String b = String.format("%02x", bytes[i] & 0xff);
            boolean last = i == bytes.length - 1;
            sb.append(b);
            lineLength += 2;
            if (!last) {
                sb.append(',');
                lineLength++;
                if (lineLength >= WRAP) {
                    sb.append('\\').append(CRLF).append("  ");
                    lineLength = 2;
                }
            }
        }
        return sb.toString();
    }

    /** Key paths and value names have no escaped form for control characters: refuse them. */
    private static String checked(String what, String s) {
        if (TextCharacters.hasControlCharacter(s)) {
            throw new IllegalArgumentException(what + " '" + s.replaceAll("\\p{Cntrl}", "?")
                    + "' holds a control character, which a .reg file cannot express");
        }
        return s;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
