package org.vipctl.imports;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text as a YAML scalar that reads back as exactly that text, in block and in flow context: plain
 * when it is unmistakably text ({@code crm.exe}, {@code 192.0.2.96/24}), single-quoted when plain
 * could read as something else (a number, {@code true}, {@code null}) or holds YAML's indicators,
 * double-quoted with escapes when it holds characters a line cannot carry. Comments get the same
 * care: one line, printable.
 */
final class YamlScalars {

    private static final Set<String> WORDS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");
    /** Anything YAML 1.1 or 1.2 could resolve as a number or a date: quote it. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?\\.?[0-9][0-9A-Za-z_.:+-]*|[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)");
    private static final String PLAIN_PUNCTUATION = "_./\\-()%$+~=";
    private static final String PLAIN_START = "_./\\(";

    private YamlScalars() {
    }

    static String scalar(String s) {
        if (isPlain(s)) {
            return s;
        }
        if (needsEscapes(s)) {
            return doubleQuoted(s);
        }
        return "'" + s.replace("'", "''") + "'";
    }

    /** Always quoted (registry keys read better that way, as in the examples), single quotes when possible. */
    static String quoted(String s) {
        return needsEscapes(s) ? doubleQuoted(s) : "'" + s.replace("'", "''") + "'";
    }

    static boolean isPlain(String s) {
        if (s.isEmpty() || s.strip().length() != s.length() || s.contains("  ")) {
            return false;
        }
        if (WORDS.contains(s.toLowerCase(Locale.ROOT)) || NUMBER_LIKE.matcher(s).matches()) {
            return false;
        }
        char first = s.charAt(0);
        if (!Character.isLetterOrDigit(first) && PLAIN_START.indexOf(first) < 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c < 0x80 ? Character.isLetterOrDigit(c) || c == ' ' || PLAIN_PUNCTUATION.indexOf(c) >= 0
                    : Character.isLetter(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Characters that a single-quoted scalar cannot carry as they are: line breaks, controls, BOM. */
    static boolean needsEscapes(String s) {
        return s.codePoints().anyMatch(YamlScalars::mustEscape);
    }

    private static boolean mustEscape(int c) {
        if (c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF) {
            return true;
        }
        if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.UNASSIGNED || t == Character.SURROGATE || (c >= 0xFFFE && (c & 0xFFFE) == 0xFFFE);
    }

    static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0 -> b.append("\\0");
                default -> {
                    if (!mustEscape(c)) {
                        b.appendCodePoint(c);
                    } else if (c <= 0xFF) {
                        b.append(String.format(Locale.ROOT, "\\x%02X", c));
                    } else if (c <= 0xFFFF) {
                        b.append(String.format(Locale.ROOT, "\\u%04X", c));
                    } else {
                        b.append(String.format(Locale.ROOT, "\\U%08X", c));
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /** Comment text on one line: control and line-breaking characters shown as {@code \\uXXXX}. */
    static String comment(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (mustEscape(c)) {
                b.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
