package org.vipctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;
import org.vipctl.model.Located;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;

/**
 * Reads a setting's {@code admx} block into an {@link AdmxBinding}. The element kind is derived
 * from the setting's type and map and checked against a declared {@code elementKind}; enum items
 * follow the map's order. Whether the texts cover every template language is checked once the
 * template is known ({@link AdmxChecks}).
 */
final class AdmxBindingReader {

    /** ADMX ids: letters, digits and underscore. */
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final List<String> OWN_ONLY = List.of("category", "supportedOn", "text", "required", "label", "items");

    private final SourceDocument doc;
    private final Diagnostics out;

    AdmxBindingReader(SourceDocument doc, Diagnostics out) {
        this.doc = doc;
        this.out = out;
    }

    Optional<AdmxBinding> read(String id, String ptr, JsonNode a, Optional<RegType> type, Map<String, RegValue> map) {
        String policy = a.path("policy").asText("");
        if (!NAME.matcher(policy).matches()) {
            out.add(Rule.ADMX_TEMPLATE.error(doc.valueAt(ptr + "/policy"), "setting " + id + ": admx.policy '" + policy
                    + "' is not a valid policy name", "use letters, digits and underscores only"));
            return Optional.empty();
        }
        Optional<String> element = SettingReader.text(a, "element");
        if (element.isPresent() && !NAME.matcher(element.get()).matches()) {
            out.add(Rule.ADMX_TEMPLATE.error(doc.valueAt(ptr + "/element"), "setting " + id + ": admx.element '"
                    + element.get() + "' is not a valid id", "use letters, digits and underscores only"));
            return Optional.empty();
        }
        Optional<AdmxElementKind> declared = Optional.empty();
        if (a.hasNonNull("elementKind")) {
            declared = AdmxElementKind.ofYamlName(a.get("elementKind").asText());
            if (declared.isEmpty()) {
                out.add(Rule.ADMX_TEMPLATE.error(doc.valueAt(ptr + "/elementKind"), "setting " + id
                        + ": unknown admx.elementKind '" + a.get("elementKind").asText() + "'",
                        "use boolean, decimal, longDecimal, text, multiText or enum"));
                return Optional.empty();
            }
        }
        if (a.hasNonNull("definedBy")) {
            for (String field : OWN_ONLY) {
                if (a.has(field)) {
                    out.add(Rule.ADMX_TEMPLATE.error(doc.keyAt(ptr + "/" + field), "setting " + id + ": admx." + field
                            + " has no meaning with definedBy (the other template describes the policy)",
                            "remove it, or remove definedBy to make the setting part of this file's template"));
                    return Optional.empty();
                }
            }
            return Optional.of(new AdmxBinding.DefinedBy(a.get("definedBy").asText(), policy, element, declared));
        }
        Optional<AdmxBinding.PolicyDescription> description = Optional.empty();
        if (a.has("category") || a.has("supportedOn") || a.has("text")) {
            Map<String, AdmxBinding.PolicyText> texts = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = a.path("text").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                texts.put(e.getKey(), new AdmxBinding.PolicyText(e.getValue().path("displayName").asText("").strip(),
                        e.getValue().path("explain").asText("").strip()));
            }
            description = Optional.of(new AdmxBinding.PolicyDescription(
                    new Located<>(a.path("category").asText(""), doc.valueAt(ptr + "/category")),
                    new Located<>(a.path("supportedOn").asText(""), doc.valueAt(ptr + "/supportedOn")), texts,
                    doc.valueAt(ptr + "/text")));
        }
        if (element.isEmpty()) {
            return Optional.of(new AdmxBinding.Own(policy, description, Optional.empty()));
        }
        Location at = doc.valueAt(ptr + "/element");
        if (type.isEmpty()) {
            out.add(Rule.ADMX_TEMPLATE.error(at, "setting " + id + " has admx.element but no type",
                    "add type and policy: {key, value}"));
            return Optional.empty();
        }
        Optional<AdmxBinding.Element> e = element(id, at, element.get(), declared, a, type.get(), map);
        return e.isPresent() ? Optional.of(new AdmxBinding.Own(policy, description, e)) : Optional.empty();
    }

    private Optional<AdmxBinding.Element> element(String id, Location at, String elementId,
                                                  Optional<AdmxElementKind> declared, JsonNode a, RegType type,
                                                  Map<String, RegValue> map) {
        AdmxElementKind kind = AdmxElementKind.of(type, map);
        if (declared.isPresent() && declared.get() != kind) {
            out.add(Rule.ADMX_TEMPLATE.error(at, "setting " + id + ": admx.elementKind '" + declared.get().yamlName()
                    + "' does not fit its " + type + " value (that is a " + kind.yamlName() + ")",
                    "correct elementKind or the setting's type/map"));
            return Optional.empty();
        }
        List<AdmxBinding.EnumItem> items = new ArrayList<>();
        if (kind == AdmxElementKind.ENUM) {
            for (Map.Entry<String, RegValue> m : map.entrySet()) {
                items.add(new AdmxBinding.EnumItem(m.getKey(), ((RegValue.Dword) m.getValue()).unsigned(),
                        texts(a.path("items").path(m.getKey()))));
            }
            for (Iterator<String> it = a.path("items").fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!map.containsKey(key)) {
                    out.add(Rule.ADMX_TEMPLATE.error(at, "setting " + id + ": admx.items." + key
                            + " is not a key of the setting's map", "label the map's keys: " + String.join(", ", map.keySet())));
                }
            }
        }
        return Optional.of(new AdmxBinding.Element(elementId, kind, a.path("required").asBoolean(false),
                texts(a.path("label")), items));
    }

    static Map<String, String> texts(JsonNode n) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            texts.put(e.getKey(), e.getValue().asText("").strip());
        }
        return texts;
    }

    /**
     * The binding a user entry without an {@code admx} block keeps from the setting it replaces,
     * re-derived for the entry's own type and map.
     */
    static Optional<AdmxBinding> inherit(AdmxBinding original, Setting entry, Diagnostics out) {
        if (!(original instanceof AdmxBinding.Own own) || own.element().isEmpty()) {
            return Optional.of(original);
        }
        AdmxBinding.Element e = own.element().get();
        if (entry.type().isEmpty()) {
            out.add(Rule.ADMX_TEMPLATE.error(entry.at(), "setting " + entry.id() + " is element " + e.id()
                    + " of ADMX policy " + own.policy() + " but has no type", "add the type of the setting it replaces"));
            return Optional.empty();
        }
        AdmxElementKind kind = AdmxElementKind.of(entry.type().get(), entry.map());
        if (kind != e.kind()) {
            out.add(Rule.ADMX_TEMPLATE.error(entry.at(), "setting " + entry.id() + " replaces element " + e.id()
                    + " of ADMX policy " + own.policy() + ", a " + e.kind().yamlName() + ", with a " + kind.yamlName()
                    + " value", "keep the type and map of the setting it replaces, or give the entry its own admx block"));
            return Optional.empty();
        }
        List<AdmxBinding.EnumItem> items = new ArrayList<>();
        if (kind == AdmxElementKind.ENUM) {
            Map<String, Map<String, String>> labels = new LinkedHashMap<>();
            e.items().forEach(i -> labels.put(i.key(), i.text()));
            entry.map().forEach((key, v) -> items.add(new AdmxBinding.EnumItem(key, ((RegValue.Dword) v).unsigned(),
                    labels.getOrDefault(key, Map.of()))));
        }
        return Optional.of(new AdmxBinding.Own(own.policy(), own.description(), Optional.of(
                new AdmxBinding.Element(e.id(), kind, e.required(), e.label(), items))));
    }
}
