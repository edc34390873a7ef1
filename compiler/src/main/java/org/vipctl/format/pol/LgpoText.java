package org.vipctl.format.pol;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegValue;

/**
 * The text form of {@code LGPO.exe /parse}: per record the lines {@code Computer|User}, key, value
 * name, action, then a blank line. LGPO's own actions are {@code DWORD:n}, {@code SZ:text},
 * {@code EXSZ:text}, {@code DELETE}, {@code DELETEALLVALUES} and {@code CREATEKEY} (the last two
 * with value name {@code *}); the other forms are vipctl's and are listed in docs/registry-pol.md.
 */
public final class LgpoText {

    private static final HexFormat HEX = HexFormat.of();

    private LgpoText() {
    }

    /** Writes one record followed by a blank line. */
    public static void append(Appendable out, String scope, PolRecord r) throws IOException {
        out.append(scope).append('\n')
                .append(oneLine(r.key())).append('\n')
                .append(valueName(r)).append('\n');
        if (!(r instanceof PolRecord.Value v) || !appendCommon(out, v.raw())) {
            out.append(action(r));
        }
        out.append("\n\n");
    }

    /**
     * The forms of nearly every real record (DWORD, SZ, EXSZ) straight from the bytes, without the
     * typed value in between: {@code pol show} prints a record per few microseconds this way.
     */
    private static boolean appendCommon(Appendable out, RawRecord raw) throws IOException {
        byte[] d = raw.dataUnsafe();
        int type = raw.type();
        if (type == 4 && d.length == 4) {
            long v = (d[0] & 0xFFL) | (d[1] & 0xFFL) << 8 | (d[2] & 0xFFL) << 16 | (d[3] & 0xFFL) << 24;
            out.append("DWORD:").append(Long.toString(v));
            return true;
        }
        if (type == 1 || type == 2) {
            Optional<String> text = PolRecord.string(d);
            if (text.isPresent()) {
                out.append(type == 1 ? "SZ:" : "EXSZ:").append(oneLine(text.get()));
                return true;
            }
        }
        return false;
    }

    /** The value name line: the target value, {@code @} for a key's default value, {@code *} for key-wide records. */
    public static String valueName(PolRecord r) {
        String name;
        if (r instanceof PolRecord.Value v) {
            name = v.name();
        } else if (r instanceof PolRecord.DeleteValue d) {
            name = d.valueName();
        } else if (r instanceof PolRecord.SoftValue s) {
            name = s.valueName();
        } else {
            return "*";
        }
        return name.isEmpty() ? "@" : oneLine(name);
    }

    public static String action(PolRecord r) {
        if (r instanceof PolRecord.Value v) {
            return data(v.raw(), v.value());
        }
        if (r instanceof PolRecord.SoftValue s) {
            return "SOFT:" + data(s.raw(), s.value());
        }
        if (r instanceof PolRecord.DeleteValue) {
            return "DELETE";
        }
        if (r instanceof PolRecord.DeleteAllValues) {
            return "DELETEALLVALUES";
        }
        if (r instanceof PolRecord.KeyOnly) {
            return "CREATEKEY";
        }
        if (r instanceof PolRecord.DeleteValues d) {
            return "DELETEVALUES:" + oneLine(String.join(";", d.names()));
        }
        if (r instanceof PolRecord.DeleteKeys d) {
            return "DELETEKEYS:" + oneLine(String.join(";", d.subkeys()));
        }
        PolRecord.SecureKey s = (PolRecord.SecureKey) r;
        return "SECUREKEY:" + (s.secure() ? 1 : 0);
    }

    /** Typed data; data that does not fit its type (or a type vipctl does not model) prints raw. */
    static String data(RawRecord raw, Optional<RegValue> typed) {
        if (typed.isEmpty()) {
            return "RAW" + Integer.toUnsignedString(raw.type()) + ":" + HEX.formatHex(raw.dataUnsafe());
        }
        RegValue v = typed.get();
        if (v instanceof RegValue.Dword d) {
            return "DWORD:" + d.unsigned();
        }
        if (v instanceof RegValue.Sz s) {
            return "SZ:" + oneLine(s.text());
        }
        if (v instanceof RegValue.ExpandSz s) {
            return "EXSZ:" + oneLine(s.text());
        }
        if (v instanceof RegValue.MultiSz m) {
            return "MULTISZ:" + multi(m.items());
        }
        if (v instanceof RegValue.Qword q) {
            return "QWORD:" + Long.toUnsignedString(q.value());
        }
        if (v instanceof RegValue.DwordBigEndian d) {
            return "DWORD_BIG_ENDIAN:" + d.unsigned();
        }
        if (v instanceof RegValue.Binary) {
            return "BINARY:" + HEX.formatHex(raw.dataUnsafe());
        }
        return "NONE";
    }

    /** Items separated by {@code \0}; a backslash inside an item is doubled so the separator stays unambiguous. */
    private static String multi(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append("\\0");
            }
            sb.append(oneLine(items.get(i).replace("\\", "\\\\")));
        }
        return sb.toString();
    }

    /** The format is one field per line: a line break inside a name or string is shown as a space. */
    private static String oneLine(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace('\r', ' ').replace('\n', ' ');
    }
}
