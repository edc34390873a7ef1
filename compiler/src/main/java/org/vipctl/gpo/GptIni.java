package org.vipctl.gpo;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A GPO's {@code GPT.INI}: {@code [General]} with {@code Version=} (high 16 bits user version, low 16
 * bits computer version, MS-GPOL 3.3.4.5) and {@code gPCMachineExtensionNames=}. Only those two keys
 * are ever changed; every other line, the file's line ending and its encoding stay as they were.
 * Windows writes the file in the ANSI code page, on some systems as UTF-16 with a byte order mark:
 * an ANSI (or UTF-8) file is read and written as ISO-8859-1, so every byte survives whatever the
 * code page; a UTF-16 file is decoded and written back as UTF-16 with its byte order mark.
 */
public final class GptIni {

    private static final String GENERAL = "[General]";

    /** How the file was stored; {@link #ANSI} is every byte as one ISO-8859-1 character. */
    public enum Encoding {
        ANSI(new byte[0], StandardCharsets.ISO_8859_1),
        UTF8_BOM(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.ISO_8859_1),
        UTF16LE_BOM(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE),
        UTF16BE_BOM(new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE),
        UTF16LE(new byte[0], StandardCharsets.UTF_16LE);

        private final byte[] bom;
        private final Charset charset;

        Encoding(byte[] bom, Charset charset) {
            this.bom = bom;
            this.charset = charset;
        }

        /** A byte order mark decides; without one, text whose second byte is NUL is UTF-16LE ("[" is 5B 00). */
        static Encoding of(byte[] b) {
            for (Encoding e : List.of(UTF8_BOM, UTF16LE_BOM, UTF16BE_BOM)) {
                if (b.length >= e.bom.length && Arrays.equals(b, 0, e.bom.length, e.bom, 0, e.bom.length)) {
                    return e;
                }
            }
            return b.length >= 2 && b[0] != 0 && b[1] == 0 ? UTF16LE : ANSI;
        }
    }

    private final List<String> lines;
    private final String eol;
    private final Encoding encoding;

    private GptIni(List<String> lines, String eol, Encoding encoding) {
        this.lines = List.copyOf(lines);
        this.eol = eol;
        this.encoding = encoding;
    }

    /** What a new GPO folder gets: {@code [General]} and {@code Version=0}, CRLF line endings, ANSI. */
    public static GptIni create() {
        return new GptIni(List.of(GENERAL, "Version=0"), "\r\n", Encoding.ANSI);
    }

    /** @throws IllegalArgumentException for UTF-16 text with an odd number of bytes (a truncated file) */
    public static GptIni parse(byte[] bytes) {
        Encoding encoding = Encoding.of(bytes);
        int start = encoding.bom.length;
        if (encoding.charset != StandardCharsets.ISO_8859_1 && (bytes.length - start) % 2 != 0) {
            throw new IllegalArgumentException("GPT.INI is UTF-16 text with an odd number of bytes (" + bytes.length
                    + "), so it is cut short; restore it from a copy, or delete it to start from Version=0");
        }
        String text = new String(bytes, start, bytes.length - start, encoding.charset);
        String eol = text.contains("\r\n") || !text.contains("\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new GptIni(lines, eol, encoding);
    }

    public Encoding encoding() {
        return encoding;
    }

    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append(eol);
        }
        byte[] text = sb.toString().getBytes(encoding.charset);
        byte[] out = Arrays.copyOf(encoding.bom, encoding.bom.length + text.length);
        System.arraycopy(text, 0, out, encoding.bom.length, text.length);
        return out;
    }

    /** The whole 32-bit version (0 when absent); a value that is not a decimal 32-bit number is an error. */
    public long version() {
        Optional<String> v = get("Version");
        if (v.isEmpty()) {
            return 0;
        }
        String s = v.get().strip();
        try {
            long n = Long.parseLong(s);
            if (n < 0 || n > 0xFFFF_FFFFL) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Version=" + s + " is not a decimal 32-bit number (0 to 4294967295);"
                    + " set it to the GPO's version number, or 0 if unsure");
        }
    }

    public int computerVersion() {
        return (int) (version() & 0xFFFF);
    }

    public int userVersion() {
        return (int) (version() >>> 16);
    }

    /** The computer half plus one, wrapping 65535 to 1 (0 would mean "no policy"); the user half is untouched. */
    public GptIni bumpComputerVersion() {
        int c = computerVersion();
        int next = c >= 0xFFFF ? 1 : c + 1;
        return with("Version", Long.toString(((long) userVersion() << 16) | next));
    }

    public String machineExtensionNames() {
        return get("gPCMachineExtensionNames").orElse("");
    }

    public GptIni withMachineExtensionNames(String value) {
        return with("gPCMachineExtensionNames", value);
    }

    public Optional<String> get(String name) {
        int i = find(name);
        if (i < 0) {
            return Optional.empty();
        }
        String l = lines.get(i);
        return Optional.of(l.substring(l.indexOf('=') + 1));
    }

    /** Sets {@code name} in {@code [General]}, replacing the line in place or adding it at the section's end. */
    public GptIni with(String name, String value) {
        List<String> out = new ArrayList<>(lines);
        int i = find(name);
        if (i >= 0) {
            String l = out.get(i);
            out.set(i, l.substring(0, l.indexOf('=') + 1) + value);
            return new GptIni(out, eol, encoding);
        }
        int section = general();
        if (section < 0) {
            out.add(0, GENERAL);
            section = 0;
        }
        int end = section + 1;
        while (end < out.size() && !out.get(end).strip().startsWith("[")) {
            end++;
        }
        while (end > section + 1 && out.get(end - 1).isBlank()) {
            end--;
        }
        out.add(end, name + "=" + value);
        return new GptIni(out, eol, encoding);
    }

    private int general() {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equalsIgnoreCase(GENERAL)) {
                return i;
            }
        }
        return -1;
    }

    private int find(String name) {
        int section = general();
        if (section < 0) {
            return -1;
        }
        for (int i = section + 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("[")) {
                return -1;
            }
            int eq = l.indexOf('=');
            if (eq > 0 && l.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GptIni g && g.lines.equals(lines) && g.eol.equals(eol) && g.encoding == encoding;
    }

    @Override
    public int hashCode() {
        return (lines.hashCode() * 31 + eol.hashCode()) * 31 + encoding.hashCode();
    }

    @Override
    public String toString() {
        return String.join(eol, lines);
    }
}
