package org.vipctl.emit.citrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small HCL writer for the Terraform output: quoted strings with HCL's escapes, identifiers, and
 * blocks laid out as {@code terraform fmt} lays them out (two-space indent, the '=' of consecutive
 * one-line attributes aligned).
 */
final class Hcl {

    private Hcl() {
    }

    /** A quoted HCL string; "${" and "%{" are doubled so user text is never a template. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '$', '%' -> {
                    b.append(c);
                    if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
                        b.append(c);
                    }
                }
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A Terraform identifier from a policy name: letters, digits, '_' and '-', starting with a letter or '_'. */
    static String identifier(String name) {
        String id = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return id.isEmpty() || !Character.isLetter(id.charAt(0)) && id.charAt(0) != '_' ? "p_" + id : id;
    }

    /** snake_case of a setting name: VirtualLoopbackSupport → virtual_loopback_support. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** One block: a header ({@code resource "t" "n"}) and attributes whose values are HCL expressions. */
    static final class Block {
        private final String header;
        private final List<String[]> attributes = new ArrayList<>();

        Block(String header) {
            this.header = header;
        }

        Block attr(String name, String expression) {
            attributes.add(new String[] {name, expression});
            return this;
        }

        /** Consecutive attributes with one-line values share the column of '='; a multi-line value stands alone. */
        String render() {
            StringBuilder b = new StringBuilder(header).append(" {\n");
            int i = 0;
            while (i < attributes.size()) {
                int j = i;
                int width = 0;
                if (attributes.get(j)[1].contains("\n")) {
                    width = attributes.get(j++)[0].length();
                } else {
                    while (j < attributes.size() && !attributes.get(j)[1].contains("\n")) {
                        width = Math.max(width, attributes.get(j++)[0].length());
                    }
                }
                for (int k = i; k < j; k++) {
                    String[] a = attributes.get(k);
                    b.append("  ").append(a[0]).append(" ".repeat(width - a[0].length())).append(" = ")
                            .append(a[1].replace("\n", "\n  ")).append('\n');
                }
                i = j;
            }
            return b.append("}\n").toString();
        }
    }
}
