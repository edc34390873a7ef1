package org.vipctl.emit.admx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.admx.ElementKind;
import org.vipctl.catalog.AdmxBinding;
import org.vipctl.catalog.AdmxElementKind;
import org.vipctl.catalog.AdmxTemplateGroup;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;

/**
 * Builds the ADMX templates from the setting catalog's typed ADMX data: one template per
 * {@link Catalog#admxTemplates() catalog template}, its settings grouped into policies by
 * {@code admx.policy}. The catalog checked the data when it loaded (VIP092), so nothing here fails.
 */
final class TemplateReader {

    private TemplateReader() {
    }

    /** Every template the catalog defines, in catalog order (built-in first). */
    static List<Template> read(Catalog catalog) {
        return catalog.admxTemplates().stream().map(TemplateReader::template).toList();
    }

    private static Template template(AdmxTemplateGroup g) {
        Map<String, List<Setting>> byPolicy = new LinkedHashMap<>();
        for (Setting s : g.settings()) {
            byPolicy.computeIfAbsent(s.admx().orElseThrow().policy(), k -> new ArrayList<>()).add(s);
        }
        List<Template.PolicyDef> policies = new ArrayList<>();
        byPolicy.forEach((name, group) -> policies.add(policy(name, group)));
        return new Template(g.spec(), policies);
    }

    private static Template.PolicyDef policy(String name, List<Setting> group) {
        java.util.Optional<Setting> value = group.stream().filter(s -> own(s).element().isEmpty()).findFirst();
        Setting main = value.orElse(group.get(0));
        AdmxBinding.PolicyDescription d = group.stream().flatMap(s -> own(s).description().stream()).findFirst()
                .orElseThrow(() -> new IllegalStateException("policy " + name + " has no description"));
        Placement placement = main.placement(Scope.POLICY).orElseThrow();
        String key = placement.key().literalPath();
        List<Template.ElementDef> elements = new ArrayList<>();
        for (Setting s : group) {
            own(s).element().ifPresent(e -> elements.add(element(name, s, e, key)));
        }
        Map<String, String> display = new LinkedHashMap<>();
        Map<String, String> explain = new LinkedHashMap<>();
        d.text().forEach((lang, t) -> {
            display.put(lang, t.displayName());
            explain.put(lang, t.explain());
        });
        return new Template.PolicyDef(name, d.category().value(), d.supportedOn().value(),
                placement.key().hive() == Hive.HKLM, key, value.isPresent() ? placement.valueName() : "",
                value.map(v -> number(v.map().get("true"), 1)).orElse(null),
                value.map(v -> number(v.map().get("false"), 0)).orElse(null),
                display, explain, elements, group.stream().map(Setting::id).toList(), main.at());
    }

    private static Template.ElementDef element(String policy, Setting s, AdmxBinding.Element e, String policyKey) {
        Placement placement = s.placement(Scope.POLICY).orElseThrow();
        String key = placement.key().literalPath();
        List<Template.EnumChoice> items = e.items().stream()
                .map(i -> new Template.EnumChoice(policy + "_" + e.id() + "_" + i.key(), i.value(), i.text()))
                .toList();
        return new Template.ElementDef(e.id(), kind(e.kind()), key.equalsIgnoreCase(policyKey) ? "" : key,
                placement.valueName(), e.required(), e.label(), items, s.id());
    }

    static ElementKind kind(AdmxElementKind k) {
        return switch (k) {
            case BOOLEAN -> ElementKind.BOOLEAN;
            case DECIMAL -> ElementKind.DECIMAL;
            case LONG_DECIMAL -> ElementKind.LONG_DECIMAL;
            case TEXT -> ElementKind.TEXT;
            case MULTI_TEXT -> ElementKind.MULTI_TEXT;
            case ENUM -> ElementKind.ENUM;
        };
    }

    private static AdmxBinding.Own own(Setting s) {
        return (AdmxBinding.Own) s.admx().orElseThrow();
    }

    private static long number(RegValue v, long fallback) {
        return v instanceof RegValue.Dword d ? d.unsigned() : fallback;
    }
}
