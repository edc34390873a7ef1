package org.vipctl.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;

/** Registry data from a YAML value, for catalog settings and the spec.registry escape hatch alike. */
public final class RegistryData {

    private RegistryData() {
    }

    /** {@code v} as data of {@code type}; empty when it does not fit (the validator reports that case). */
    public static Optional<RegValue> of(RegType type, JsonNode v) {
        return Optional.ofNullable(convert(type, v));
    }


    private static RegValue convert(RegType type, JsonNode v) {
        switch (type) {
            case REG_DWORD:
                return v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0 && v.asLong() <= 0xFFFF_FFFFL
                        ? RegValue.Dword.ofUnsigned(v.asLong()) : v.isBoolean() ? new RegValue.Dword(v.asBoolean() ? 1 : 0) : null;
            case REG_QWORD:
                if (v.isIntegralNumber() && v.bigIntegerValue().signum() >= 0 && v.bigIntegerValue().bitLength() <= 64) {
                    return new RegValue.Qword(v.bigIntegerValue().longValue());
                }
                return null;
            // A NUL inside string data would end the string early on Windows (and split a
            // REG_MULTI_SZ item in two): such data does not fit the type.
            case REG_SZ:
                return isText(v) ? new RegValue.Sz(v.asText()) : null;
            case REG_EXPAND_SZ:
                return isText(v) ? new RegValue.ExpandSz(v.asText()) : null;
            case REG_MULTI_SZ: {
                if (!v.isArray()) {
                    return null;
                }
                List<String> items = new ArrayList<>();
                for (JsonNode item : v) {
                    if (!isText(item) || item.asText().isEmpty()) {
                        return null;
                    }
                    items.add(item.asText());
                }
                return new RegValue.MultiSz(items);
            }
            case REG_BINARY: {
                if (!v.isTextual()) {
                    return null;
                }
                String hex = v.asText().replaceAll("[\\s,:]", "");
                if (hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]*")) {
                    return null;
                }
                return new RegValue.Binary(HexFormat.of().parseHex(hex));
            }
            default:
                return null;
        }
    }

    private static boolean isText(JsonNode v) {
        return v.isTextual() && v.asText().indexOf('\0') < 0;
    }
}
