package org.vipctl.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;

/** Registry data from a YAML value: a catalog map entry, a policy value, or a spec.registry entry. */
public final class RegistryData {

    private RegistryData() {
    }

    /** Empty when {@code v} does not fit {@code type}. */
    public static Optional<RegValue> convert(RegType type, JsonNode v) {
        switch (type) {
            case REG_DWORD:
                if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0 && v.asLong() <= 0xFFFF_FFFFL) {
                    return Optional.of(RegValue.Dword.ofUnsigned(v.asLong()));
                }
                return v.isBoolean() ? Optional.of(new RegValue.Dword(v.asBoolean() ? 1 : 0)) : Optional.empty();
            case REG_QWORD:
                if (v.isIntegralNumber() && v.bigIntegerValue().signum() >= 0 && v.bigIntegerValue().bitLength() <= 64) {
                    return Optional.of(new RegValue.Qword(v.bigIntegerValue().longValue()));
                }
                return Optional.empty();
            // A NUL inside string data would end the string early on Windows (and split a
            // REG_MULTI_SZ item in two): such data does not fit the type.
            case REG_SZ:
                return isText(v) ? Optional.of(new RegValue.Sz(v.asText())) : Optional.empty();
            case REG_EXPAND_SZ:
                return isText(v) ? Optional.of(new RegValue.ExpandSz(v.asText())) : Optional.empty();
            case REG_MULTI_SZ: {
                if (!v.isArray()) {
                    return Optional.empty();
                }
                List<String> items = new ArrayList<>();
                for (JsonNode item : v) {
                    if (!isText(item) || item.asText().isEmpty()) {
                        return Optional.empty();
                    }
                    items.add(item.asText());
                }
                return Optional.of(new RegValue.MultiSz(items));
            }
            case REG_BINARY: {
                if (!v.isTextual()) {
                    return Optional.empty();
                }
                String hex = v.asText().replaceAll("[\\s,:]", "");
                if (hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]*")) {
                    return Optional.empty();
                }
                return Optional.of(new RegValue.Binary(HexFormat.of().parseHex(hex)));
            }
            default:
                return Optional.empty();
        }
    }

    private static boolean isText(JsonNode v) {
        return v.isTextual() && v.asText().indexOf('\0') < 0;
    }
}
