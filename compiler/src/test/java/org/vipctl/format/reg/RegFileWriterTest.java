package org.vipctl.format.reg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vipctl.diagnostic.Location;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;

class RegFileWriterTest {

    private static final RegKey KEY = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Vipctl\\Test");
    private static final Provenance FROM = new Provenance("registry", "test", new Location("t.yaml", 3, 5));

    private static RegistryEntry set(String name, RegValue v) {
        return new RegistryEntry.Set(KEY, name, v, FROM);
    }

    private static String text(RegistryEntry... entries) {
        byte[] bytes = RegFileWriter.write(new RegistryState(Scope.LOCAL, List.of(entries)), List.of(), false);
        return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }

    /** The logical line (continuations joined) that sets {@code name}. */
    private static String valueLine(String text, String quotedName) {
        String joined = text.replace("\\\r\n  ", "");
        return Arrays.stream(joined.split("\r\n")).filter(l -> l.startsWith(quotedName + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + quotedName + " in\n" + text));
    }

    /** The bytes of a {@code hex:} or {@code hex(N):} line. */
    private static byte[] hexData(String line) {
        String data = line.substring(line.indexOf("):") >= 0 ? line.indexOf("):") + 2 : line.indexOf("hex:") + 4);
        return data.isEmpty() ? new byte[0] : HexFormat.ofDelimiter(",").parseHex(data);
    }

    @Test
    void fileIsUtf16LittleEndianWithByteOrderMarkAndTheVersion5Header() {
        byte[] bytes = RegFileWriter.write(new RegistryState(Scope.LOCAL, List.of(set("A", new RegValue.Sz("Zürich")))),
                List.of("a comment"), true);
        assertEquals((byte) 0xFF, bytes[0]);
        assertEquals((byte) 0xFE, bytes[1]);
        assertEquals(0, bytes.length % 2);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.startsWith("Windows Registry Editor Version 5.00\r\n\r\n"), text);
        assertTrue(text.contains("\"A\"=\"Zürich\"\r\n"), text);
        assertTrue(text.contains("; a comment\r\n"), text);
        assertTrue(text.contains("; registry (t.yaml:3:5)\r\n"), "provenance comment: " + text);
    }

    @Test
    void everyLineEndsWithCrLf() {
        String text = text(set("A", new RegValue.MultiSz(List.of("x".repeat(60), "y".repeat(60)))),
                new RegistryEntry.Delete(KEY, "B", FROM));
        assertTrue(text.endsWith("\r\n"));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                assertEquals('\r', text.charAt(i - 1), "LF without CR at " + i);
            }
            if (text.charAt(i) == '\r') {
                assertEquals('\n', text.charAt(i + 1), "CR without LF at " + i);
            }
        }
    }

    @Test
    void keySectionsUseTheLongHiveNameAndListParentsFirstOnce() {
        RegKey child = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Vipctl\\Test\\Child");
        String text = text(set("A", new RegValue.Dword(1)), new RegistryEntry.Set(child, "B", new RegValue.Dword(2), FROM));
        List<String> sections = Arrays.stream(text.split("\r\n")).filter(l -> l.startsWith("[")).toList();
        assertEquals(List.of("[HKEY_LOCAL_MACHINE\\SOFTWARE]", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vipctl]",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vipctl\\Test]", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vipctl\\Test\\Child]"),
                sections);
    }

    @Test
    void aKeyOnlyEntryIsItsSectionHeaderWithoutAValueLine() throws Exception {
        RegKey empty = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Vipctl\\Empty");
        String text = text(RegistryEntry.keyOnly(empty, FROM), set("A", new RegValue.Dword(1)));
        assertTrue(text.contains("\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vipctl\\Empty]\r\n\r\n["), text);
        assertFalse(text.contains("createkey"), text);
        RegFile back = RegFileReader.read("t.reg", RegFileWriter.encode(text));
        RegFile.Section s = back.sections().stream().filter(x -> x.key().endsWith("\\Empty")).findFirst().orElseThrow();
        assertEquals(List.of(), s.values());
    }

    @Test
    void a32BitViewKeyIsWrittenBelowWow6432Node() {
        RegKey vip = new RegKey(Hive.HKLM, View.BIT32, "SOFTWARE\\Citrix\\VIP");
        String text = text(new RegistryEntry.Set(vip, "PreferLoopback", new RegValue.Dword(1), FROM));
        assertTrue(text.contains("\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Citrix\\VIP]\r\n\"PreferLoopback\"=dword:00000001\r\n"),
                text);
        assertFalse(text.contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Citrix"), text);
    }

    @Test
    void stringsAndDwordsUseTheirPlainForms() {
        String text = text(set("S", new RegValue.Sz("plain")), set("D", new RegValue.Dword(42)),
                set("Max", RegValue.Dword.ofUnsigned(0xFFFF_FFFFL)), set("", new RegValue.Sz("default")));
        assertEquals("\"S\"=\"plain\"", valueLine(text, "\"S\""));
        assertEquals("\"D\"=dword:" + String.format("%08x", 42), valueLine(text, "\"D\""));
        assertEquals("\"Max\"=dword:ffffffff", valueLine(text, "\"Max\""));
        assertEquals("@=\"default\"", valueLine(text, "@"));
    }

    @Test
    void otherTypesAreHexWithTheirTypeCodeAndTheExactWindowsBytes() {
        List<RegValue> values = List.of(new RegValue.ExpandSz("%SystemRoot%\\x"),
                new RegValue.MultiSz(List.of("a.exe", "b.exe")), new RegValue.MultiSz(List.of()),
                new RegValue.Qword(0x0123_4567_89AB_CDEFL), new RegValue.Binary(new byte[] {0, 1, (byte) 0xFE}),
                new RegValue.Binary(new byte[0]), new RegValue.DwordBigEndian(0x0102_0304), new RegValue.None());
        List<RegistryEntry> entries = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            entries.add(set("V" + i, values.get(i)));
        }
        String text = text(entries.toArray(RegistryEntry[]::new));
        for (int i = 0; i < values.size(); i++) {
            RegValue v = values.get(i);
            String line = valueLine(text, "\"V" + i + "\"");
            String prefix = v instanceof RegValue.Binary ? "hex:" : "hex(" + Integer.toHexString(v.type().code()) + "):";
            assertTrue(line.startsWith("\"V" + i + "\"=" + prefix), line);
            assertArrayEquals(v.toBytes(), hexData(line), line);
        }
        assertTrue(valueLine(text, "\"V0\"").startsWith("\"V0\"=hex(2):"));
        assertTrue(valueLine(text, "\"V1\"").startsWith("\"V1\"=hex(7):"));
        assertTrue(valueLine(text, "\"V3\"").startsWith("\"V3\"=hex(b):ef,cd,ab,89,67,45,23,01"));
        assertEquals("\"V7\"=hex(0):", valueLine(text, "\"V7\""));
    }

    @Test
    void aDeletionIsNameEqualsMinus() {
        assertEquals("\"Old\"=-", valueLine(text(new RegistryEntry.Delete(KEY, "Old", FROM)), "\"Old\""));
    }

    @Test
    void longHexDataWrapsWithBackslashAndTwoSpaceIndentWithinEightyColumns() {
        byte[] data = new byte[300];
        IntStream.range(0, data.length).forEach(i -> data[i] = (byte) i);
        String text = text(set("Blob", new RegValue.Binary(data)),
                set("N".repeat(90), new RegValue.MultiSz(List.of("first", "second"))));
        List<String> lines = Arrays.asList(text.split("\r\n"));
        int start = lines.indexOf(lines.stream().filter(l -> l.startsWith("\"Blob\"=hex:")).findFirst().orElseThrow());
        int i = start;
        while (lines.get(i).endsWith("\\")) {
            assertTrue(lines.get(i).length() <= 80, "line longer than 80: " + lines.get(i));
            assertTrue(lines.get(i + 1).startsWith("  ") && !lines.get(i + 1).startsWith("   "), lines.get(i + 1));
            assertTrue(lines.get(i).endsWith(",\\"), "breaks only after a comma: " + lines.get(i));
            i++;
        }
        assertTrue(i - start >= 3, "300 bytes take several lines");
        assertTrue(lines.get(i).length() <= 80);
        assertArrayEquals(data, hexData(valueLine(text, "\"Blob\"")));
        // a name longer than a line still gets its data, wrapped after the first byte
        assertArrayEquals(new RegValue.MultiSz(List.of("first", "second")).toBytes(),
                hexData(valueLine(text, "\"" + "N".repeat(90) + "\"")));
    }

    @Test
    void quotesAndBackslashesAreEscapedInNamesAndStrings() {
        String text = text(set("a\"b\\c", new RegValue.Sz("C:\\Program Files\\x \"y\"")));
        assertTrue(text.contains("\r\n\"a\\\"b\\\\c\"=\"C:\\\\Program Files\\\\x \\\"y\\\"\"\r\n"), text);
    }

    @Test
    void aStringWithALineBreakIsWrittenAsHexSoItCannotStartAnotherKey() {
        String sneaky = "x\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]\r\n\"a\"=\"b\"";
        String text = text(set("S", new RegValue.Sz(sneaky)));
        assertFalse(text.contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Evil]"), text);
        String line = valueLine(text, "\"S\"");
        assertTrue(line.startsWith("\"S\"=hex(1):"), line);
        assertArrayEquals(new RegValue.Sz(sneaky).toBytes(), hexData(line));
    }

    @Test
    void namesAndKeysWithControlCharactersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> text(set("bad\nname", new RegValue.Dword(1))));
        assertTrue(e.getMessage().contains("control character"), e.getMessage());
        RegKey badKey = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\a\r\nb");
        assertThrows(IllegalArgumentException.class,
                () -> text(new RegistryEntry.Set(badKey, "n", new RegValue.Dword(1), FROM)));
    }

    @Test
    void theSameStateGivesTheSameBytes() {
        List<RegistryEntry> entries = List.of(set("A", new RegValue.Sz("a")),
                set("B", new RegValue.MultiSz(List.of("x", "y"))), new RegistryEntry.Delete(KEY, "C", FROM),
                new RegistryEntry.Set(new RegKey(Hive.HKLM, View.BIT32, "SOFTWARE\\Citrix\\VIP"), "D",
                        new RegValue.Dword(7), FROM));
        byte[] first = RegFileWriter.write(new RegistryState(Scope.LOCAL, entries), List.of("c"), true);
        byte[] second = RegFileWriter.write(new RegistryState(Scope.LOCAL, new ArrayList<>(entries)), List.of("c"), true);
        assertArrayEquals(first, second);
    }
}
