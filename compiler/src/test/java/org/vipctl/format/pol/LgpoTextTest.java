package org.vipctl.format.pol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vipctl.registry.RegValue;

class LgpoTextTest {

    private static final String K = "SOFTWARE\\Policies\\V";

    private static String text(PolRecord r) throws IOException {
        StringBuilder sb = new StringBuilder();
        LgpoText.append(sb, "Computer", r);
        return sb.toString();
    }

    @Test
    void lgpoFormsForTheTypesLgpoKnows() throws IOException {
        assertEquals("Computer\n" + K + "\nA\nDWORD:4294967295\n\n", text(PolRecord.value(K, "A", new RegValue.Dword(-1))));
        assertEquals("Computer\n" + K + "\nB\nSZ:x;y]z\n\n", text(PolRecord.value(K, "B", new RegValue.Sz("x;y]z"))));
        assertEquals("Computer\n" + K + "\nC\nEXSZ:%SystemRoot%\\x\n\n",
                text(PolRecord.value(K, "C", new RegValue.ExpandSz("%SystemRoot%\\x"))));
        assertEquals("Computer\n" + K + "\nD\nDELETE\n\n", text(PolRecord.deleteValue(K, "D")));
        assertEquals("Computer\n" + K + "\n*\nDELETEALLVALUES\n\n", text(PolRecord.deleteAllValues(K)));
        assertEquals("Computer\n" + K + "\n*\nCREATEKEY\n\n", text(PolRecord.keyOnly(K)));
    }

    @Test
    void vipctlFormsForTheRest() {
        assertEquals("MULTISZ:a.exe\\0c:\\\\x\\\\b.exe", LgpoText.action(PolRecord.value(K, "M", new RegValue.MultiSz(List.of("a.exe", "c:\\x\\b.exe")))));
        assertEquals("MULTISZ:", LgpoText.action(PolRecord.value(K, "M", new RegValue.MultiSz(List.of()))));
        assertEquals("BINARY:00ff10", LgpoText.action(PolRecord.value(K, "B", new RegValue.Binary(new byte[] {0, -1, 16}))));
        assertEquals("QWORD:18446744073709551615", LgpoText.action(PolRecord.value(K, "Q", new RegValue.Qword(-1))));
        assertEquals("DWORD_BIG_ENDIAN:258", LgpoText.action(PolRecord.value(K, "E", new RegValue.DwordBigEndian(258))));
        assertEquals("DELETEVALUES:a;b", LgpoText.action(PolRecord.deleteValues(K, List.of("a", "b"))));
        assertEquals("DELETEKEYS:s", LgpoText.action(PolRecord.deleteKeys(K, List.of("s"))));
        assertEquals("SECUREKEY:1", LgpoText.action(PolRecord.secureKey(K, true)));
        assertEquals("SOFT:DWORD:5", LgpoText.action(PolRecord.softValue(K, "S", new RegValue.Dword(5))));
        assertEquals("RAW0:0102", LgpoText.action(PolRecord.of(new RawRecord(K, "N", 0, new byte[] {1, 2}))));
        assertEquals("RAW7:61000000", LgpoText.action(PolRecord.of(new RawRecord(K, "N", 7, new byte[] {'a', 0, 0, 0})))
                , "MULTI_SZ without its final terminator is shown raw");
    }

    @Test
    void valueNames() {
        assertEquals("@", LgpoText.valueName(PolRecord.value(K, "", new RegValue.Sz("d"))));
        assertEquals("Soft", LgpoText.valueName(PolRecord.softValue(K, "Soft", new RegValue.Sz("d"))));
        assertEquals("*", LgpoText.valueName(PolRecord.secureKey(K, false)));
        assertEquals("a b", LgpoText.valueName(PolRecord.value(K, "a\nb", new RegValue.Sz("d"))));
    }
}
