package org.vipctl.gpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GptIniTest {

    private static GptIni ini(String text) {
        return GptIni.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void versionHalves() {
        GptIni g = ini("[General]\r\nVersion=196613\r\ndisplayName=New Group Policy Object\r\n");
        assertEquals(196613, g.version());
        assertEquals(3, g.userVersion());
        assertEquals(5, g.computerVersion());
        GptIni bumped = g.bumpComputerVersion();
        assertEquals(3, bumped.userVersion(), "user half untouched");
        assertEquals(6, bumped.computerVersion());
        assertEquals("[General]\r\nVersion=196614\r\ndisplayName=New Group Policy Object\r\n",
                new String(bumped.toBytes(), StandardCharsets.ISO_8859_1), "other lines and CRLF kept");
    }

    @Test
    void computerVersionWrapsTo1() {
        GptIni g = ini("[General]\nVersion=" + ((7L << 16) | 0xFFFF) + "\n").bumpComputerVersion();
        assertEquals(7, g.userVersion());
        assertEquals(1, g.computerVersion());
        assertEquals("[General]\nVersion=458753\n", new String(g.toBytes(), StandardCharsets.ISO_8859_1), "LF file stays LF");
    }

    @Test
    void missingVersionIsZeroAndKeysAreAddedToGeneral() {
        GptIni g = ini("[General]\r\ngPCFunctionalityVersion=2\r\n\r\n[Other]\r\nx=1\r\n");
        assertEquals(0, g.version());
        GptIni u = g.bumpComputerVersion().withMachineExtensionNames("[{A}]");
        assertEquals("[General]\r\ngPCFunctionalityVersion=2\r\nVersion=1\r\ngPCMachineExtensionNames=[{A}]\r\n\r\n[Other]\r\nx=1\r\n",
                new String(u.toBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void keysAreCaseInsensitiveAndOtherBytesSurvive() {
        byte[] raw = "[general]\r\nversion=2\r\ndisplayName=Caf\u00e9 GPO\r\n".getBytes(StandardCharsets.ISO_8859_1);
        GptIni g = GptIni.parse(raw);
        assertEquals(2, g.version());
        assertArrayEquals(raw, g.toBytes());
        assertEquals("[general]\r\nversion=3\r\ndisplayName=Caf\u00e9 GPO\r\n",
                new String(g.bumpComputerVersion().toBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void badVersionIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ini("[General]\nVersion=abc\n").version());
        assertEquals("GPT.INI: Version=abc is not a decimal 32-bit number", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ini("[General]\nVersion=4294967296\n").version());
    }

    @Test
    void extensionNamesMergeSorted() {
        String cse = ExtensionNames.REGISTRY_CSE;
        String tool = ExtensionNames.REGISTRY_TOOL_MACHINE;
        assertEquals("[" + cse + tool + "]", ExtensionNames.merge("", cse, tool));
        String security = "[{827D319E-6EAC-11D2-A4EA-00C04F79F83A}{803E14A0-B4FB-11D0-A0D0-00A0C90F574B}]";
        assertEquals("[" + cse + tool + "]" + security, ExtensionNames.merge(security, cse, tool));
        String withOtherTool = "[" + cse + "{0F6B957E-509E-11D1-A7CC-0000F87571E3}]";
        assertEquals("[" + cse + "{0F6B957E-509E-11D1-A7CC-0000F87571E3}" + tool + "]", ExtensionNames.merge(withOtherTool, cse, tool));
        String already = "[" + cse.toLowerCase() + tool + "]" + security;
        assertEquals(already, ExtensionNames.merge(already, cse, tool), "present already: unchanged, even its case");
        assertThrows(IllegalArgumentException.class, () -> ExtensionNames.merge("[{nonsense}]", cse, tool));
    }
}
