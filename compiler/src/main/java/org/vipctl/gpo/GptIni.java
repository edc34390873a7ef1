package org.vipctl.gpo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A GPO's {@code GPT.INI}: {@code [General]} with {@code Version=} (high 16 bits user version, low 16
 * bits computer version, MS-GPOL 3.3.4.5) and {@code gPCMachineExtensionNames=}. Only those two keys
 * are ever changed; every other line and the file's line ending stay as they were. Windows writes
 * the file in the ANSI code page: it is read and written as ISO-8859-1 so every byte survives.
 */
public final class GptIni {

    private static final String GENERAL = "[General]";

    private final List<String> lines;
    private final String eol;

    private GptIni(List<String> lines, String eol) {
        this.lines = List.copyOf(lines);
        this.eol = eol;
    }

    /** What a new GPO folder gets: {@code [General]} and {@code Version=0}, CRLF line endings. */
    public static GptIni create() {
        return new GptIni(List.of(GENERAL, "Version=0"), "\r\n");
    }

    public static GptIni parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String eol = text.contains("\r\n") || !text.contains("\n") ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return new GptIni(lines, eol);
    }

    public byte[] toBytes() {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append(eol);
        }
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
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
            throw new IllegalArgumentException("GPT.INI: Version=" + s + " is not a decimal 32-bit number");
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
            return new GptIni(out, eol);
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
        return new GptIni(out, eol);
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
        return o instanceof GptIni g && g.lines.equals(lines) && g.eol.equals(eol);
    }

    @Override
    public int hashCode() {
        return lines.hashCode() * 31 + eol.hashCode();
    }

    @Override
    public String toString() {
        return String.join(eol, lines);
    }
}
