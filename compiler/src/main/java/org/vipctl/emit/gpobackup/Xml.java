package org.vipctl.emit.gpobackup;

/**
 * Text for the hand-laid-out backup files: GPMC's layout (CDATA values, one-line files) is part of
 * what the real backups look like, so these files are written as text rather than through a DOM.
 */
final class Xml {

    private Xml() {
    }

    /** Escaped character data or attribute value; refuses characters XML 1.0 cannot hold. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            check(c, s);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code <![CDATA[...]]>}, split where the text itself holds {@code ]]>}. */
    static String cdata(String s) {
        for (int i = 0; i < s.length(); i++) {
            check(s.charAt(i), s);
        }
        return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    /** An element holding one CDATA section, as GPMC writes every value; empty text gives an empty section. */
    static String cdataElement(String name, String text) {
        return "<" + name + ">" + cdata(text) + "</" + name + ">";
    }

    private static void check(char c, String in) {
        boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
        if (!ok) {
            throw new IllegalArgumentException(String.format("character U+%04X cannot be written in XML: %s", (int) c, in));
        }
    }
}
