package org.vipctl.apply;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.vipctl.emit.reg.RegFile;
import org.vipctl.emit.reg.RegFileException;
import org.vipctl.emit.reg.RegFileReader;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.View;

/**
 * A whole registry as a .reg file, the way regedit exports one: UTF-16LE with a BOM, CRLF, the
 * version 5 header, one {@code [KEY]} section per key followed by a blank line, long hex data
 * wrapped with a trailing backslash. Reading then writing a file in this form gives the same bytes.
 */
final class RegStateFile {

    private static final String CRLF = "\r\n";
    private static final int WRAP = 80;

    private RegStateFile() {
    }

    static StateTree read(String fileName, byte[] bytes) {
        StateTree tree = new StateTree();
        if (bytes.length == 0) {
            return tree;
        }
        for (RegFile.Section s : RegFileReader.read(fileName, bytes).sections()) {
            RegKey key = RegKey.parse(s.key(), View.BIT64).orElseThrow(() ->
                    new RegFileException(fileName, s.line(), "unknown hive in [" + s.key() + "] (use HKEY_LOCAL_MACHINE)"));
            if (s.deleteKey()) {
                tree.deleteTree(key);
                continue;
            }
            tree.createKey(key);
            for (RegFile.ValueLine v : s.values()) {
                if (v.value().isPresent()) {
                    tree.write(key, v.name(), v.value().get());
                } else {
                    tree.delete(key, v.name());
                }
            }
        }
        return tree;
    }

    static byte[] write(StateTree tree) {
        StringBuilder sb = new StringBuilder("Windows Registry Editor Version 5.00").append(CRLF).append(CRLF);
        for (StateTree.KeyNode k : tree.keys()) {
            sb.append('[').append(k.hive.longName()).append('\\').append(k.path).append(']').append(CRLF);
            for (StateTree.Named v : k.values.values()) {
                sb.append(valueLine(v.name(), v.value())).append(CRLF);
            }
            sb.append(CRLF);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xff);
        out.write(0xfe);
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_16LE));
        return out.toByteArray();
    }

    static String valueLine(String name, RegValue v) {
        String head = name.isEmpty() ? "@=" : "\"" + escape(name) + "\"=";
        if (v instanceof RegValue.Sz s && s.text().chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            return head + "\"" + escape(s.text()) + "\"";
        }
        if (v instanceof RegValue.Dword d) {
            return head + "dword:" + String.format("%08x", d.value());
        }
        String prefix = v instanceof RegValue.Binary ? "hex:"
                : "hex(" + Integer.toHexString(v.type().code()).toLowerCase(Locale.ROOT) + "):";
        return wrapHex(head + prefix, v.toBytes());
    }

    /** regedit's layout: bytes as {@code xx,} and a {@code \} line break before a line would pass 80 columns. */
    private static String wrapHex(String start, byte[] data) {
        StringBuilder sb = new StringBuilder(start);
        int col = start.length();
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < data.length; i++) {
            String token = hex.toHexDigits(data[i]) + (i + 1 < data.length ? "," : "");
            if (col + token.length() > WRAP - 1) {
                sb.append('\\').append(CRLF).append("  ");
                col = 2;
            }
            sb.append(token);
            col += token.length();
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
