package org.vipctl.format.pol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.registry.RegValue;

/** Each way a file can be broken gives a clear message and the byte offset where reading stopped. */
class PolCorruptInputTest {

    /** Header, then {@code [k;v;} (18 bytes + name) so offsets below are easy to follow. */
    private static final byte[] GOOD = PolWriter.write(List.of(PolRecord.value("k", "v", new RegValue.Dword(1))));
    // layout of GOOD: 0 header | 8 '[' | 10 "k\0" | 14 ';' | 16 "v\0" | 20 ';' | 22 type | 26 ';' | 28 size | 32 ';'
    //                 34 data(4) | 38 ']' | 40 end

    private static PolFormatException fail(byte[] bytes) {
        return assertThrows(PolFormatException.class, () -> PolReader.read(bytes));
    }

    private static void assertError(byte[] bytes, String fragment, long offset) {
        PolFormatException e = fail(bytes);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
        assertTrue(e.getMessage().contains("byte offset " + offset), e.getMessage());
        assertEquals(offset, e.offset(), e.getMessage());
    }

    private static byte[] with(byte[] base, int at, int... values) {
        byte[] b = base.clone();
        for (int i = 0; i < values.length; i++) {
            b[at + i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] dword(byte[] base, int at, int v) {
        byte[] b = base.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
        return b;
    }

    @Test
    void layoutAssumedByTheseTestsHolds() {
        assertEquals(40, GOOD.length);
        assertEquals(1, PolReader.read(GOOD).records().size());
    }

    @Test
    void badSignature() {
        assertError(with(GOOD, 0, 'R'), "bad signature", 0);
    }

    @Test
    void badVersion() {
        assertError(dword(GOOD, 4, 2), "unsupported PReg version 2", 4);
    }

    @Test
    void shorterThanTheHeader() {
        assertError(Arrays.copyOf(GOOD, 5), "shorter than the 8-byte PReg header", 5);
    }

    @Test
    void headerOnlyIsAValidEmptyFile() {
        assertEquals(0, PolReader.read(Arrays.copyOf(GOOD, 8)).records().size());
    }

    @Test
    void truncatedInsideTheKey() {
        assertError(Arrays.copyOf(GOOD, 12), "truncated record at offset 8: key has no NUL terminator", 12);
    }

    @Test
    void truncatedInsideTheTypeField() {
        assertError(Arrays.copyOf(GOOD, 24), "truncated record at offset 8: the type field is cut short", 24);
    }

    @Test
    void truncatedInsideTheData() {
        assertError(Arrays.copyOf(GOOD, 36), "size 4 runs past the end of the file (2 bytes left)", 28);
    }

    @Test
    void sizePastTheEndIsCaughtBeforeAllocating() {
        // a 4 GB size must fail on the check, not on an allocation
        assertError(dword(GOOD, 28, 0xFFFFFFF0), "size 4294967280 runs past the end of the file (6 bytes left)", 28);
    }

    @Test
    void missingClosingBracket() {
        assertError(with(GOOD, 38, ';'), "expected ']' after 4 bytes of data, found 0x003b", 38);
    }

    @Test
    void missingClosingBracketAtEndOfFile() {
        assertError(Arrays.copyOf(GOOD, 38), "missing ']' (file ends after the data)", 38);
    }

    @Test
    void missingSemicolon() {
        assertError(with(GOOD, 14, ','), "expected ';' after the key, found 0x002c", 14);
    }

    @Test
    void oddByteCountForStringData() {
        byte[] sz = PolWriter.write(List.of(PolRecord.value("k", "v", new RegValue.Sz("ab"))));
        // declare 5 bytes of data instead of 6 and drop one byte so the rest still lines up
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(sz, 0, 34);
        b.write(sz, 35, sz.length - 35);
        byte[] odd = dword(b.toByteArray(), 28, 5);
        assertError(odd, "odd byte count 5 for UTF-16 string data of type 1", 28);
    }

    @Test
    void stringWithoutTerminator() {
        byte[] sz = PolWriter.write(List.of(new PolRecord.Value(new RawRecord("k", "v", 1, "ab".getBytes(StandardCharsets.UTF_16LE)))));
        assertError(sz, "string data does not end with a UTF-16 NUL terminator", 36);
    }

    @Test
    void dwordOfTheWrongSize() {
        byte[] bad = PolWriter.write(List.of(new PolRecord.Value(new RawRecord("k", "v", 4, new byte[3]))));
        assertError(bad, "DWORD data must be 4 bytes, size is 3", 28);
    }

    @Test
    void qwordOfTheWrongSize() {
        byte[] bad = PolWriter.write(List.of(new PolRecord.Value(new RawRecord("k", "v", 11, new byte[4]))));
        assertError(bad, "QWORD data must be 8 bytes, size is 4", 28);
    }

    @Test
    void unknownType() {
        assertError(dword(GOOD, 22, 99), "unknown registry type 99", 22);
    }

    @Test
    void emptyKey() {
        byte[] bad = with(GOOD, 10, 0, 0);
        assertError(bad, "empty key name", 10);
    }

    @Test
    void trailingBytes() {
        byte[] bad = Arrays.copyOf(GOOD, GOOD.length + 2);
        bad[40] = 'x';
        assertError(bad, "expected '[' to start a record (trailing bytes after the last record?), found 0x0078", 40);
    }

    @Test
    void oneTrailingByte() {
        assertError(Arrays.copyOf(GOOD, GOOD.length + 1), "truncated record at offset 40", 41);
    }

    @Test
    void fileOverTheSizeLimit(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("big.pol");
        Files.write(f, GOOD);
        PolFormatException e = assertThrows(PolFormatException.class, () -> PolReader.read(f, 39));
        assertTrue(e.getMessage().contains("file is 40 bytes, more than the 39-byte limit"), e.getMessage());
        PolFormatException s = assertThrows(PolFormatException.class, () -> PolReader.forEach(f, 39, r -> { }));
        assertEquals(39, s.offset());
    }

    @Test
    void streamingReadDeliversNothingFromACorruptFile(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("corrupt.pol");
        byte[] two = PolWriter.write(List.of(PolRecord.keyOnly("a"), PolRecord.keyOnly("b")));
        Files.write(f, Arrays.copyOf(two, two.length - 1));
        List<PolRecord> seen = new java.util.ArrayList<>();
        assertThrows(PolFormatException.class, () -> PolReader.forEach(f, PolReader.DEFAULT_MAX_BYTES, seen::add));
        assertEquals(List.of(), seen);
    }
}
