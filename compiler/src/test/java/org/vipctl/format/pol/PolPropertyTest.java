package org.vipctl.format.pol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.vipctl.registry.RegValue;

class PolPropertyTest {

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().all().excludeChars('\0').ofMinLength(1).ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().all().excludeChars('\0').ofMaxLength(30);
    }

    Arbitrary<String> items() {
        return Arbitraries.strings().alpha().numeric().withChars(". -_;]").ofMinLength(1).ofMaxLength(12);
    }

    Arbitrary<String> listItems() {
        return Arbitraries.strings().alpha().numeric().withChars(". -_]").ofMinLength(1).ofMaxLength(12);
    }

    Arbitrary<RegValue> values() {
        return Arbitraries.oneOf(
                Arbitraries.just(new RegValue.None()),
                items().map(RegValue.Sz::new),
                items().map(RegValue.ExpandSz::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(RegValue.Binary::new),
                Arbitraries.integers().map(RegValue.Dword::new),
                Arbitraries.integers().map(RegValue.DwordBigEndian::new),
                items().list().ofMaxSize(5).map(RegValue.MultiSz::new),
                Arbitraries.longs().map(RegValue.Qword::new));
    }

    @Provide
    Arbitrary<PolRecord> records() {
        Arbitrary<String> k = keys();
        Arbitrary<String> n = names();
        return Arbitraries.oneOf(
                Combinators.combine(k, n, values()).filter((key, name, v) -> PolRecord.of(
                        new RawRecord(key, name, v.type().code(), v.toBytes())) instanceof PolRecord.Value).as(PolRecord::value),
                k.map(PolRecord::keyOnly),
                Combinators.combine(k, n).as(PolRecord::deleteValue),
                k.map(PolRecord::deleteAllValues),
                Combinators.combine(k, listItems().list().ofMaxSize(4)).as(PolRecord::deleteValues),
                Combinators.combine(k, listItems().list().ofMaxSize(4)).as(PolRecord::deleteKeys),
                Combinators.combine(k, Arbitraries.of(true, false)).as(PolRecord::secureKey),
                Combinators.combine(k, n, values()).as(PolRecord::softValue),
                Combinators.combine(k, n, Arbitraries.integers().between(0, 11),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(16))
                        .as((key, name, type, data) -> PolRecord.of(new RawRecord(key, name, type, validFor(type, data)))));
    }

    /** Any bytes, shaped to what the strict reader accepts for the type. */
    private static byte[] validFor(int type, byte[] data) {
        switch (type) {
            case 1, 2, 7: {
                byte[] d = java.util.Arrays.copyOf(data, (data.length / 2) * 2 + 2);
                d[d.length - 1] = 0;
                d[d.length - 2] = 0;
                return d;
            }
            case 4, 5:
                return java.util.Arrays.copyOf(data, 4);
            case 11:
                return java.util.Arrays.copyOf(data, 8);
            default:
                return data;
        }
    }

    @Property(tries = 300)
    void randomRecordsRoundTrip(@ForAll @Size(max = 20) List<@From("records") PolRecord> records) {
        byte[] bytes = PolWriter.write(records);
        PolFile back = PolReader.read(bytes);
        assertEquals(records, back.records());
        assertArrayEquals(bytes, back.toBytes());
    }

    @Property(tries = 300)
    void aTypedViewAlwaysGivesTheStoredBytesBack(@ForAll @Size(max = 20) List<@From("records") PolRecord> records) {
        for (PolRecord r : PolReader.read(PolWriter.write(records)).records()) {
            java.util.Optional<RegValue> typed = r instanceof PolRecord.Value v ? v.value()
                    : r instanceof PolRecord.SoftValue s ? s.value() : java.util.Optional.empty();
            if (typed.isPresent()) {
                assertArrayEquals(r.raw().data(), typed.get().toBytes(), r.toString());
            }
        }
    }

    @Property(tries = 1000)
    void randomBytesOnlyEverThrowTheDocumentedException(@ForAll @Size(max = 200) byte[] tail, @ForAll boolean header) {
        byte[] bytes = tail;
        if (header) {
            bytes = new byte[8 + tail.length];
            System.arraycopy(PolWriter.write(List.of()), 0, bytes, 0, 8);
            System.arraycopy(tail, 0, bytes, 8, tail.length);
        }
        readOrFormatError(bytes);
    }

    @Property(tries = 500)
    void mutatedFilesOnlyEverThrowTheDocumentedException(@ForAll @Size(min = 1, max = 8) List<@From("records") PolRecord> records,
                                                          @ForAll long seed) {
        byte[] good = PolWriter.write(records);
        Random rnd = new Random(seed);
        for (int round = 0; round < 20; round++) {
            readOrFormatError(mutate(good, rnd));
        }
    }

    private static byte[] mutate(byte[] good, Random rnd) {
        byte[] b = good.clone();
        switch (rnd.nextInt(4)) {
            case 0 -> b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            case 1 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            case 2 -> {
                int at = 8 + rnd.nextInt(Math.max(1, b.length - 12));
                java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(Math.min(at, b.length - 4), rnd.nextInt());
            }
            default -> {
                List<Byte> l = new ArrayList<>();
                for (byte x : b) {
                    l.add(x);
                }
                l.add(rnd.nextInt(l.size() + 1), (byte) rnd.nextInt(256));
                b = new byte[l.size()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = l.get(i);
                }
            }
        }
        return b;
    }

    /** Either the file reads (and then rewrites to the same bytes) or it fails with PolFormatException. */
    private static void readOrFormatError(byte[] bytes) {
        PolFile f;
        try {
            f = PolReader.read(bytes);
        } catch (PolFormatException expected) {
            return;
        }
        assertArrayEquals(bytes, f.toBytes(), "whatever the reader accepts, the writer reproduces");
    }

    @Property
    void offsetsPointAtEachRecordInTheFileBytes(@ForAll @Size(max = 8) java.util.List<@From("records") PolRecord> records) {
        PolFile file = new PolFile(records);
        byte[] bytes = file.toBytes();
        long[] at = file.offsets();
        for (int i = 0; i < records.size(); i++) {
            byte[] one = new PolFile(java.util.List.of(records.get(i))).toBytes();
            byte[] here = java.util.Arrays.copyOfRange(bytes, (int) at[i], (int) at[i] + one.length - PolReader.HEADER_BYTES);
            assertArrayEquals(java.util.Arrays.copyOfRange(one, PolReader.HEADER_BYTES, one.length), here);
        }
        if (!records.isEmpty()) {
            byte[] last = new PolFile(java.util.List.of(records.get(records.size() - 1))).toBytes();
            assertEquals(bytes.length, at[at.length - 1] + last.length - PolReader.HEADER_BYTES);
        }
    }
}
