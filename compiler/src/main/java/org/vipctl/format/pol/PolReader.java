package org.vipctl.format.pol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Strict reader of the PReg format (MS-GPREG 2.2.1). Anything that is not a well-formed file
 * (bad header, truncated record, a size running past the end, a missing delimiter, data whose
 * length cannot fit its type, bytes after the last record) throws {@link PolFormatException} with
 * the byte offset. Sizes are checked against the bytes left before anything is allocated.
 */
public final class PolReader {

    /** "PReg" as a little-endian DWORD. */
    static final int SIGNATURE = 0x67655250;
    static final int VERSION = 1;
    static final int HEADER_BYTES = 8;
    /** Real files are kilobytes; this leaves room for generated ones and still bounds memory. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private static final char OPEN = '[';
    private static final char SEMI = ';';
    private static final char CLOSE = ']';
    private static final int MAX_TYPE = 11;

    private final byte[] buf;
    private final int limit;
    private int pos;
    /** The previous record's key: files group records by key, so most keys need no second decoding. */
    private int lastKeyFrom = -1;
    private int lastKeyTo = -1;
    private String lastKey = "";

    private PolReader(byte[] buf) {
        this.buf = buf;
        this.limit = buf.length;
        checkHeader();
        this.pos = HEADER_BYTES;
    }

    public static PolFile read(Path file) throws IOException {
        return read(file, DEFAULT_MAX_BYTES);
    }

    public static PolFile read(Path file, long maxBytes) throws IOException {
        checkSize(Files.size(file), maxBytes);
        return read(Files.readAllBytes(file), maxBytes);
    }

    public static PolFile read(byte[] bytes) {
        return read(bytes, DEFAULT_MAX_BYTES);
    }

    public static PolFile read(byte[] bytes, long maxBytes) {
        checkSize(bytes.length, maxBytes);
        PolReader r = new PolReader(bytes);
        List<PolRecord> records = new ArrayList<>();
        while (r.hasNext()) {
            records.add(PolRecord.of(r.next(true)));
        }
        return new PolFile(records);
    }

    /**
     * Checks the whole file, then hands each record to {@code action} in file order without holding
     * them all: a corrupt file fails before any record is delivered. The file's bytes are read once
     * into one array (bounded by {@code maxBytes}); records are decoded from it one at a time.
     */
    public static void forEach(Path file, long maxBytes, Consumer<? super PolRecord> action) throws IOException {
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            checkSize(size, maxBytes);
            bytes = new byte[(int) size];
            ByteBuffer into = ByteBuffer.wrap(bytes);
            while (into.hasRemaining() && ch.read(into) >= 0) {
                // read until full or end of file
            }
            if (into.hasRemaining()) {
                bytes = java.util.Arrays.copyOf(bytes, into.position());
            }
        }
        PolReader check = new PolReader(bytes);
        while (check.hasNext()) {
            check.next(false);
        }
        PolReader r = new PolReader(bytes);
        while (r.hasNext()) {
            action.accept(PolRecord.of(r.next(true)));
        }
    }

    private static void checkSize(long size, long maxBytes) {
        if (size > maxBytes) {
            throw new PolFormatException("file is " + size + " bytes, more than the " + maxBytes
                    + "-byte limit for Registry.pol input", maxBytes);
        }
    }

    private void checkHeader() {
        if (limit < HEADER_BYTES) {
            throw new PolFormatException("file is " + limit + " bytes, shorter than the 8-byte PReg header", limit);
        }
        int sig = intAt(0);
        if (sig != SIGNATURE) {
            throw new PolFormatException(String.format("bad signature 0x%08x, expected 0x%08x (\"PReg\")", sig, SIGNATURE), 0);
        }
        int version = intAt(4);
        if (version != VERSION) {
            throw new PolFormatException("unsupported PReg version " + Integer.toUnsignedString(version)
                    + ", expected 1", 4);
        }
    }

    private boolean hasNext() {
        return pos < limit;
    }

    /** Reads the record at {@code pos}; with {@code decode} false it only checks the structure. */
    private RawRecord next(boolean decode) {
        int start = pos;
        expect(OPEN, start, "'[' to start a record (trailing bytes after the last record?)");
        int keyStart = pos;
        int keyEnd = terminator(start, "key");
        if (keyEnd == keyStart) {
            throw new PolFormatException("record at offset " + start + ": empty key name", keyStart);
        }
        expect(SEMI, start, "';' after the key");
        int nameStart = pos;
        int nameEnd = terminator(start, "value name");
        expect(SEMI, start, "';' after the value name");
        int typeAt = pos;
        int type = dword(start, "type");
        expect(SEMI, start, "';' after the type");
        int sizeAt = pos;
        long size = Integer.toUnsignedLong(dword(start, "size"));
        expect(SEMI, start, "';' after the size");
        long left = limit - pos;
        if (size > left) {
            throw new PolFormatException("record at offset " + start + ": size " + size
                    + " runs past the end of the file (" + left + " bytes left)", sizeAt);
        }
        checkData(start, type, (int) size, typeAt, sizeAt);
        int dataAt = pos;
        pos += (int) size;
        if (pos >= limit) {
            throw new PolFormatException("record at offset " + start + ": missing ']' (file ends after the data)", pos);
        }
        expect(CLOSE, start, "']' after " + size + " bytes of data");
        if (!decode) {
            return null;
        }
        byte[] data = java.util.Arrays.copyOfRange(buf, dataAt, dataAt + (int) size);
        return new RawRecord(key(keyStart, keyEnd), string(nameStart, nameEnd), type, data, true);
    }

    private void checkData(int start, int type, int size, int typeAt, int sizeAt) {
        if (Integer.compareUnsigned(type, MAX_TYPE) > 0) {
            throw new PolFormatException("record at offset " + start + ": unknown registry type "
                    + Integer.toUnsignedString(type), typeAt);
        }
        switch (type) {
            case 1, 2, 7 -> {
                if (size % 2 != 0) {
                    throw new PolFormatException("record at offset " + start + ": odd byte count " + size
                            + " for UTF-16 string data of type " + type, sizeAt);
                }
                if (size > 0 && (buf[pos + size - 2] != 0 || buf[pos + size - 1] != 0)) {
                    throw new PolFormatException("record at offset " + start
                            + ": string data does not end with a UTF-16 NUL terminator", pos + size - 2);
                }
            }
            case 4, 5 -> {
                if (size != 4) {
                    throw new PolFormatException("record at offset " + start + ": DWORD data must be 4 bytes, size is "
                            + size, sizeAt);
                }
            }
            case 11 -> {
                if (size != 8) {
                    throw new PolFormatException("record at offset " + start + ": QWORD data must be 8 bytes, size is "
                            + size, sizeAt);
                }
            }
            default -> {
                // REG_NONE, REG_BINARY and the resource types carry any bytes
            }
        }
    }

    private void expect(char c, int start, String what) {
        if (limit - pos < 2) {
            throw truncated(start, "expected " + what);
        }
        char got = charAt(pos);
        if (got != c) {
            throw new PolFormatException("record at offset " + start + ": expected " + what
                    + String.format(", found 0x%04x", (int) got), pos);
        }
        pos += 2;
    }

    /** Finds the UTF-16 NUL ending a string at {@code pos}; returns its offset and moves past it. */
    private int terminator(int start, String what) {
        int i = pos;
        int last = limit - 1;
        while (i < last) {
            if (buf[i] == 0 && buf[i + 1] == 0) {
                pos = i + 2;
                return i;
            }
            i += 2;
        }
        throw truncated(start, what + " has no NUL terminator");
    }

    private int dword(int start, String what) {
        if (limit - pos < 4) {
            throw truncated(start, "the " + what + " field is cut short");
        }
        int v = intAt(pos);
        pos += 4;
        return v;
    }

    private PolFormatException truncated(int start, String detail) {
        return new PolFormatException("truncated record at offset " + start + ": " + detail
                + " before the file ends", limit);
    }

    private String key(int from, int to) {
        if (to - from != lastKeyTo - lastKeyFrom || !java.util.Arrays.equals(buf, from, to, buf, lastKeyFrom, lastKeyTo)) {
            lastKey = string(from, to);
        }
        lastKeyFrom = from;
        lastKeyTo = to;
        return lastKey;
    }

    /** UTF-16LE code unit by code unit, so unpaired surrogates survive a round trip. */
    private String string(int from, int to) {
        char[] cs = new char[(to - from) / 2];
        for (int i = 0, j = from; i < cs.length; i++, j += 2) {
            cs[i] = (char) ((buf[j] & 0xFF) | (buf[j + 1] & 0xFF) << 8);
        }
        return new String(cs);
    }

    private char charAt(int at) {
        return (char) ((buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8);
    }

    private int intAt(int at) {
        return (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8 | (buf[at + 2] & 0xFF) << 16 | (buf[at + 3] & 0xFF) << 24;
    }
}
