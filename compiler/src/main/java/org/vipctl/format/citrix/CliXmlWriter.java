package org.vipctl.format.citrix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes CliXml the way Windows PowerShell's {@code Export-Clixml} does (which is what
 * {@code Export-CtxGroupPolicy} calls): no XML declaration, root {@code Objs Version="1.1.0.1"},
 * two-space indentation, CRLF line ends, UTF-16LE with a byte order mark (the default encoding of
 * Export-Clixml in Windows PowerShell 5.1). Every {@code Obj} gets a RefId unique in the file; the
 * type-name list of property bags and of arrays is written once and then referred to with
 * {@code TNRef}. Deterministic: the same objects always give the same bytes.
 */
public final class CliXmlWriter {

    static final String NAMESPACE = "http://schemas.microsoft.com/powershell/2004/04";
    static final List<String> BAG_TYPES = List.of("System.Management.Automation.PSCustomObject", "System.Object");
    static final List<String> ARRAY_TYPES = List.of("System.Object[]", "System.Array", "System.Object");
    private static final String EOL = "\r\n";

    private final StringBuilder out = new StringBuilder();
    private int nextObjRef;
    private int nextTypeRef;
    private int bagTypeRef = -1;
    private int arrayTypeRef = -1;

    private CliXmlWriter() {
    }

    /** The document text; {@code comment} (may be empty) goes before the root element. */
    public static String toText(List<CliValue.Obj> objects, String comment) {
        CliXmlWriter w = new CliXmlWriter();
        if (!comment.isEmpty()) {
            w.out.append("<!--").append(safeComment(comment)).append("-->").append(EOL);
        }
        w.out.append("<Objs Version=\"1.1.0.1\" xmlns=\"").append(NAMESPACE).append("\">").append(EOL);
        for (CliValue.Obj o : objects) {
            w.obj(null, o, 1);
        }
        w.out.append("</Objs>");
        return w.out.toString();
    }

    /** The file bytes: UTF-16LE with byte order mark. */
    public static byte[] toBytes(List<CliValue.Obj> objects, String comment) {
        byte[] text = toText(objects, comment).getBytes(StandardCharsets.UTF_16LE);
        return ByteBuffer.allocate(text.length + 2).put((byte) 0xFF).put((byte) 0xFE).put(text).array();
    }

    private void value(String name, CliValue v, int depth) {
        if (v instanceof CliValue.Str s) {
            simple("S", name, s.value(), depth);
        } else if (v instanceof CliValue.Bool b) {
            simple("B", name, b.value() ? "true" : "false", depth);
        } else if (v instanceof CliValue.Int32 i) {
            simple("I32", name, Integer.toString(i.value()), depth);
        } else if (v instanceof CliValue.Nil) {
            indent(depth).append("<Nil").append(nameAttr(name)).append(" />").append(EOL);
        } else if (v instanceof CliValue.Obj o) {
            obj(name, o, depth);
        } else if (v instanceof CliValue.Arr a) {
            arr(name, a, depth);
        } else if (v instanceof CliValue.Other o && !o.text().isEmpty()) {
            simple(o.element(), name, o.text(), depth);
        } else {
            throw new IllegalArgumentException("unknown CliXml value " + v);
        }
    }

    private void simple(String tag, String name, String text, int depth) {
        indent(depth).append('<').append(tag).append(nameAttr(name)).append('>')
                .append(escapeText(encode(text))).append("</").append(tag).append('>').append(EOL);
    }

    private void obj(String name, CliValue.Obj o, int depth) {
        indent(depth).append("<Obj").append(nameAttr(name)).append(" RefId=\"").append(nextObjRef++).append("\">").append(EOL);
        if (bagTypeRef < 0) {
            bagTypeRef = typeNames(BAG_TYPES, depth + 1);
        } else {
            typeRef(bagTypeRef, depth + 1);
        }
        indent(depth + 1).append("<MS>").append(EOL);
        for (Map.Entry<String, CliValue> m : o.members().entrySet()) {
            value(m.getKey(), m.getValue(), depth + 2);
        }
        indent(depth + 1).append("</MS>").append(EOL);
        indent(depth).append("</Obj>").append(EOL);
    }

    private void arr(String name, CliValue.Arr a, int depth) {
        indent(depth).append("<Obj").append(nameAttr(name)).append(" RefId=\"").append(nextObjRef++).append("\">").append(EOL);
        if (arrayTypeRef < 0) {
            arrayTypeRef = typeNames(ARRAY_TYPES, depth + 1);
        } else {
            typeRef(arrayTypeRef, depth + 1);
        }
        indent(depth + 1).append("<LST>").append(EOL);
        for (CliValue item : a.items()) {
            value(null, item, depth + 2);
        }
        indent(depth + 1).append("</LST>").append(EOL);
        indent(depth).append("</Obj>").append(EOL);
    }

    private int typeNames(List<String> types, int depth) {
        int ref = nextTypeRef++;
        indent(depth).append("<TN RefId=\"").append(ref).append("\">").append(EOL);
        for (String t : types) {
            indent(depth + 1).append("<T>").append(escapeText(t)).append("</T>").append(EOL);
        }
        indent(depth).append("</TN>").append(EOL);
        return ref;
    }

    private void typeRef(int ref, int depth) {
        indent(depth).append("<TNRef RefId=\"").append(ref).append("\" />").append(EOL);
    }

    private StringBuilder indent(int depth) {
        return out.append("  ".repeat(depth));
    }

    private static String nameAttr(String name) {
        return name == null ? "" : " N=\"" + escapeAttr(encode(name)) + "\"";
    }

    /**
     * PowerShell's string encoding: control characters (U+0000..U+001F, U+007F..U+009F), each half
     * of a surrogate pair, and an underscore that starts "_x" are written as {@code _xHHHH_}.
     * PowerShell writes U+FFFE and U+FFFF raw, which no XML parser accepts; they are encoded too
     * (PowerShell's reader decodes every {@code _xHHHH_}, so the import is unchanged).
     */
    static String encode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean underscoreX = c == '_' && i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X');
            if (c <= 0x1F || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || c >= 0xFFFE || underscoreX) {
                b.append(String.format("_x%04X_", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String escapeText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String escapeAttr(String s) {
        return escapeText(s).replace("\"", "&quot;");
    }

    /** XML comments may not contain "--" nor end with "-". */
    private static String safeComment(String s) {
        String c = s.replace("--", "- -");
        return c.endsWith("-") ? c + " " : c;
    }
}
