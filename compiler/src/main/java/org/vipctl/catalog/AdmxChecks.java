package org.vipctl.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.model.Located;
import org.vipctl.registry.RegType;
import org.vipctl.schema.DidYouMean;

/**
 * Whether catalog data can make an ADMX template (VIP092): every text in every template language,
 * references that resolve (the template's own categories and supportedOn definitions, the names
 * Windows.admx defines for {@code windows:}), one description and at most one own value per
 * policy, unique element ids, unique file names and namespaces.
 */
final class AdmxChecks {

    private enum Ref { CATEGORY, DEFINITION }

    private final Diagnostics out;

    AdmxChecks(Diagnostics out) {
        this.out = out;
    }

    /** Templates must differ in file name (ignoring case) and namespace; Microsoft's are not ours to define. */
    void unique(List<AdmxTemplateSpec> specs) {
        Set<String> names = new HashSet<>();
        Set<String> namespaces = new HashSet<>();
        for (AdmxTemplateSpec t : specs) {
            if (!names.add(t.name().toLowerCase(Locale.ROOT))) {
                out.add(Rule.ADMX_TEMPLATE.error(t.at(), "two catalog files declare the ADMX file name '" + t.name()
                        + "'", "give each catalog file its own admxTemplate.name"));
            }
            if (!namespaces.add(t.namespace()) || t.namespace().startsWith("Microsoft.")) {
                out.add(Rule.ADMX_TEMPLATE.error(t.at(), "target namespace '" + t.namespace() + "' is already used",
                        "give each catalog file its own admxTemplate.namespace"));
            }
        }
    }

    void template(AdmxTemplateSpec t) {
        Set<String> seen = new HashSet<>();
        for (AdmxTemplateSpec.Category c : t.categories()) {
            if (!seen.add(c.name())) {
                out.add(Rule.ADMX_TEMPLATE.error(c.at(), "category " + c.name() + " is defined twice", "rename one"));
            }
            texts(t, c.text(), c.at(), "category " + c.name());
            texts(t, c.explain(), c.at(), "explain text of category " + c.name());
            if (!c.parent().isEmpty()) {
                resolve(t, c.parent(), c.at(), Ref.CATEGORY, "parent category of " + c.name());
            }
        }
        seen.clear();
        for (AdmxTemplateSpec.SupportedOn s : t.supportedOn()) {
            if (!seen.add(s.name())) {
                out.add(Rule.ADMX_TEMPLATE.error(s.at(), "supportedOn " + s.name() + " is defined twice", "rename one"));
            }
            texts(t, s.text(), s.at(), "supportedOn " + s.name());
        }
    }

    /** The policies {@code settings} (the template's, in catalog order) form. */
    void policies(AdmxTemplateSpec t, List<Setting> settings) {
        Map<String, List<Setting>> byPolicy = new LinkedHashMap<>();
        for (Setting s : settings) {
            byPolicy.computeIfAbsent(s.admx().orElseThrow().policy(), k -> new ArrayList<>()).add(s);
        }
        byPolicy.forEach((name, group) -> policy(t, name, group));
    }

    private void policy(AdmxTemplateSpec t, String name, List<Setting> group) {
        List<Setting> values = group.stream().filter(s -> own(s).element().isEmpty()).toList();
        if (values.size() > 1) {
            out.add(Rule.ADMX_TEMPLATE.error(values.get(1).at(), "policy " + name + " has two settings without"
                    + " 'element'", "give all but one setting admx.element"));
        }
        List<Setting> described = group.stream().filter(s -> own(s).description().isPresent()).toList();
        if (described.isEmpty()) {
            out.add(Rule.ADMX_TEMPLATE.error(group.get(0).at(), "policy " + name + " has no category, supportedOn and"
                    + " text", "give one of its settings admx.category, admx.supportedOn and admx.text"));
        } else if (described.size() > 1) {
            out.add(Rule.ADMX_TEMPLATE.error(described.get(1).at(), "policy " + name + " is described by two settings ("
                    + described.get(0).id() + " and " + described.get(1).id() + ")",
                    "keep category, supportedOn and text on one of them"));
        } else {
            description(t, name, own(described.get(0)).description().get());
        }
        Setting main = values.isEmpty() ? group.get(0) : values.get(0);
        if (main.policy().isEmpty()) {
            out.add(Rule.ADMX_TEMPLATE.error(main.at(), "setting " + main.id() + " has an admx block but no 'policy'"
                    + " registry placement", "add policy: {key: 'HKLM\\...', value: NAME}"));
        }
        if (!values.isEmpty() && main.type().orElse(RegType.REG_NONE) != RegType.REG_DWORD) {
            out.add(Rule.ADMX_TEMPLATE.error(main.at(), "setting " + main.id() + " is the value of policy " + name
                    + " but is not a REG_DWORD", "make it an element (admx.element) instead"));
        }
        Set<String> ids = new HashSet<>();
        for (Setting s : group) {
            Optional<AdmxBinding.Element> e = own(s).element();
            if (e.isEmpty()) {
                continue;
            }
            if (!ids.add(e.get().id())) {
                out.add(Rule.ADMX_TEMPLATE.error(s.at(), "policy " + name + " has two elements '" + e.get().id() + "'",
                        "use a unique admx.element per setting"));
            }
            if (s.policy().isEmpty()) {
                out.add(Rule.ADMX_TEMPLATE.error(s.at(), "setting " + s.id() + " has admx.element but no policy"
                        + " placement", "add policy: {key, value}"));
            }
            texts(t, e.get().label(), s.at(), "label of " + s.id());
            for (AdmxBinding.EnumItem item : e.get().items()) {
                texts(t, item.text(), s.at(), "enum item " + item.key() + " of " + s.id());
            }
        }
    }

    private void description(AdmxTemplateSpec t, String policy, AdmxBinding.PolicyDescription d) {
        reference(t, d.category(), Ref.CATEGORY, "category of policy " + policy);
        reference(t, d.supportedOn(), Ref.DEFINITION, "supportedOn of policy " + policy);
        for (String lang : t.languages()) {
            AdmxBinding.PolicyText text = d.text().get(lang);
            if (text == null || text.displayName().isBlank() || text.explain().isBlank()) {
                out.add(Rule.ADMX_TEMPLATE.error(d.at(), "policy " + policy + ": admx.text." + lang
                        + " needs displayName and explain", "add the " + lang + " translation"));
            }
        }
    }

    private void reference(AdmxTemplateSpec t, Located<String> ref, Ref kind, String what) {
        if (ref.value().isEmpty()) {
            out.add(Rule.ADMX_TEMPLATE.error(ref.at(), what + " is missing", "name one of the template's entries"));
        } else {
            resolve(t, ref.value(), ref.at(), kind, what);
        }
    }

    private void resolve(AdmxTemplateSpec t, String ref, Location at, Ref kind, String what) {
        int colon = ref.indexOf(':');
        String prefix = colon < 0 ? t.prefix() : ref.substring(0, colon);
        String name = ref.substring(colon + 1);
        if (prefix.equals(t.prefix())) {
            List<String> own = kind == Ref.CATEGORY ? t.categories().stream().map(AdmxTemplateSpec.Category::name).toList()
                    : t.supportedOn().stream().map(AdmxTemplateSpec.SupportedOn::name).toList();
            if (!own.contains(name)) {
                out.add(Rule.ADMX_TEMPLATE.error(at, what + ": '" + ref + "' is not defined in admxTemplate",
                        "define it or use prefix:name with a 'using' namespace, e.g. windows:SUPPORTED_Windows_10_0"));
            }
            return;
        }
        String namespace = t.using().get(prefix);
        if (namespace == null) {
            out.add(Rule.ADMX_TEMPLATE.error(at, what + ": prefix '" + prefix + "' has no 'using' entry",
                    "add admxTemplate.using: [{prefix, namespace}]"));
        } else if (namespace.equals(AdmxTemplateSpec.WINDOWS_NAMESPACE)) {
            windows(ref, name, at, kind, what);
        }
    }

    /** Windows.admx's names are known; other vendors' templates are not checked here (admx lint does). */
    private void windows(String ref, String name, Location at, Ref kind, String what) {
        WindowsAdmxNames.Kind k = kind == Ref.CATEGORY ? WindowsAdmxNames.Kind.CATEGORY : WindowsAdmxNames.Kind.DEFINITION;
        String noun = kind == Ref.CATEGORY ? "category" : "supportedOn definition";
        Optional<String> found = WindowsAdmxNames.get().find(k, name);
        if (found.isEmpty()) {
            // a warning, not an error: a newer Windows.admx than the list's may define the name
            String hint = DidYouMean.best(name, WindowsAdmxNames.get().all(k))
                    .map(b -> "did you mean windows:" + b + "? ").orElse("");
            out.add(Rule.ADMX_TEMPLATE.warning(at, what + ": Windows.admx (Windows 11 24H2) has no " + noun + " '"
                    + name + "'", hint + "name one Windows.admx defines, or define your own under admxTemplate."
                    + (kind == Ref.CATEGORY ? "categories" : "supportedOn") + "; admx lint with your store's Windows.admx"
                    + " checks it for certain"));
        } else if (!found.get().equals(name)) {
            out.add(Rule.ADMX_TEMPLATE.warning(at, what + ": '" + ref + "' differs only in letter case from"
                    + " Windows.admx's " + noun + " '" + found.get() + "'", "write windows:" + found.get()));
        }
    }

    private void texts(AdmxTemplateSpec t, Map<String, String> texts, Location at, String what) {
        for (String lang : t.languages()) {
            if (texts.getOrDefault(lang, "").isBlank()) {
                out.add(Rule.ADMX_TEMPLATE.error(at, what + " has no " + lang + " text",
                        "add " + lang + ": ... (every template language needs a translation)"));
            }
        }
    }

    private static AdmxBinding.Own own(Setting s) {
        return (AdmxBinding.Own) s.admx().orElseThrow();
    }
}
