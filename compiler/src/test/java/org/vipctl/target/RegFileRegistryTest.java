package org.vipctl.target;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.format.reg.RegFileWriter;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.View;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vipctl.plan.Fixtures.CITRIX_VIP;
import static org.vipctl.plan.Fixtures.LOCAL_VIP;

class RegFileRegistryTest {

    @TempDir
    Path tmp;

    @Test
    void missingFileIsAnEmptyRegistry() {
        RegFileRegistry reg = RegFileRegistry.open(tmp.resolve("none.reg"));
        assertEquals(Optional.empty(), reg.read(LOCAL_VIP, "EnableVirtualIP"));
        assertFalse(Files.exists(tmp.resolve("none.reg")), "reading creates nothing");
        assertEquals("regfile:" + tmp.resolve("none.reg").toAbsolutePath(), reg.target());
    }

    @Test
    void writesRegeditFormatAndReadsItBack() throws Exception {
        Path f = tmp.resolve("s.reg");
        RegFileRegistry reg = RegFileRegistry.open(f);
        reg.write(LOCAL_VIP, "EnableVirtualIP", new RegValue.Dword(1));
        reg.write(CITRIX_VIP, "PreferLoopbackProcesses", new RegValue.MultiSz(List.of("softphone.exe")));
        reg.write(LOCAL_VIP, "Dir", new RegValue.ExpandSz("%SystemRoot%\\x"));
        reg.write(LOCAL_VIP, "Q", new RegValue.Qword(5));
        byte[] bytes = Files.readAllBytes(f);
        assertEquals((byte) 0xff, bytes[0]);
        assertEquals((byte) 0xfe, bytes[1]);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.startsWith("Windows Registry Editor Version 5.00\r\n\r\n"), text);
        assertTrue(text.contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Citrix\\VIP]\r\n\"PreferLoopbackProcesses\"=hex(7):"), text);
        assertTrue(text.contains("\"EnableVirtualIP\"=dword:00000001\r\n"), text);
        assertTrue(text.contains("\"Dir\"=hex(2):"), text);
        assertTrue(text.contains("\"Q\"=hex(b):05,00,00,00,00,00,00,00"), text);
        assertFalse(text.replace("\r\n", "").contains("\n"), "CRLF only");

        RegFileRegistry again = RegFileRegistry.open(f);
        assertEquals(Optional.of(new RegValue.MultiSz(List.of("softphone.exe"))), again.read(CITRIX_VIP, "preferloopbackprocesses"));
        assertEquals(Optional.of(new RegValue.ExpandSz("%SystemRoot%\\x")), again.read(LOCAL_VIP, "Dir"));
        assertTrue(again.keyExists(new RegKey(Hive.HKLM, View.BIT64, "SYSTEM\\CurrentControlSet")));

        again.write(LOCAL_VIP, "EnableVirtualIP", new RegValue.Dword(1));
        assertArrayEquals(bytes, Files.readAllBytes(f), "rewriting the same state gives the same bytes");
    }

    @Test
    void valueKeepsTheSpellingOfItsNameAndDeleteRemovesIt() throws Exception {
        Path f = tmp.resolve("s.reg");
        RegFileRegistry reg = RegFileRegistry.open(f);
        reg.write(LOCAL_VIP, "EnableVirtualIP", new RegValue.Dword(1));
        reg.write(LOCAL_VIP, "ENABLEVIRTUALIP", new RegValue.Dword(0));
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_16LE);
        assertTrue(text.contains("\"EnableVirtualIP\"=dword:00000000"), text);
        reg.delete(LOCAL_VIP, "enablevirtualip");
        assertEquals(Optional.empty(), RegFileRegistry.open(f).read(LOCAL_VIP, "EnableVirtualIP"));
        reg.delete(LOCAL_VIP, "NeverThere");
    }

    @Test
    void deletionLinesInAnInputFileAreApplied() throws Exception {
        Path f = tmp.resolve("in.reg");
        Files.write(f, ("Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\A]\r\n\"x\"=dword:1\r\n\"y\"=dword:2\r\n\"y\"=-\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\B\\C]\r\n\"z\"=\"1\"\r\n\r\n[-HKEY_LOCAL_MACHINE\\SOFTWARE\\B]\r\n")
                .getBytes(StandardCharsets.UTF_8));
        RegFileRegistry reg = RegFileRegistry.open(f);
        RegKey a = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\A");
        assertEquals(Optional.of(new RegValue.Dword(1)), reg.read(a, "x"));
        assertEquals(Optional.empty(), reg.read(a, "y"));
        assertFalse(reg.keyExists(new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\B\\C")));
    }

    @Test
    void anInvalidFileIsAnErrorNamingTheLine() throws Exception {
        Path f = tmp.resolve("bad.reg");
        Files.write(f, "Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\A]\r\n\"x\"=dword:zz\r\n"
                .getBytes(StandardCharsets.UTF_8));
        RegistryException e = assertThrows(RegistryException.class, () -> RegFileRegistry.open(f));
        assertTrue(e.getMessage().contains("bad.reg:3: "), e.getMessage());
        Files.write(f, "Windows Registry Editor Version 5.00\r\n[HKEY_NOWHERE\\A]\r\n".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(RegistryException.class, () -> RegFileRegistry.open(f));
        assertTrue(e.getMessage().contains("bad.reg:2: unknown hive"), e.getMessage());
    }

    @Test
    void aStringWithALineBreakSurvivesTheStateFile() {
        Path f = tmp.resolve("s.reg");
        RegFileRegistry.open(f).write(LOCAL_VIP, "Text", new RegValue.Sz("a\r\nb"));
        assertEquals(java.util.Optional.of(new RegValue.Sz("a\r\nb")), RegFileRegistry.open(f).read(LOCAL_VIP, "Text"));
    }

    @Test
    void aFileAnotherProgramChangedAfterItWasReadIsNotOverwritten() throws Exception {
        Path file = tmp.resolve("other.reg");
        RegFileRegistry.open(file).write(LOCAL_VIP, "A", new RegValue.Dword(1));
        RegFileRegistry mine = RegFileRegistry.open(file);
        String theirs = "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Theirs]\r\n\"T\"=dword:00000002\r\n";
        Files.write(file, ("\uFEFF" + theirs).getBytes(StandardCharsets.UTF_16LE));
        RegistryException e = assertThrows(RegistryException.class, () -> mine.write(LOCAL_VIP, "B", new RegValue.Dword(2)));
        assertTrue(e.getMessage().contains("changed by another program"), e.getMessage());
        assertEquals(theirs, new String(Files.readAllBytes(file), StandardCharsets.UTF_16LE).substring(1));
        mine.write(LOCAL_VIP, "B", new RegValue.Dword(2));
        RegFileRegistry after = RegFileRegistry.open(file);
        assertEquals(Optional.of(new RegValue.Dword(2)), after.read(new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Theirs"), "T"),
                "after the refusal the object holds what the file holds, and writes on top of it");
        assertEquals(Optional.of(new RegValue.Dword(2)), after.read(LOCAL_VIP, "B"));
    }

    @Test
    void theKeyItselfIsASectionWithoutValuesAndIsTakenBackOnlyWhileEmpty() throws Exception {
        RegKey empty = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Contoso\\Empty");
        Path f = tmp.resolve("k.reg");
        RegFileRegistry reg = RegFileRegistry.open(f);
        assertEquals(Optional.empty(), reg.read(empty, RegistryEntry.KEY_ONLY));
        reg.write(empty, RegistryEntry.KEY_ONLY, new RegValue.None());
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_16LE);
        assertTrue(text.endsWith("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Empty]\r\n\r\n"), text);
        assertFalse(text.contains("createkey"), text);
        assertEquals(Optional.of(new RegValue.None()), RegFileRegistry.open(f).read(empty, RegistryEntry.KEY_ONLY));

        // a file with content of its own is edited in place: the section is appended, then taken back
        Path g = tmp.resolve("g.reg");
        String own = "Windows Registry Editor Version 5.00\r\n\r\n; kept\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Other]\r\n\"A\"=dword:00000001\r\n\r\n";
        Files.write(g, RegFileWriter.encode(own));
        byte[] before = Files.readAllBytes(g);
        RegFileRegistry edited = RegFileRegistry.open(g);
        edited.write(empty, RegistryEntry.KEY_ONLY, new RegValue.None());
        assertEquals(own + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Empty]\r\n\r\n",
                new String(Files.readAllBytes(g), StandardCharsets.UTF_16LE).substring(1));
        RegFileRegistry.open(g).delete(empty, RegistryEntry.KEY_ONLY);
        assertArrayEquals(before, Files.readAllBytes(g), "taking the key back gives the same bytes");

        // a key that got a value since is not empty: taking it back leaves it
        RegFileRegistry.open(g).write(empty, RegistryEntry.KEY_ONLY, new RegValue.None());
        RegFileRegistry.open(g).write(empty, "Port", new RegValue.Dword(9000));
        RegFileRegistry.open(g).delete(empty, RegistryEntry.KEY_ONLY);
        assertEquals(Optional.of(new RegValue.Dword(9000)), RegFileRegistry.open(g).read(empty, "Port"));
        assertEquals(Optional.of(new RegValue.None()), RegFileRegistry.open(g).read(empty, RegistryEntry.KEY_ONLY));
    }
}
