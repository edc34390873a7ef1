package org.vipctl.emit.admx;

import java.util.Arrays;
import java.util.Optional;

/** The ADMX element kinds and the presentation control that shows each. */
enum ElementKind {
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

    String xmlName() {
        return xmlName;
    }

    String control() {
        return control;
    }

    /** comboBox also shows a text element. */
    boolean shownBy(String controlName) {
        return control.equals(controlName) || (this == TEXT && "comboBox".equals(controlName));
    }

    static Optional<ElementKind> ofXmlName(String name) {
        return Arrays.stream(values()).filter(k -> k.xmlName.equals(name)).findFirst();
    }
}
