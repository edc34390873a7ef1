package org.vipctl.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How Windows saves command output, and so how a text capture is decoded: UTF-16LE with a byte order
 * mark (Windows PowerShell's {@code >}), UTF-8 with or without one (PowerShell 7, a paste), or the
 * console's OEM code page ({@code netstat > file} in cmd: 850 in Western Europe, 437 in the US).
 * A file that is valid UTF-8 is read as UTF-8; otherwise as the OEM code page given.
 *
 * @param bom the number of byte order mark bytes to skip
 */
record TextEncoding(Charset charset, int bom, String label) {

    /** The OEM code page assumed when a file is not UTF-8: 850, the Western European console default. */
    static final String DEFAULT_OEM = "IBM850";

    private static final int SNIFF = 64 * 1024;

    /** Looks at the bytes of {@code file}; refuses binary data. */
    static TextEncoding of(Path file, String source, Charset oem) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2, "UTF-16LE");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2, "UTF-16BE");
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf) {
            return new TextEncoding(StandardCharsets.UTF_8, 3, "UTF-8");
        }
        if (looksLikeUtf16le(head)) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 0, "UTF-16LE");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw CaptureException.whole(source, "not a capture: binary data (a NUL byte at offset " + i + ")");
            }
        }
        return isUtf8(file) ? new TextEncoding(StandardCharsets.UTF_8, 0, "UTF-8")
                : new TextEncoding(oem, 0, oemLabel(oem));
    }

    private static String oemLabel(Charset oem) {
        String n = oem.name();
        return n.startsWith("IBM") ? "OEM code page " + n.substring(3) : n;
    }

    /** UTF-16LE without a byte order mark: ASCII text with every second byte zero. */
    private static boolean looksLikeUtf16le(byte[] b) {
        int n = Math.min(b.length, 512) & ~1;
        if (n < 16) {
            return false;
        }
        for (int i = 0; i < n; i += 2) {
            if (b[i] == 0 || b[i + 1] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        try (InputStream s = Files.newInputStream(file)) {
            byte[] chunk = new byte[32 * 1024];
            int r;
            while ((r = s.read(chunk)) > 0) {
                in.put(chunk, 0, r);
                in.flip();
                CoderResult cr = d.decode(in, out, false);
                if (cr.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
            }
            in.flip();
            CoderResult cr = d.decode(in, out, true);
            return !cr.isError() && !in.hasRemaining() && !d.flush(out).isError();
        }
    }
}
