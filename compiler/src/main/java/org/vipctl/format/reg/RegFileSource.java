package org.vipctl.format.reg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A .reg file as read: its parsed form, its decoded text (what the positions in {@link RegFile}
 * refer to) and how it was encoded, so a changed text is written back the same way.
 */
public record RegFileSource(RegFile file, String text, Charset charset, boolean byteOrderMark) {

    /** The line end the file uses: CRLF unless it has only LF line ends. */
    public String lineEnd() {
        return text.contains("\r\n") || !text.contains("\n") ? "\r\n" : "\n";
    }

    /** {@code newText} encoded as this file was. */
    public byte[] encode(String newText) {
        if (charset.equals(StandardCharsets.UTF_16LE)) {
            // one bulk copy: the charset encoder is several times slower on big files
            char[] chars = new char[newText.length()];
            newText.getChars(0, chars.length, chars, 0);
            int bom = byteOrderMark ? 2 : 0;
            byte[] out = new byte[bom + 2 * chars.length];
            if (byteOrderMark) {
                out[0] = (byte) 0xff;
                out[1] = (byte) 0xfe;
            }
            ByteBuffer.wrap(out, bom, out.length - bom).order(ByteOrder.LITTLE_ENDIAN).asCharBuffer().put(chars);
            return out;
        }
        String t = byteOrderMark ? "\uFEFF" + newText : newText;
        ByteBuffer b = charset.encode(t);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
