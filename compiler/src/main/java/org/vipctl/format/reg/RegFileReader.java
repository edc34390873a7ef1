package org.vipctl.format.reg;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegData;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;

/**
 * Reads .reg files as regedit writes them: {@code Windows Registry Editor Version 5.00} in UTF-16LE
 * with a BOM (UTF-8 and the older {@code REGEDIT4} header are accepted too), CRLF or LF lines,
 * {@code ;} comments, hex data continued over lines with a trailing backslash. Value data:
 * {@code "text"}, {@code dword:}, {@code hex:} (binary) and {@code hex(N):} for any other type
 * ({@code hex(2)} expandable string, {@code hex(7)} multi-string, {@code hex(b)} QWORD).
 */
public final class RegFileReader {

    static final String HEADER = RegFileWriter.HEADER;
    static final String HEADER4 = "REGEDIT4";

    private final String file;

    private RegFileReader(String file) {
        this.file = file;
    }

    /** @throws RegFileException located at the offending line */
    public static RegFile read(String fileName, byte[] bytes) {
        return new RegFileReader(fileName).parse(decode(fileName, bytes));
    }

    private static String decode(String file, byte[] b) {
        try {
            if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
                return strict(StandardCharsets.UTF_16LE, b, 2);
            }
            if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
                return strict(StandardCharsets.UTF_8, b, 3);
            }
            return strict(StandardCharsets.UTF_8, b, 0);
        } catch (CharacterCodingException e) {
            throw new RegFileException(file, 0, "not a text file in UTF-16LE (with BOM) or UTF-8");
        }
    }

    private static String strict(java.nio.charset.Charset cs, byte[] b, int offset) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
    }

    private RegFile parse(String text) {
        String[] raw = text.split("\r?\n", -1);
        int first = 0;
        while (first < raw.length && raw[first].isBlank()) {
            first++;
        }
        if (first == raw.length || !(raw[first].strip().equals(HEADER) || raw[first].strip().equals(HEADER4))) {
            throw new RegFileException(file, first + 1, "missing header line '" + HEADER + "'");
        }
        List<RegFile.Section> sections = new ArrayList<>();
        String key = null;
        boolean deleteKey = false;
        int keyLine = 0;
        List<RegFile.ValueLine> values = new ArrayList<>();
        for (int i = first + 1; i < raw.length; i++) {
            int lineNo = i + 1;
            String line = raw[i].strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new RegFileException(file, lineNo, "key line must end with ']'");
                }
                if (key != null) {
                    sections.add(new RegFile.Section(key, deleteKey, values, keyLine));
                }
                String inner = line.substring(1, line.length() - 1).strip();
                deleteKey = inner.startsWith("-");
                key = deleteKey ? inner.substring(1).strip() : inner;
                if (key.isEmpty()) {
                    throw new RegFileException(file, lineNo, "empty key name");
                }
                keyLine = lineNo;
                values = new ArrayList<>();
                continue;
            }
            StringBuilder full = new StringBuilder(line);
            while (full.charAt(full.length() - 1) == '\\' && isHexData(full) && i + 1 < raw.length) {
                full.setLength(full.length() - 1);
                full.append(raw[++i].strip());
            }
            if (key == null) {
                throw new RegFileException(file, lineNo, "value outside a [KEY] section");
            }
            if (deleteKey) {
                throw new RegFileException(file, lineNo, "values under a deleted key [-" + key + "]");
            }
            values.add(valueLine(full.toString(), lineNo));
        }
        if (key != null) {
            sections.add(new RegFile.Section(key, deleteKey, values, keyLine));
        }
        return new RegFile(sections);
    }

    private static boolean isHexData(CharSequence line) {
        String s = line.toString();
        int eq = s.lastIndexOf("\"=");
        String data = eq >= 0 ? s.substring(eq + 2) : s.startsWith("@=") ? s.substring(2) : "";
        return data.startsWith("hex");
    }

    private RegFile.ValueLine valueLine(String line, int lineNo) {
        String name;
        int pos;
        if (line.startsWith("@")) {
            name = "";
            pos = 1;
        } else if (line.startsWith("\"")) {
            int[] end = new int[1];
            name = quoted(line, 0, end, lineNo);
            pos = end[0];
        } else {
            throw new RegFileException(file, lineNo, "expected \"name\"=data or @=data");
        }
        while (pos < line.length() && line.charAt(pos) == ' ') {
            pos++;
        }
        if (pos >= line.length() || line.charAt(pos) != '=') {
            throw new RegFileException(file, lineNo, "expected '=' after the value name");
        }
        String data = line.substring(pos + 1).strip();
        return new RegFile.ValueLine(name, data(data, lineNo), lineNo);
    }

    private Optional<RegValue> data(String data, int lineNo) {
        if (data.equals("-")) {
            return Optional.empty();
        }
        if (data.startsWith("\"")) {
            int[] end = new int[1];
            String text = quoted(data, 0, end, lineNo);
            if (end[0] != data.length()) {
                throw new RegFileException(file, lineNo, "text after the closing quote");
            }
            return Optional.of(new RegValue.Sz(text));
        }
        String lower = data.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("dword:")) {
            String hex = data.substring(6).strip();
            if (!hex.matches("[0-9A-Fa-f]{1,8}")) {
                throw new RegFileException(file, lineNo, "dword: needs 1 to 8 hex digits, got '" + hex + "'");
            }
            return Optional.of(RegValue.Dword.ofUnsigned(Long.parseLong(hex, 16)));
        }
        RegType type;
        String bytes;
        if (lower.startsWith("hex:")) {
            type = RegType.REG_BINARY;
            bytes = data.substring(4);
        } else if (lower.startsWith("hex(")) {
            int close = data.indexOf("):");
            if (close < 0) {
                throw new RegFileException(file, lineNo, "expected hex(N):");
            }
            String code = data.substring(4, close);
            if (!code.matches("[0-9A-Fa-f]{1,8}")) {
                throw new RegFileException(file, lineNo, "bad type number in hex(" + code + ")");
            }
            type = RegType.ofCode(Long.parseLong(code, 16)).orElseThrow(() ->
                    new RegFileException(file, lineNo, "unsupported registry type hex(" + code + ")"));
            bytes = data.substring(close + 2);
        } else {
            throw new RegFileException(file, lineNo, "unknown data '" + abbreviate(data)
                    + "' (expected \"text\", dword:, hex:, hex(N): or -)");
        }
        try {
            return Optional.of(RegData.decode(type, hexBytes(bytes, lineNo)));
        } catch (IllegalArgumentException e) {
            throw new RegFileException(file, lineNo, e.getMessage());
        }
    }

    private byte[] hexBytes(String s, int lineNo) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String t = s.strip();
        if (t.isEmpty()) {
            return new byte[0];
        }
        if (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1);
        }
        for (String part : t.split(",", -1)) {
            String p = part.strip();
            if (!p.matches("[0-9A-Fa-f]{1,2}")) {
                throw new RegFileException(file, lineNo, "bad hex byte '" + p + "'");
            }
            out.write(Integer.parseInt(p, 16));
        }
        return out.toByteArray();
    }

    /** A regedit string: {@code \\} and {@code \"} are escapes; {@code end[0]} gets the index after the quote. */
    private String quoted(String s, int start, int[] end, int lineNo) {
        StringBuilder sb = new StringBuilder();
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\\' || s.charAt(i + 1) == '"')) {
                sb.append(s.charAt(++i));
            } else if (c == '"') {
                end[0] = i + 1;
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw new RegFileException(file, lineNo, "missing closing quote");
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "...";
    }
}
