package org.vipctl.format.reg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vipctl.registry.RegValue;

class RegFileReaderTest {

    static byte[] utf16(String text) {
        return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
    }

    @Test
    void readsEveryRegeditDataForm() {
        String text = String.join("\r\n",
                "Windows Registry Editor Version 5.00",
                "",
                "; a comment",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]",
                "\"Text\"=\"C:\\\\Program Files\\\\\\\"x\\\"\"",
                "@=\"default\"",
                "\"Port\"=dword:00002328",
                "\"Expand\"=hex(2):25,00,41,00,25,00,00,00",
                "\"List\"=hex(7):61,00,00,00,62,00,00,00,\\",
                "  00,00",
                "\"Big\"=hex(b):ff,ff,ff,ff,ff,ff,ff,ff",
                "\"Raw\"=hex:01,02",
                "\"Gone\"=-",
                "",
                "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Old]",
                "");
        RegFile f = RegFileReader.read("t.reg", utf16(text));
        assertEquals(2, f.sections().size());
        RegFile.Section s = f.sections().get(0);
        assertEquals("HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso", s.key());
        assertFalse(s.deleteKey());
        List<RegFile.ValueLine> v = s.values();
        assertEquals(Optional.of(new RegValue.Sz("C:\\Program Files\\\"x\"")), v.get(0).value());
        assertEquals("", v.get(1).name());
        assertEquals(Optional.of(new RegValue.Dword(9000)), v.get(2).value());
        assertEquals(Optional.of(new RegValue.ExpandSz("%A%")), v.get(3).value());
        assertEquals(Optional.of(new RegValue.MultiSz(List.of("a", "b"))), v.get(4).value());
        assertEquals(Optional.of(new RegValue.Qword(-1L)), v.get(5).value());
        assertEquals(Optional.of(new RegValue.Binary(new byte[] {1, 2})), v.get(6).value());
        assertEquals("Gone", v.get(7).name());
        assertTrue(v.get(7).value().isEmpty());
        assertTrue(f.sections().get(1).deleteKey());
        assertEquals("HKEY_LOCAL_MACHINE\\SOFTWARE\\Old", f.sections().get(1).key());
    }

    @Test
    void acceptsUtf8AndLfLines() {
        byte[] b = "Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\X]\n\"A\"=dword:1\n"
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.of(new RegValue.Dword(1)), RegFileReader.read("t.reg", b).sections().get(0).values().get(0).value());
    }

    @Test
    void readsWhatTheWriterWrites() {
        var key = new org.vipctl.registry.RegKey(org.vipctl.registry.Hive.HKLM, org.vipctl.registry.View.BIT32, "SOFTWARE\\Citrix\\VIP");
        var from = new org.vipctl.registry.Provenance("t", "p", org.vipctl.diagnostic.Location.ofFile("f"));
        var list = new RegValue.MultiSz(List.of("softphone.exe", "a-much-longer-name-for-a-process-that-wraps.exe", "x.exe"));
        var state = new org.vipctl.registry.RegistryState(org.vipctl.registry.Scope.LOCAL, List.of(
                new org.vipctl.registry.RegistryEntry.Set(key, "PreferLoopbackProcesses", list, from)));
        RegFile f = RegFileReader.read("t.reg", RegFileWriter.write(state, List.of("comment"), true));
        RegFile.Section last = f.sections().get(f.sections().size() - 1);
        assertEquals("HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Citrix\\VIP", last.key());
        assertEquals(Optional.of(list), last.values().get(0).value());
    }

    @Test
    void errorsNameTheLine() {
        String[][] cases = {
            {"REGEDIT5\r\n", "1", "missing header"},
            {"Windows Registry Editor Version 5.00\r\n\"A\"=dword:1\r\n", "2", "outside a [KEY]"},
            {"Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\X]\r\n\"A\"=dword:123456789\r\n", "3", "dword:"},
            {"Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\X]\r\n\"A\"=hex(4):01,02\r\n", "3", "4 bytes"},
            {"Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\X]\r\n\"A\"=hex:0g\r\n", "3", "bad hex byte"},
            {"Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\X]\r\n\"A\"=\"open\r\n", "3", "closing quote"},
            {"Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\X]\r\n\"A\"=str:x\r\n", "3", "unknown data"},
            {"Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\X\r\n", "2", "end with ']'"},
            {"Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\X]\r\n\"A\"=hex(6):00\r\n", "3", "hex(6)"},
        };
        for (String[] c : cases) {
            RegFileException e = assertThrows(RegFileException.class, () -> RegFileReader.read("bad.reg", utf16(c[0])), c[2]);
            assertEquals(Integer.parseInt(c[1]), e.line(), e.getMessage());
            assertTrue(e.getMessage().startsWith("bad.reg:" + c[1] + ": "), e.getMessage());
            assertTrue(e.getMessage().contains(c[2]), e.getMessage());
        }
    }

    @Test
    void rejectsBytesThatAreNotText() {
        byte[] b = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xd8};
        RegFileException e = assertThrows(RegFileException.class, () -> RegFileReader.read("bin.reg", b));
        assertTrue(e.getMessage().contains("UTF-16LE"), e.getMessage());
    }
}
