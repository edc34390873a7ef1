package org.vipctl.format.pol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vipctl.registry.RegValue;

class PolCodecTest {

    static Path shared() {
        return Path.of(System.getProperty("vipctl.repo", ".")).resolve("../shared");
    }

    static Stream<Path> referenceFiles() throws IOException {
        Path dir = shared().resolve("reference/pol");
        if (!Files.isDirectory(dir)) {
            return Stream.of(dir.resolve("missing.pol"));
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".pol")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("referenceFiles")
    void realWindowsFilesRewriteToIdenticalBytes(Path file) throws IOException {
        assumeTrue(Files.exists(file), "reference files not found beside the repository (../shared): " + file);
        byte[] original = Files.readAllBytes(file);
        PolFile pol = PolReader.read(original);
        assertTrue(pol.records().size() > 10, "a real file has records");
        assertArrayEquals(original, pol.toBytes());
        assertTrue(pol.records().stream().anyMatch(r -> r instanceof PolRecord.DeleteValue),
                "both reference files hold a **del. record written by gpedit");
        for (PolRecord r : pol.records()) {
            if (r instanceof PolRecord.DeleteValue d) {
                assertEquals(1, d.raw().type(), "Windows writes **del. as REG_SZ");
                assertArrayEquals(new byte[] {' ', 0, 0, 0}, d.raw().data(), "Windows writes **del. data as \" \\0\"");
                assertEquals(PolRecord.deleteValue(d.key(), d.valueName()), d, "our factory writes what Windows writes");
            }
        }
    }

    @Test
    void keyOnlyRecordOfARealFileIsClassified() throws IOException {
        Path file = shared().resolve("reference/pol/yuyaryshev-Machine-Registry.pol");
        assumeTrue(Files.exists(file), "reference file not found: " + file);
        PolRecord first = PolReader.read(file).records().get(0);
        PolRecord.KeyOnly k = assertInstanceOf(PolRecord.KeyOnly.class, first);
        assertEquals("Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer", k.key());
        assertEquals(PolRecord.keyOnly(k.key()), k);
    }

    /** Every type and directive, as the writer builds them. */
    static List<PolRecord> everyKind() {
        String k = "SOFTWARE\\Policies\\Vendor\\Test";
        List<PolRecord> rs = new ArrayList<>();
        rs.add(PolRecord.keyOnly(k));
        rs.add(PolRecord.deleteAllValues(k));
        rs.add(PolRecord.value(k, "Sz", new RegValue.Sz("text with ; and ] inside")));
        rs.add(PolRecord.value(k, "EmptySz", new RegValue.Sz("")));
        rs.add(PolRecord.value(k, "Expand", new RegValue.ExpandSz("%SystemRoot%\\system32")));
        rs.add(PolRecord.value(k, "Bin", new RegValue.Binary(new byte[] {0, 1, (byte) 0xff, 0x5d, 0})));
        rs.add(PolRecord.value(k, "EmptyBin", new RegValue.Binary(new byte[0])));
        rs.add(PolRecord.value(k, "Dword", new RegValue.Dword(0xFFFFFFFE)));
        rs.add(PolRecord.value(k, "DwordBe", new RegValue.DwordBigEndian(0x01020304)));
        rs.add(PolRecord.value(k, "Multi", new RegValue.MultiSz(List.of("a.exe", "b c.exe"))));
        rs.add(PolRecord.value(k, "EmptyMulti", new RegValue.MultiSz(List.of())));
        rs.add(PolRecord.value(k, "Qword", new RegValue.Qword(-2L)));
        rs.add(PolRecord.value(k, "", new RegValue.Sz("default value")));
        rs.add(PolRecord.deleteValue(k, "Gone"));
        rs.add(PolRecord.deleteValues(k, List.of("One", "Two")));
        rs.add(PolRecord.deleteKeys(k, List.of("Sub1", "Sub2")));
        rs.add(PolRecord.secureKey(k, true));
        rs.add(PolRecord.secureKey(k + "\\Open", false));
        rs.add(PolRecord.softValue(k, "IfAbsent", new RegValue.Dword(7)));
        rs.add(PolRecord.value(k + "\\Ünïcödé ключ", "名前", new RegValue.Sz("値")));
        return rs;
    }

    @Test
    void everyTypeAndDirectiveRoundTrips() {
        List<PolRecord> rs = everyKind();
        byte[] bytes = PolWriter.write(rs);
        PolFile back = PolReader.read(bytes);
        assertEquals(rs, back.records(), "records are classified back to the same variants");
        assertArrayEquals(bytes, back.toBytes());
        assertArrayEquals(bytes, PolWriter.write(everyKind()), "same records, same bytes");
    }

    @Test
    void typedViewsDecodeTheData() {
        List<PolRecord> back = PolReader.read(PolWriter.write(everyKind())).records();
        for (PolRecord r : back) {
            if (r instanceof PolRecord.Value v) {
                Optional<RegValue> typed = v.value();
                assertTrue(typed.isPresent(), "typed view of " + v.name());
                assertArrayEquals(v.raw().data(), typed.get().toBytes(), "typed view re-encodes to the raw data");
            }
        }
        PolRecord.DeleteValues dv = (PolRecord.DeleteValues) back.get(14);
        assertEquals(List.of("One", "Two"), dv.names());
        PolRecord.DeleteKeys dk = (PolRecord.DeleteKeys) back.get(15);
        assertEquals(List.of("Sub1", "Sub2"), dk.subkeys());
        assertTrue(((PolRecord.SecureKey) back.get(16)).secure());
        assertEquals(false, ((PolRecord.SecureKey) back.get(17)).secure());
        PolRecord.SoftValue soft = (PolRecord.SoftValue) back.get(18);
        assertEquals("IfAbsent", soft.valueName());
        assertEquals(Optional.of(new RegValue.Dword(7)), soft.value());
    }

    @Test
    void directivesAreRecognisedCaseInsensitively() {
        String k = "Software\\X";
        byte[] sp = new RegValue.Sz(" ").toBytes();
        assertInstanceOf(PolRecord.DeleteValue.class, PolRecord.of(new RawRecord(k, "**DEL.Foo", 1, sp)));
        assertInstanceOf(PolRecord.DeleteAllValues.class, PolRecord.of(new RawRecord(k, "**DelVals.", 1, sp)));
        assertInstanceOf(PolRecord.DeleteValues.class, PolRecord.of(new RawRecord(k, "**deletevalues", 1, sp)));
        assertInstanceOf(PolRecord.DeleteKeys.class, PolRecord.of(new RawRecord(k, "**DELETEKEYS", 1, sp)));
        assertInstanceOf(PolRecord.SecureKey.class, PolRecord.of(new RawRecord(k, "**securekey", 4, new byte[4])));
        assertInstanceOf(PolRecord.SoftValue.class, PolRecord.of(new RawRecord(k, "**Soft.Foo", 4, new byte[4])));
        assertEquals("Foo", ((PolRecord.DeleteValue) PolRecord.of(new RawRecord(k, "**DEL.Foo", 1, sp))).valueName());
        assertInstanceOf(PolRecord.Value.class, PolRecord.of(new RawRecord(k, "**comment", 1, sp)),
                "an unknown ** name is an ordinary value");
        assertInstanceOf(PolRecord.Value.class, PolRecord.of(new RawRecord(k, "", 0, new byte[] {1})),
                "REG_NONE with data is a value, not a key-only record");
    }

    @Test
    void writesWindowsLayoutByteForByte() {
        // [a;**del.b;1;4; \0] built field by field from MS-GPREG 2.2.1
        ByteBuffer want = ByteBuffer.allocate(8 + 2 + 4 + 2 + 16 + 2 + 4 + 2 + 4 + 2 + 4 + 2).order(ByteOrder.LITTLE_ENDIAN);
        want.put("PReg".getBytes(StandardCharsets.US_ASCII)).putInt(1);
        want.put("[a\0;**del.b\0;".getBytes(StandardCharsets.UTF_16LE));
        want.putInt(1).put(";".getBytes(StandardCharsets.UTF_16LE)).putInt(4).put(";".getBytes(StandardCharsets.UTF_16LE));
        want.put(" \0]".getBytes(StandardCharsets.UTF_16LE));
        assertArrayEquals(want.array(), PolWriter.write(List.of(PolRecord.deleteValue("a", "b"))));
    }

    @Test
    void unpairedSurrogatesSurviveARoundTrip() {
        PolRecord r = PolRecord.of(new RawRecord("K\uD800", "N\uDC00x", 3, new byte[] {1}));
        byte[] bytes = PolWriter.write(List.of(r));
        assertEquals(List.of(r), PolReader.read(bytes).records());
        assertArrayEquals(bytes, PolReader.read(bytes).toBytes());
    }

    @Test
    void streamingReadDeliversTheSameRecords(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("Registry.pol");
        Files.write(f, PolWriter.write(everyKind()));
        List<PolRecord> seen = new ArrayList<>();
        PolReader.forEach(f, PolReader.DEFAULT_MAX_BYTES, seen::add);
        assertEquals(everyKind(), seen);
    }
}
