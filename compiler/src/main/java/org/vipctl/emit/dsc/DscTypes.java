package org.vipctl.emit.dsc;

import org.vipctl.registry.RegValue;

/**
 * The DSC name of a registry value type, the same in both forms: the classic Registry resource's
 * {@code ValueType} and the Microsoft.Windows/Registry resource's data property.
 */
final class DscTypes {

    private DscTypes() {
    }

    /** @throws IllegalArgumentException for REG_NONE and REG_DWORD_BIG_ENDIAN, which DSC has no name for */
    static String name(RegValue v) {
        return switch (v.type()) {
            case REG_SZ -> "String";
            case REG_EXPAND_SZ -> "ExpandString";
            case REG_MULTI_SZ -> "MultiString";
            case REG_DWORD -> "DWord";
            case REG_QWORD -> "QWord";
            case REG_BINARY -> "Binary";
            case REG_NONE, REG_DWORD_BIG_ENDIAN -> throw new IllegalArgumentException(
                    v.type() + " is not a type of the DSC Registry resource");
        };
    }
}
