package org.vipctl.registry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw registry data (what RegQueryValueEx returns, what a .reg file's {@code hex(N):} carries) back
 * into typed values: the inverse of {@link RegValue#toBytes()}.
 */
public final class RegData {

    private RegData() {
    }

    /** @throws IllegalArgumentException when the bytes cannot be data of {@code type} (e.g. a 3-byte DWORD) */
    public static RegValue decode(RegType type, byte[] data) {
        switch (type) {
            case REG_NONE:
                return new RegValue.None();
            case REG_SZ:
                return new RegValue.Sz(firstString(data));
            case REG_EXPAND_SZ:
                return new RegValue.ExpandSz(firstString(data));
            case REG_BINARY:
                return new RegValue.Binary(data);
            case REG_DWORD:
                return new RegValue.Dword(number(data, 4, ByteOrder.LITTLE_ENDIAN, type).getInt());
            case REG_DWORD_BIG_ENDIAN:
                return new RegValue.DwordBigEndian(number(data, 4, ByteOrder.BIG_ENDIAN, type).getInt());
            case REG_QWORD:
                return new RegValue.Qword(number(data, 8, ByteOrder.LITTLE_ENDIAN, type).getLong());
            case REG_MULTI_SZ:
                return new RegValue.MultiSz(strings(data));
            default:
                throw new IllegalArgumentException("unsupported registry type " + type);
        }
    }

    private static ByteBuffer number(byte[] data, int size, ByteOrder order, RegType type) {
        if (data.length != size) {
            throw new IllegalArgumentException(type + " data must be " + size + " bytes, got " + data.length);
        }
        return ByteBuffer.wrap(data).order(order);
    }

    private static String utf16(byte[] data) {
        int even = data.length - (data.length % 2);
        return new String(data, 0, even, StandardCharsets.UTF_16LE);
    }

    /** A string value ends at its first terminator; data written without one is taken whole. */
    private static String firstString(byte[] data) {
        String s = utf16(data);
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    /** Items up to the empty item that ends the list (so an empty item cannot be carried). */
    private static List<String> strings(byte[] data) {
        String s = utf16(data);
        List<String> items = new ArrayList<>();
        int start = 0;
        while (start < s.length()) {
            int nul = s.indexOf('\0', start);
            String item = nul < 0 ? s.substring(start) : s.substring(start, nul);
            if (item.isEmpty()) {
                break;
            }
            items.add(item);
            if (nul < 0) {
                break;
            }
            start = nul + 1;
        }
        return items;
    }
}
