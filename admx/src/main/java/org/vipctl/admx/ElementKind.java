package org.vipctl.admx;

import java.util.Arrays;
import java.util.Optional;

/** The ADMX element kinds and the presentation control that shows each. */
public enum ElementKind {
    BOOLEAN("boolean", "checkBox"),
    DECIMAL("decimal", "decimalTextBox"),
    LONG_DECIMAL("longDecimal", "longDecimalTextBox"),
    TEXT("text", "textBox"),
    MULTI_TEXT("multiText", "multiTextBox"),
    ENUM("enum", "dropdownList"),
    LIST("list", "listBox");

    private final String xmlName;
    private final String control;

    ElementKind(String xmlName, String control) {
        this.xmlName = xmlName;
        this.control = control;
    }

    public String xmlName() {
        return xmlName;
    }

    public String control() {
        return control;
    }

    /** comboBox also shows a text element. */
    public boolean shownBy(String controlName) {
        return control.equals(controlName) || (this == TEXT && "comboBox".equals(controlName));
    }

    static Optional<ElementKind> ofXmlName(String name) {
        return Arrays.stream(values()).filter(k -> k.xmlName.equals(name)).findFirst();
    }
    /** The kind of a policy element of the binding (text when it is none of the others). */
    public static ElementKind of(Object e) {
        if (e instanceof org.vipctl.admx.binding.BooleanElement) {
            return ElementKind.BOOLEAN;
        } else if (e instanceof org.vipctl.admx.binding.DecimalElement) {
            return ElementKind.DECIMAL;
        } else if (e instanceof org.vipctl.admx.binding.LongDecimalElement) {
            return ElementKind.LONG_DECIMAL;
        } else if (e instanceof org.vipctl.admx.binding.MultiTextElement) {
            return ElementKind.MULTI_TEXT;
        } else if (e instanceof org.vipctl.admx.binding.EnumElement) {
            return ElementKind.ENUM;
        } else if (e instanceof org.vipctl.admx.binding.ListElement) {
            return ElementKind.LIST;
        }
        return ElementKind.TEXT;
    }
}
