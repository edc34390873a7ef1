package org.vipctl.catalog;

import java.util.Map;
import java.util.Optional;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;

/**
 * The ADMX element kind a catalog setting is shown with. It follows from the registry type and the
 * map: REG_MULTI_SZ is multiText, REG_QWORD longDecimal, REG_DWORD decimal without a map, boolean
 * with a true/false map and enum with any other map; text otherwise.
 */
public enum AdmxElementKind {
    BOOLEAN("boolean"),
    DECIMAL("decimal"),
    LONG_DECIMAL("longDecimal"),
    TEXT("text"),
    MULTI_TEXT("multiText"),
    ENUM("enum");

    private final String yamlName;

    AdmxElementKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name in catalog files and in ADMX ({@code multiText}). */
    public String yamlName() {
        return yamlName;
    }

    public static Optional<AdmxElementKind> ofYamlName(String name) {
        for (AdmxElementKind k : values()) {
            if (k.yamlName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    static AdmxElementKind of(RegType type, Map<String, RegValue> map) {
        return switch (type) {
            case REG_MULTI_SZ -> MULTI_TEXT;
            case REG_QWORD -> LONG_DECIMAL;
            case REG_DWORD -> map.isEmpty() ? DECIMAL
                    : map.keySet().equals(java.util.Set.of("true", "false")) ? BOOLEAN : ENUM;
            default -> TEXT;
        };
    }
}
