package org.vipctl.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;

/**
 * A typed value as JSON, shared by the plan document and backup files:
 * {@code {"type":"REG_DWORD","data":1}}. DWORD/QWORD data are unsigned numbers, strings stay
 * unexpanded, REG_MULTI_SZ is an array, REG_BINARY a lowercase hex string, REG_NONE has null data.
 */
public final class RegValueJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RegValueJson() {
    }

    public static ObjectNode toJson(RegValue v) {
        ObjectNode o = F.objectNode();
        o.put("type", v.type().name());
        if (v instanceof RegValue.Sz s) {
            o.put("data", s.text());
        } else if (v instanceof RegValue.ExpandSz s) {
            o.put("data", s.text());
        } else if (v instanceof RegValue.Dword d) {
            o.put("data", d.unsigned());
        } else if (v instanceof RegValue.DwordBigEndian d) {
            o.put("data", d.unsigned());
        } else if (v instanceof RegValue.Qword q) {
            o.put("data", new BigInteger(Long.toUnsignedString(q.value())));
        } else if (v instanceof RegValue.MultiSz m) {
            ArrayNode a = o.putArray("data");
            m.items().forEach(a::add);
        } else if (v instanceof RegValue.Binary b) {
            o.put("data", HexFormat.of().formatHex(b.bytes()));
        } else {
            o.putNull("data");
        }
        return o;
    }

    /** @throws IllegalArgumentException with a message naming what is wrong */
    public static RegValue fromJson(JsonNode n) {
        RegType type = RegType.parse(n.path("type").asText(""))
                .orElseThrow(() -> new IllegalArgumentException("unknown registry type '" + n.path("type").asText() + "'"));
        JsonNode d = n.path("data");
        switch (type) {
            case REG_NONE:
                return new RegValue.None();
            case REG_SZ:
                return new RegValue.Sz(text(d, type));
            case REG_EXPAND_SZ:
                return new RegValue.ExpandSz(text(d, type));
            case REG_DWORD:
                return RegValue.Dword.ofUnsigned(dword(number(d, type)));
            case REG_DWORD_BIG_ENDIAN:
                return new RegValue.DwordBigEndian(RegValue.Dword.ofUnsigned(dword(number(d, type))).value());
            case REG_QWORD: {
                BigInteger b = number(d, type);
                if (b.signum() < 0 || b.bitLength() > 64) {
                    throw new IllegalArgumentException("REG_QWORD data out of range: " + b);
                }
                return new RegValue.Qword(b.longValue());
            }
            case REG_MULTI_SZ: {
                if (!d.isArray()) {
                    throw new IllegalArgumentException("REG_MULTI_SZ data must be an array of strings");
                }
                List<String> items = new ArrayList<>();
                d.forEach(i -> items.add(text(i, type)));
                return new RegValue.MultiSz(items);
            }
            case REG_BINARY: {
                String hex = text(d, type);
                if (!hex.matches("([0-9A-Fa-f]{2})*")) {
                    throw new IllegalArgumentException("REG_BINARY data must be pairs of hex digits, e.g. \"01ff\"");
                }
                return new RegValue.Binary(HexFormat.of().parseHex(hex));
            }
            default:
                throw new IllegalArgumentException("unsupported registry type " + type);
        }
    }

    private static String text(JsonNode d, RegType type) {
        if (!d.isTextual()) {
            throw new IllegalArgumentException(type + " data must be a string");
        }
        return d.asText();
    }

    private static long dword(BigInteger b) {
        if (b.signum() < 0 || b.bitLength() > 32) {
            throw new IllegalArgumentException("REG_DWORD data must be 0..4294967295, got " + b);
        }
        return b.longValue();
    }

    private static BigInteger number(JsonNode d, RegType type) {
        if (!d.isIntegralNumber()) {
            throw new IllegalArgumentException(type + " data must be a whole number");
        }
        return d.bigIntegerValue();
    }
}
