package org.vipctl.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data bytes exactly as Windows stores them. */
class RegValueTest {

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void dwordIsLittleEndianAndUnsigned() {
        assertArrayEquals(hex("01 00 00 00"), new RegValue.Dword(1).toBytes());
        assertArrayEquals(hex("ff ff ff ff"), RegValue.Dword.ofUnsigned(4294967295L).toBytes());
        assertEquals(4294967295L, RegValue.Dword.ofUnsigned(4294967295L).unsigned());
        assertEquals("4294967295 (0xffffffff)", RegValue.Dword.ofUnsigned(4294967295L).display());
        assertThrows(IllegalArgumentException.class, () -> RegValue.Dword.ofUnsigned(4294967296L));
        assertThrows(IllegalArgumentException.class, () -> RegValue.Dword.ofUnsigned(-1));
    }

    @Test
    void bigEndianDwordAndQword() {
        assertArrayEquals(hex("12 34 56 78"), new RegValue.DwordBigEndian(0x12345678).toBytes());
        assertArrayEquals(hex("08 07 06 05 04 03 02 01"), new RegValue.Qword(0x0102030405060708L).toBytes());
        assertEquals("18446744073709551615 (0xffffffffffffffff)", new RegValue.Qword(-1).display());
    }

    @Test
    void stringsAreUtf16LeWithTerminator() {
        assertArrayEquals(hex("41 00 e9 00 00 00"), new RegValue.Sz("Aé").toBytes());
        assertArrayEquals(hex("00 00"), new RegValue.Sz("").toBytes());
        assertArrayEquals(hex("25 00 00 00"), new RegValue.ExpandSz("%").toBytes());
        assertArrayEquals(hex("3d d8 00 de 00 00"), new RegValue.Sz("\uD83D\uDE00").toBytes(), "surrogate pairs stay pairs");
    }

    @Test
    void multiStringsEndWithAnEmptyString() {
        assertArrayEquals(hex("61 00 00 00 62 00 63 00 00 00 00 00"), new RegValue.MultiSz(List.of("a", "bc")).toBytes());
        assertArrayEquals(hex("00 00"), new RegValue.MultiSz(List.of()).toBytes());
    }

    @Test
    void binaryAndNone() {
        assertArrayEquals(hex("01 ff"), new RegValue.Binary(hex("01ff")).toBytes());
        assertEquals("hex:01,ff", new RegValue.Binary(hex("01ff")).display());
        assertArrayEquals(new byte[0], new RegValue.None().toBytes());
    }

    @Test
    void equalityIsByTypeAndData() {
        assertEquals(new RegValue.Binary(hex("01")), new RegValue.Binary(hex("01")));
        assertNotEquals(new RegValue.Sz("1"), new RegValue.Dword(1));
        assertNotEquals(new RegValue.Sz("x"), new RegValue.ExpandSz("x"));
        byte[] b = hex("01");
        RegValue.Binary v = new RegValue.Binary(b);
        b[0] = 2;
        assertArrayEquals(hex("01"), v.bytes(), "binary data is copied in");
    }

    @Test
    void typeCodesAreWindowsCodes() {
        assertEquals(4, RegType.REG_DWORD.code());
        assertEquals(7, RegType.REG_MULTI_SZ.code());
        assertEquals(11, RegType.REG_QWORD.code());
        assertEquals(RegType.REG_DWORD, RegType.parse("dword").orElseThrow());
        assertEquals(RegType.REG_SZ, RegType.ofCode(1).orElseThrow());
    }
}
