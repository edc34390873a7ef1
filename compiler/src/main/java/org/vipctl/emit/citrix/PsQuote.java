package org.vipctl.emit.citrix;

/**
 * PowerShell literals for untrusted text. A value only ever becomes a single-quoted string, in
 * which PowerShell expands nothing ($, `, ; and the like are plain characters). PowerShell takes
 * four typographic quotes (U+2018..U+201B) as single quotes too, so each quote character is
 * doubled. Control characters (and U+0085, U+2028, U+2029) are never written raw: they are joined in
 * as {@code [char]0xHHHH}, so every literal stays on one line.
 */
final class PsQuote {

    private PsQuote() {
    }

    static boolean isQuote(char c) {
        return c == '\'' || (c >= '\u2018' && c <= '\u201B');
    }

    private static boolean isRaw(char c) {
        return c >= 0x20 && !(c >= 0x7f && c <= 0x9f) && c != 0x2028 && c != 0x2029;
    }

    /** A PowerShell expression whose value is exactly {@code s}. */
    static String literal(String s) {
        StringBuilder b = new StringBuilder();
        StringBuilder part = new StringBuilder("'");
        boolean joined = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isRaw(c)) {
                part.append(c);
                if (isQuote(c)) {
                    part.append(c);
                }
                continue;
            }
            joined = true;
            b.append(part).append("' + ");
            b.append(String.format("[char]0x%04X", (int) c)).append(" + ");
            part = new StringBuilder("'");
        }
        b.append(part).append('\'');
        return joined ? "(" + b + ")" : b.toString();
    }

    /** {@code @('a', 'b')}: an array of strings even when it has one item or none. */
    static String array(java.util.List<String> items) {
        return "@(" + String.join(", ", items.stream().map(PsQuote::literal).toList()) + ")";
    }
}
