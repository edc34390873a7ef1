package org.vipctl.format.reg;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;

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
        String t = byteOrderMark ? "\uFEFF" + newText : newText;
        ByteBuffer b = charset.encode(t);
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
