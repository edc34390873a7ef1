package org.vipctl.admx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.vipctl.files.InputFile;
import org.vipctl.files.InputKind;
import org.vipctl.files.InputLimits;
import org.xml.sax.InputSource;

/**
 * An ADMX or ADML file as parser input, decoded the way Windows decodes it: by its byte-order mark
 * (or, without one, by the UTF-16 form of {@code <?}) before any encoding declaration. Windows
 * ships UTF-16LE files that declare {@code encoding='unicode'} (Search.admx), a name Java's parser
 * does not know; given characters instead of bytes, the parser ignores the declared name.
 */
public final class XmlFileInput {

    private XmlFileInput() {
    }

    public static InputSource open(Path file) throws IOException {
        return open(file, InputLimits.DEFAULT);
    }

    /**
     * As {@link #open(Path)}, refusing (with {@link org.vipctl.files.InputRefused}) a file above the
     * ADMX limit of {@code limits} or one that is not a regular file.
     */
    public static InputSource open(Path file, InputLimits limits) throws IOException {
        byte[] b = InputFile.read(file, InputKind.ADMX, limits);
        Charset utf16 = utf16(b);
        InputSource source;
        if (utf16 == null) {
            source = new InputSource(new ByteArrayInputStream(b));
        } else {
            int bom = (b.length >= 2 && ((b[0] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFE)) ? 2 : 0;
            source = new InputSource(new InputStreamReader(new ByteArrayInputStream(b, bom, b.length - bom), utf16));
        }
        source.setSystemId(file.toUri().toString());
        return source;
    }

    /** UTF-16LE or UTF-16BE when the bytes say so by their mark or by how {@code <} is written. */
    private static Charset utf16(byte[] b) {
        if (b.length < 2) {
            return null;
        }
        int b0 = b[0] & 0xFF;
        int b1 = b[1] & 0xFF;
        if (b0 == 0xFF && b1 == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b0 == '<' && b1 == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (b0 == 0 && b1 == '<') {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }
}
