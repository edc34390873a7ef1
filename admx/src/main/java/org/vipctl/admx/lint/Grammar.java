package org.vipctl.admx.lint;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which element may appear where in an ADMX or ADML file (schemas/admx/*.xsd, which follow
 * Microsoft's schema and what Windows' own templates contain). Lint reads only these; anything else
 * is reported where it stands, with its subtree skipped.
 */
enum Grammar {
    ADMX_ROOT, NAMESPACES, SUPPORTED_ON_TABLE, PRODUCTS, PRODUCT, MAJOR_VERSION, DEFINITIONS, DEFINITION,
    COMBINATION, CATEGORIES, CATEGORY, POLICIES, POLICY, VALUE, VALUE_LIST, VALUE_ITEM, ELEMENTS, BOOLEAN,
    ENUM, ENUM_ITEM,
    ADML_ROOT, RESOURCES, STRING_TABLE, PRESENTATION_TABLE, PRESENTATION, TEXT_BOX, COMBO_BOX,
    /** No children. */
    LEAF,
    /** Children of any kind, not read (annotation). */
    ANY;

    private static final Map<Grammar, Map<String, Grammar>> CHILDREN = new EnumMap<>(Grammar.class);

    static {
        CHILDREN.put(ADMX_ROOT, Map.of("policyNamespaces", NAMESPACES, "supersededAdm", LEAF, "annotation", ANY,
                "resources", LEAF, "supportedOn", SUPPORTED_ON_TABLE, "categories", CATEGORIES, "policies", POLICIES));
        CHILDREN.put(NAMESPACES, Map.of("target", LEAF, "using", LEAF));
        CHILDREN.put(SUPPORTED_ON_TABLE, Map.of("products", PRODUCTS, "definitions", DEFINITIONS));
        CHILDREN.put(PRODUCTS, Map.of("product", PRODUCT));
        CHILDREN.put(PRODUCT, Map.of("majorVersion", MAJOR_VERSION));
        CHILDREN.put(MAJOR_VERSION, Map.of("minorVersion", LEAF));
        CHILDREN.put(DEFINITIONS, Map.of("definition", DEFINITION));
        CHILDREN.put(DEFINITION, Map.of("or", COMBINATION, "and", COMBINATION));
        CHILDREN.put(COMBINATION, Map.of("range", LEAF, "reference", LEAF));
        CHILDREN.put(CATEGORIES, Map.of("category", CATEGORY));
        CHILDREN.put(CATEGORY, Map.of("parentCategory", LEAF, "seeAlso", LEAF, "keywords", LEAF));
        CHILDREN.put(POLICIES, Map.of("policy", POLICY));
        CHILDREN.put(POLICY, Map.ofEntries(Map.entry("annotation", ANY), Map.entry("parentCategory", LEAF),
                Map.entry("seeAlso", LEAF), Map.entry("keywords", LEAF), Map.entry("supportedOn", LEAF),
                Map.entry("enabledValue", VALUE), Map.entry("disabledValue", VALUE),
                Map.entry("enabledList", VALUE_LIST), Map.entry("disabledList", VALUE_LIST),
                Map.entry("elements", ELEMENTS)));
        CHILDREN.put(VALUE, Map.of("delete", LEAF, "decimal", LEAF, "longDecimal", LEAF, "string", LEAF));
        CHILDREN.put(VALUE_LIST, Map.of("item", VALUE_ITEM));
        CHILDREN.put(VALUE_ITEM, Map.of("value", VALUE));
        CHILDREN.put(ELEMENTS, Map.of("boolean", BOOLEAN, "decimal", LEAF, "longDecimal", LEAF, "text", LEAF,
                "multiText", LEAF, "enum", ENUM, "list", LEAF));
        CHILDREN.put(BOOLEAN, Map.of("trueValue", VALUE, "falseValue", VALUE, "trueList", VALUE_LIST,
                "falseList", VALUE_LIST));
        CHILDREN.put(ENUM, Map.of("item", ENUM_ITEM));
        CHILDREN.put(ENUM_ITEM, Map.of("value", VALUE, "valueList", VALUE_LIST));
        CHILDREN.put(ADML_ROOT, Map.of("displayName", LEAF, "description", LEAF, "annotation", ANY,
                "resources", RESOURCES));
        CHILDREN.put(RESOURCES, Map.of("stringTable", STRING_TABLE, "presentationTable", PRESENTATION_TABLE));
        CHILDREN.put(STRING_TABLE, Map.of("string", LEAF));
        CHILDREN.put(PRESENTATION_TABLE, Map.of("presentation", PRESENTATION));
        CHILDREN.put(PRESENTATION, Map.of("text", LEAF, "checkBox", LEAF, "decimalTextBox", LEAF,
                "longDecimalTextBox", LEAF, "textBox", TEXT_BOX, "multiTextBox", LEAF, "comboBox", COMBO_BOX,
                "dropdownList", LEAF, "listBox", LEAF));
        CHILDREN.put(TEXT_BOX, Map.of("label", LEAF, "defaultValue", LEAF));
        CHILDREN.put(COMBO_BOX, Map.of("label", LEAF, "default", LEAF, "suggestion", LEAF));
    }

    /** The context of child {@code name}; empty when the format has no such child here. */
    Optional<Grammar> child(String name) {
        Map<String, Grammar> m = CHILDREN.get(this);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(name));
    }
}
