package org.vipctl.format.pol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes records in the PReg format. Each record is written from its {@link RawRecord}, so the
 * output depends only on the records and their order: the same input always gives the same bytes.
 * Strings are encoded code unit by code unit (UTF-16LE), keeping even unpaired surrogates as read.
 */
public final class PolWriter {

    private PolWriter() {
    }

    public static byte[] write(Iterable<? extends PolRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(records, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static void write(Iterable<? extends PolRecord> records, OutputStream out) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(PolReader.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(PolReader.SIGNATURE).putInt(PolReader.VERSION);
        out.write(header.array());
        for (PolRecord r : records) {
            out.write(encode(r.raw()));
        }
    }

    /** The bytes {@code r} takes in a file: brackets, two terminated strings, three delimiters, type, size and data. */
    static int encodedLength(RawRecord r) {
        return 2 + (r.key().length() + 1) * 2 + 2 + (r.name().length() + 1) * 2 + 2 + 4 + 2 + 4 + 2 + r.size() + 2;
    }

    static byte[] encode(RawRecord r) {
        String key = r.key();
        String name = r.name();
        byte[] data = r.dataUnsafe();
        ByteBuffer b = ByteBuffer.allocate(encodedLength(r)).order(ByteOrder.LITTLE_ENDIAN);
        b.putChar('[');
        putString(b, key);
        b.putChar(';');
        putString(b, name);
        b.putChar(';').putInt(r.type()).putChar(';').putInt(data.length).putChar(';');
        b.put(data);
        b.putChar(']');
        return b.array();
    }

    private static void putString(ByteBuffer b, String s) {
        for (int i = 0; i < s.length(); i++) {
            b.putChar(s.charAt(i));
        }
        b.putChar('\0');
    }
}
