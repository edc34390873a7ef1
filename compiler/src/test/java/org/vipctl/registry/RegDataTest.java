package org.vipctl.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegDataTest {

    @Test
    void decodingIsTheInverseOfToBytesForEveryType() {
        List<RegValue> values = List.of(new RegValue.None(), new RegValue.Sz("crm.exe"), new RegValue.Sz(""),
                new RegValue.ExpandSz("%SystemRoot%\\system32"), new RegValue.Binary(new byte[] {0, 1, (byte) 0xff}),
                new RegValue.Dword(-1), new RegValue.Dword(42), new RegValue.DwordBigEndian(0x01020304),
                new RegValue.MultiSz(List.of("a.exe", "b.exe")), new RegValue.MultiSz(List.of()),
                new RegValue.Qword(-2L));
        for (RegValue v : values) {
            assertEquals(v, RegData.decode(v.type(), v.toBytes()), v.type().name());
        }
    }

    @Test
    void dwordIsLittleEndianAndUnsigned() {
        RegValue v = RegData.decode(RegType.REG_DWORD, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        assertEquals(4294967295L, ((RegValue.Dword) v).unsigned());
    }

    @Test
    void stringEndsAtItsTerminatorAndAcceptsDataWithoutOne() {
        byte[] withGarbage = "ab\0zz".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(new RegValue.Sz("ab"), RegData.decode(RegType.REG_SZ, withGarbage));
        assertEquals(new RegValue.Sz("ab"), RegData.decode(RegType.REG_SZ, "ab".getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void multiStringStopsAtTheEmptyItem() {
        byte[] data = "a\0\0b\0\0".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(new RegValue.MultiSz(List.of("a")), RegData.decode(RegType.REG_MULTI_SZ, data));
    }

    @Test
    void wrongSizedNumbersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegData.decode(RegType.REG_DWORD, new byte[3]));
        assertTrue(e.getMessage().contains("4 bytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RegData.decode(RegType.REG_QWORD, new byte[4]));
    }
}
