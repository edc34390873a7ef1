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
        return source(fileName, bytes).file();
    }

    /** The file with its text and encoding, for changing it in place. */
    public static RegFileSource source(String fileName, byte[] bytes) {
        Decoded d = decode(fileName, bytes);
        // the raw bytes are not needed any more: dropped before the parse allocates, so a garbage
        // collection during it does not copy them
        bytes = null;
        return new RegFileSource(new RegFileReader(fileName).parse(d.text()), d.text(), d.charset(), d.bom());
    }

    private record Decoded(String text, java.nio.charset.Charset charset, boolean bom) {
    }

    private static Decoded decode(String fileName, byte[] bytes) {
        try {
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
                return new Decoded(utf16le(bytes), StandardCharsets.UTF_16LE, true);
            }
            boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
            return new Decoded(strict(StandardCharsets.UTF_8, bytes, bom ? 3 : 0), StandardCharsets.UTF_8, bom);
        } catch (CharacterCodingException e) {
            throw new RegFileException(fileName, 0, "not a text file in UTF-16LE (with BOM) or UTF-8");
        }
    }

    /**
     * UTF-16LE after the byte order mark, refusing an odd length and unpaired surrogates (what a
     * strict decoder refuses), in one pass: the charset decoder is several times slower on big files.
     */
    private static String utf16le(byte[] b) throws CharacterCodingException {
        if (b.length % 2 != 0) {
            throw new CharacterCodingException();
        }
        char[] c = new char[(b.length - 2) / 2];
        ByteBuffer.wrap(b, 2, b.length - 2).order(java.nio.ByteOrder.LITTLE_ENDIAN).asCharBuffer().get(c);
        for (int i = 0; i < c.length; i++) {
            if ((c[i] & 0xF800) != 0xD800) {
                continue;
            }
            if (Character.isHighSurrogate(c[i])) {
                if (i + 1 >= c.length || !Character.isLowSurrogate(c[i + 1])) {
                    throw new CharacterCodingException();
                }
                i++;
            } else if (Character.isLowSurrogate(c[i])) {
                throw new CharacterCodingException();
            }
        }
        return new String(c);
    }

    private static String strict(java.nio.charset.Charset cs, byte[] b, int offset) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
    }

    /** One physical line: its text without the line end, where it starts, and where the next one starts. */
    private record Line(String text, int start, int next) {
    }

    private static final class Lines {
        private final String text;
        private int pos;
        private int number;

        Lines(String text) {
            this.text = text;
        }

        boolean more() {
            return pos < text.length();
        }

        Line next() {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            int next = nl < 0 ? text.length() : nl + 1;
            int cut = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
            Line l = new Line(text.substring(pos, cut), pos, next);
            pos = next;
            number++;
            return l;
        }

        int number() {
            return number;
        }
    }

    private RegFile parse(String text) {
        Lines lines = new Lines(text);
        Line headerLine = null;
        while (lines.more()) {
            Line l = lines.next();
            if (!l.text().isBlank()) {
                headerLine = l;
                break;
            }
        }
        if (headerLine == null || !(headerLine.text().strip().equals(HEADER) || headerLine.text().strip().equals(HEADER4))) {
            throw new RegFileException(file, Math.max(lines.number(), 1), "missing header line '" + HEADER + "'");
        }
        List<RegFile.Section> sections = new ArrayList<>();
        String key = null;
        boolean deleteKey = false;
        int keyLine = 0;
        int keyStart = 0;
        int headerEnd = 0;
        List<RegFile.ValueLine> values = new ArrayList<>();
        while (lines.more()) {
            Line l = lines.next();
            int lineNo = lines.number();
            String line = l.text().strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new RegFileException(file, lineNo, "key line must end with ']'");
                }
                if (key != null) {
                    sections.add(new RegFile.Section(key, deleteKey, values, keyLine, keyStart, headerEnd, l.start()));
                }
                String inner = line.substring(1, line.length() - 1).strip();
                deleteKey = inner.startsWith("-");
                key = deleteKey ? inner.substring(1).strip() : inner;
                if (key.isEmpty()) {
                    throw new RegFileException(file, lineNo, "empty key name");
                }
                keyLine = lineNo;
                keyStart = l.start();
                headerEnd = l.next();
                values = new ArrayList<>();
                continue;
            }
            StringBuilder full = new StringBuilder(line);
            int end = l.next();
            while (full.charAt(full.length() - 1) == '\\' && isHexData(full) && lines.more()) {
                full.setLength(full.length() - 1);
                Line c = lines.next();
                full.append(c.text().strip());
                end = c.next();
            }
            if (key == null) {
                throw new RegFileException(file, lineNo, "value outside a [KEY] section");
            }
            if (deleteKey) {
                throw new RegFileException(file, lineNo, "values under a deleted key [-" + key + "]");
            }
            values.add(valueLine(full.toString(), lineNo, l.start(), end));
        }
        if (key != null) {
            sections.add(new RegFile.Section(key, deleteKey, values, keyLine, keyStart, headerEnd, text.length()));
        }
        return new RegFile(sections);
    }

    private static boolean isHexData(CharSequence line) {
        String s = line.toString();
        int eq = s.lastIndexOf("\"=");
        String data = eq >= 0 ? s.substring(eq + 2) : s.startsWith("@=") ? s.substring(2) : "";
        return data.startsWith("hex");
    }

    private RegFile.ValueLine valueLine(String line, int lineNo, int lineStart, int lineEnd) {
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
        return new RegFile.ValueLine(name, data(data, lineNo), lineNo, lineStart, lineEnd);
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
        if (data.regionMatches(true, 0, "dword:", 0, 6)) {
            String hex = data.substring(6).strip();
            if (!isHex(hex, 8)) {
                throw new RegFileException(file, lineNo, "dword: needs 1 to 8 hex digits, got '" + hex + "'");
            }
            return Optional.of(RegValue.Dword.ofUnsigned(Long.parseLong(hex, 16)));
        }
        RegType type;
        String bytes;
        if (data.regionMatches(true, 0, "hex:", 0, 4)) {
            type = RegType.REG_BINARY;
            bytes = data.substring(4);
        } else if (data.regionMatches(true, 0, "hex(", 0, 4)) {
            int close = data.indexOf("):");
            if (close < 0) {
                throw new RegFileException(file, lineNo, "expected hex(N):");
            }
            String code = data.substring(4, close);
            if (!isHex(code, 8)) {
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

    /** Comma-separated hex bytes, one or two digits each, spaces around them allowed, one trailing comma allowed. */
    private byte[] hexBytes(String s, int lineNo) {
        String t = s.strip();
        if (t.isEmpty()) {
            return new byte[0];
        }
        if (t.endsWith(",")) {
            t = t.substring(0, t.length() - 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.length() / 3 + 1);
        int start = 0;
        while (true) {
            int comma = t.indexOf(',', start);
            int end = comma < 0 ? t.length() : comma;
            int a = start;
            int b = end;
            while (a < b && t.charAt(a) == ' ') {
                a++;
            }
            while (b > a && t.charAt(b - 1) == ' ') {
                b--;
            }
            if (b - a < 1 || b - a > 2 || !isHex(t, a, b)) {
                throw new RegFileException(file, lineNo, "bad hex byte '" + t.substring(start, end).strip() + "'");
            }
            out.write(Integer.parseInt(t, a, b, 16));
            if (comma < 0) {
                return out.toByteArray();
            }
            start = comma + 1;
        }
    }

    private static boolean isHex(String s, int maxDigits) {
        return !s.isEmpty() && s.length() <= maxDigits && isHex(s, 0, s.length());
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
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
