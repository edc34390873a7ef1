package org.vipctl.emit.admx;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vipctl.admx.AdmxXml;
import org.vipctl.admx.ElementKind;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegType;
import org.vipctl.registry.Scope;

/**
 * Builds the ADMX templates from the setting catalog. Settings of the built-in catalog form the
 * template described by the {@code admx-template.yaml} resource; settings of a user's catalog file
 * form that file's own template, described by its top-level {@code admxTemplate} block. A setting
 * takes part when it has an {@code admx} block without {@code definedBy} (those stay in
 * Microsoft's templates). Problems are reported against the catalog file.
 */
final class TemplateReader {

    static final Pattern NAME = AdmxXml.NAME;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern REVISION = Pattern.compile("[0-9]+\\.[0-9]+");
    private static final String BUILT_IN_TEMPLATE = "admx-template.yaml";
    private static final String BUILT_IN_PREFIX = "catalog:";
    private static final String TEMPLATE_KEY = "admxTemplate";

    private final YamlLoader yaml = new YamlLoader();

    /** Every template the catalog defines, in catalog order (built-in first). */
    List<Template> read(Catalog catalog, Diagnostics out) {
        Map<String, List<Setting>> byFile = new LinkedHashMap<>();
        Catalog builtIn = Catalog.builtIn();
        for (Setting declared : catalog.settings()) {
            Optional<Setting> original = builtIn.byId(declared.id());
            // A user file that repeats a built-in id (to correct a placement) changes that setting
            // inside the built-in template; it keeps the built-in ADMX data unless it brings its own.
            Setting s = original.isPresent() ? withAdmxOf(declared, original.get()) : declared;
            JsonNode admx = s.raw().path("admx");
            if (!admx.isObject() || admx.has("definedBy")) {
                continue;
            }
            String file = s.at().file();
            String group = original.isPresent() || file.startsWith(BUILT_IN_PREFIX) ? BUILT_IN_PREFIX : file;
            byFile.computeIfAbsent(group, k -> new ArrayList<>()).add(s);
        }
        List<Template> templates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> namespaces = new HashSet<>();
        for (Map.Entry<String, List<Setting>> e : byFile.entrySet()) {
            Optional<SourceDocument> doc = templateDocument(e.getKey(), e.getValue().get(0), out);
            if (doc.isEmpty()) {
                continue;
            }
            Optional<Template> t = template(doc.get(), e.getValue(), out);
            t.ifPresent(x -> {
                if (!names.add(x.name().toLowerCase(java.util.Locale.ROOT))) {
                    out.add(Rule.ADMX_TEMPLATE.error(x.at(), "two catalog files declare the ADMX file name '"
                            + x.name() + "'", "give each catalog file its own admxTemplate.name"));
                } else if (!namespaces.add(x.namespace()) || x.namespace().startsWith("Microsoft.")) {
                    out.add(Rule.ADMX_TEMPLATE.error(x.at(), "target namespace '" + x.namespace()
                            + "' is already used", "give each catalog file its own admxTemplate.namespace"));
                } else {
                    templates.add(x);
                }
            });
        }
        return templates;
    }

    private static Setting withAdmxOf(Setting declared, Setting original) {
        if (declared.raw().has("admx") || !original.raw().has("admx") || !declared.raw().isObject()) {
            return declared;
        }
        com.fasterxml.jackson.databind.node.ObjectNode raw =
                ((com.fasterxml.jackson.databind.node.ObjectNode) declared.raw()).deepCopy();
        raw.set("admx", original.raw().get("admx"));
        return new Setting(declared.id(), declared.vendor(), declared.title(), declared.source(), declared.type(),
                declared.map(), declared.when(), declared.supportedOn(), declared.restartRequired(), declared.policy(),
                declared.local(), declared.citrix(), declared.docs(), raw, declared.at());
    }

    private Optional<SourceDocument> templateDocument(String group, Setting first, Diagnostics out) {
        if (group.equals(BUILT_IN_PREFIX)) {
            try (InputStream in = Catalog.class.getResourceAsStream(BUILT_IN_TEMPLATE)) {
                if (in == null) {
                    throw new IllegalStateException(BUILT_IN_TEMPLATE + " is missing from the jar");
                }
                return first(yaml.parse(BUILT_IN_PREFIX + BUILT_IN_TEMPLATE, in.readAllBytes(), out));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + BUILT_IN_TEMPLATE, e);
            }
        }
        Optional<SourceDocument> doc = first(yaml.load(Path.of(group), out));
        if (doc.isEmpty()) {
            out.add(Rule.ADMX_TEMPLATE.error(first.at(), "catalog file '" + group + "' defines ADMX policies but"
                    + " has no top-level '" + TEMPLATE_KEY + "' block",
                    "add admxTemplate: {name, namespace, prefix, revision, languages, categories} (see docs/admx.md)"));
        }
        return doc;
    }

    private static Optional<SourceDocument> first(List<SourceDocument> docs) {
        return docs.stream().filter(d -> d.tree().path(TEMPLATE_KEY).isObject()).findFirst();
    }

    private Optional<Template> template(SourceDocument doc, List<Setting> settings, Diagnostics out) {
        String base = "/" + TEMPLATE_KEY;
        JsonNode t = doc.tree().path(TEMPLATE_KEY);
        Location at = doc.valueAt(base);
        int errorsBefore = errorCount(out);
        String name = required(doc, base, t, "name", FILE_NAME, out);
        String namespace = required(doc, base, t, "namespace", PREFIX, out);
        String prefix = required(doc, base, t, "prefix", PREFIX, out);
        String revision = required(doc, base, t, "revision", REVISION, out);
        List<String> languages = new ArrayList<>();
        t.path("languages").forEach(l -> languages.add(l.asText()));
        if (languages.isEmpty()) {
            languages.add("en-US");
        }
        Localizer loc = new Localizer(doc, languages, out);
        Map<String, String> using = new LinkedHashMap<>();
        using.put("windows", "Microsoft.Policies.Windows");
        t.path("using").forEach(u -> using.put(u.path("prefix").asText(), u.path("namespace").asText()));

        List<Template.Category> categories = new ArrayList<>();
        JsonNode cats = t.path("categories");
        for (int i = 0; i < cats.size(); i++) {
            String p = base + "/categories/" + i;
            JsonNode c = cats.get(i);
            String cname = required(doc, p, c, "name", NAME, out);
            categories.add(new Template.Category(cname, c.path("parent").asText(""),
                    loc.texts(p + "/text", c.path("text"), "category " + cname),
                    loc.texts(p + "/explain", c.path("explain"), "category " + cname)));
        }
        List<Template.SupportedOn> supported = new ArrayList<>();
        JsonNode sups = t.path("supportedOn");
        for (int i = 0; i < sups.size(); i++) {
            String p = base + "/supportedOn/" + i;
            JsonNode s = sups.get(i);
            String sname = required(doc, p, s, "name", NAME, out);
            supported.add(new Template.SupportedOn(sname, loc.texts(p + "/text", s.path("text"), "supportedOn " + sname)));
        }
        Map<String, String> displayName = new LinkedHashMap<>();
        Map<String, String> description = new LinkedHashMap<>();
        for (String lang : languages) {
            JsonNode x = t.path("text").path(lang);
            displayName.put(lang, x.path("displayName").asText(name));
            description.put(lang, x.path("description").asText(name));
        }
        List<Template.PolicyDef> policies = new PolicyBuilder(languages, out).policies(settings);
        Template result = new Template(name, namespace, prefix, revision, t.path("intuneApp").asText(prefix),
                languages, displayName, description, using, categories, supported, policies, at);
        checkReferences(result, out);
        return errorCount(out) > errorsBefore ? Optional.empty() : Optional.of(result);
    }

    private static void checkReferences(Template t, Diagnostics out) {
        Set<String> cats = new HashSet<>();
        t.categories().forEach(c -> cats.add(c.name()));
        Set<String> sups = new HashSet<>();
        t.supportedOn().forEach(s -> sups.add(s.name()));
        for (Template.Category c : t.categories()) {
            checkRef(t, c.parent(), cats, "parent category of " + c.name(), true, out);
        }
        for (Template.PolicyDef p : t.policies()) {
            checkRef(t, p.category(), cats, "category of policy " + p.name(), false, out);
            checkRef(t, p.supportedOn(), sups, "supportedOn of policy " + p.name(), false, out);
        }
    }

    private static void checkRef(Template t, String ref, Set<String> local, String what, boolean optional,
                                 Diagnostics out) {
        if (ref.isEmpty()) {
            if (!optional) {
                out.add(Rule.ADMX_TEMPLATE.error(t.at(), what + " is missing", "name one of the template's entries"));
            }
            return;
        }
        int colon = ref.indexOf(':');
        if (colon < 0) {
            if (!local.contains(ref)) {
                out.add(Rule.ADMX_TEMPLATE.error(t.at(), what + ": '" + ref + "' is not defined in admxTemplate",
                        "define it or use prefix:name with a 'using' namespace, e.g. windows:SUPPORTED_Windows_10_0"));
            }
        } else if (!t.using().containsKey(ref.substring(0, colon))) {
            out.add(Rule.ADMX_TEMPLATE.error(t.at(), what + ": prefix '" + ref.substring(0, colon)
                    + "' has no 'using' entry", "add admxTemplate.using: [{prefix, namespace}]"));
        }
    }

    private static String required(SourceDocument doc, String ptr, JsonNode n, String field, Pattern form,
                                   Diagnostics out) {
        String v = n.path(field).asText("");
        if (!form.matcher(v).matches()) {
            out.add(Rule.ADMX_TEMPLATE.error(doc.valueAt(ptr + "/" + field), v.isEmpty() ? "'" + field + "' is missing"
                    : "'" + field + "' value '" + v + "' is not valid", "expected the form " + form.pattern()));
        }
        return v;
    }

    static int errorCount(Diagnostics d) {
        return (int) d.count(org.vipctl.diagnostic.Severity.ERROR);
    }

    /** Reads {lang: text} maps and insists on every template language. */
    private record Localizer(SourceDocument doc, List<String> languages, Diagnostics out) {
        Map<String, String> texts(String ptr, JsonNode n, String what) {
            return Localized.of(n, languages, doc.valueAt(ptr), what, out);
        }
    }

    /** Turns catalog settings into policies, grouping them by admx.policy. */
    private record PolicyBuilder(List<String> languages, Diagnostics out) {

        List<Template.PolicyDef> policies(List<Setting> settings) {
            Map<String, List<Setting>> byPolicy = new LinkedHashMap<>();
            for (Setting s : settings) {
                String name = s.raw().path("admx").path("policy").asText("");
                if (!NAME.matcher(name).matches()) {
                    out.add(Rule.ADMX_TEMPLATE.error(s.at(), "setting " + s.id() + ": admx.policy '" + name
                            + "' is not a valid policy name", "use letters, digits and underscores only"));
                    continue;
                }
                byPolicy.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
            }
            List<Template.PolicyDef> result = new ArrayList<>();
            byPolicy.forEach((name, group) -> policy(name, group).ifPresent(result::add));
            return result;
        }

        private Optional<Template.PolicyDef> policy(String name, List<Setting> group) {
            List<Setting> valueSettings = group.stream().filter(s -> !s.raw().path("admx").has("element")).toList();
            if (valueSettings.size() > 1) {
                out.add(Rule.ADMX_TEMPLATE.error(valueSettings.get(1).at(), "policy " + name
                        + " has two settings without 'element'", "give all but one setting admx.element"));
                return Optional.empty();
            }
            Setting main = valueSettings.isEmpty() ? group.get(0) : valueSettings.get(0);
            JsonNode a = main.raw().path("admx");
            Optional<Placement> placement = main.placement(Scope.POLICY);
            if (placement.isEmpty()) {
                out.add(Rule.ADMX_TEMPLATE.error(main.at(), "setting " + main.id() + " has an admx block but no"
                        + " 'policy' registry placement", "add policy: {key: 'HKLM\\...', value: NAME}"));
                return Optional.empty();
            }
            Hive hive = placement.get().key().hive();
            String key = placement.get().key().literalPath();
            String valueName = "";
            Long enabled = null;
            Long disabled = null;
            if (!valueSettings.isEmpty()) {
                if (main.type().orElse(RegType.REG_NONE) != RegType.REG_DWORD) {
                    out.add(Rule.ADMX_TEMPLATE.error(main.at(), "setting " + main.id() + " is the value of policy "
                            + name + " but is not a REG_DWORD", "make it an element (admx.element) instead"));
                    return Optional.empty();
                }
                valueName = placement.get().valueName();
                enabled = number(main.map().get("true"), 1);
                disabled = number(main.map().get("false"), 0);
            }
            List<Template.ElementDef> elements = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Setting s : group) {
                if (s.raw().path("admx").has("element")) {
                    element(name, s, key).ifPresent(e -> {
                        if (ids.add(e.id())) {
                            elements.add(e);
                        } else {
                            out.add(Rule.ADMX_TEMPLATE.error(s.at(), "policy " + name + " has two elements '"
                                    + e.id() + "'", "use a unique admx.element per setting"));
                        }
                    });
                }
            }
            Map<String, String> display = new LinkedHashMap<>();
            Map<String, String> explain = new LinkedHashMap<>();
            for (String lang : languages) {
                JsonNode text = a.path("text").path(lang);
                String d = text.path("displayName").asText("");
                String x = text.path("explain").asText("");
                if (d.isBlank() || x.isBlank()) {
                    out.add(Rule.ADMX_TEMPLATE.error(main.at(), "setting " + main.id() + ": admx.text." + lang
                            + " needs displayName and explain", "add the " + lang + " translation"));
                }
                display.put(lang, d.strip());
                explain.put(lang, x.strip());
            }
            return Optional.of(new Template.PolicyDef(name, a.path("category").asText(""),
                    a.path("supportedOn").asText(""), hive == Hive.HKLM, key, valueName, enabled, disabled,
                    display, explain, elements, group.stream().map(Setting::id).toList(), main.at()));
        }

        private Optional<Template.ElementDef> element(String policy, Setting s, String policyKey) {
            JsonNode a = s.raw().path("admx");
            String id = a.path("element").asText("");
            if (!NAME.matcher(id).matches()) {
                out.add(Rule.ADMX_TEMPLATE.error(s.at(), "setting " + s.id() + ": admx.element '" + id
                        + "' is not a valid id", "use letters, digits and underscores only"));
                return Optional.empty();
            }
            Optional<Placement> placement = s.placement(Scope.POLICY);
            if (placement.isEmpty() || s.type().isEmpty()) {
                out.add(Rule.ADMX_TEMPLATE.error(s.at(), "setting " + s.id() + " has admx.element but no policy"
                        + " placement and type", "add type and policy: {key, value}"));
                return Optional.empty();
            }
            ElementKind kind = kindOf(s);
            String declared = a.path("elementKind").asText(kind.xmlName());
            if (!declared.equals(kind.xmlName())) {
                out.add(Rule.ADMX_TEMPLATE.error(s.at(), "setting " + s.id() + ": admx.elementKind '" + declared
                        + "' does not fit its " + s.type().get() + " value (that is a " + kind.xmlName() + ")",
                        "correct elementKind or the setting's type/map"));
                return Optional.empty();
            }
            String key = placement.get().key().literalPath();
            List<Template.EnumChoice> items = new ArrayList<>();
            if (kind == ElementKind.ENUM) {
                // the raw entry keeps the catalog's order (Setting.map does not): items show in that order
                for (Map.Entry<String, JsonNode> m : (Iterable<Map.Entry<String, JsonNode>>) () -> s.raw().path("map").fields()) {
                    String itemId = policy + "_" + id + "_" + m.getKey();
                    items.add(new Template.EnumChoice(itemId, m.getValue().asLong(),
                            Localized.of(a.path("items").path(m.getKey()), languages, s.at(),
                                    "enum item " + m.getKey() + " of " + s.id(), out)));
                }
            }
            return Optional.of(new Template.ElementDef(id, kind, key.equalsIgnoreCase(policyKey) ? "" : key,
                    placement.get().valueName(), a.path("required").asBoolean(false),
                    Localized.of(a.path("label"), languages, s.at(), "label of " + s.id(), out), items, s.id()));
        }

        private static ElementKind kindOf(Setting s) {
            RegType type = s.type().orElseThrow();
            switch (type) {
                case REG_MULTI_SZ:
                    return ElementKind.MULTI_TEXT;
                case REG_QWORD:
                    return ElementKind.LONG_DECIMAL;
                case REG_DWORD:
                    if (s.map().isEmpty()) {
                        return ElementKind.DECIMAL;
                    }
                    return s.map().keySet().equals(Set.of("true", "false")) ? ElementKind.BOOLEAN : ElementKind.ENUM;
                default:
                    return ElementKind.TEXT;
            }
        }

        private static long number(JsonNode n, long fallback) {
            return n == null || !n.canConvertToLong() ? fallback : n.asLong();
        }
    }
}
