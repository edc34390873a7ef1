package org.vipctl.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.files.InputKind;
import org.vipctl.files.InputLimits;
import org.vipctl.load.LoadLimits;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;
import org.vipctl.registry.RegKey;

/**
 * The setting catalog: data files that say what each setting is and where it lives. The built-in
 * files ship as resources; users add or override settings with their own files (same format,
 * {@code schemas/vipctl-catalog.schema.json}; a setting with an existing id replaces it in place).
 * User files are checked when they load: the schema, every {@code source} against the policy
 * format, and the ADMX data (VIP070, VIP092).
 */
public final class Catalog {

    public static final String RULE = Rule.CATALOG.id();
    static final List<String> BUILT_IN = List.of("microsoft-rds.yaml", "citrix.yaml");
    private static final String BUILT_IN_TEMPLATE = "admx-template.yaml";
    private static final String BUILT_IN_PREFIX = "catalog:";

    private final Map<String, Setting> settings;
    /** The admxTemplate block of each user file, by file name. */
    private final Map<String, AdmxTemplateSpec> userTemplates;

    private Catalog(Map<String, Setting> settings, Map<String, AdmxTemplateSpec> userTemplates) {
        this.settings = settings;
        this.userTemplates = userTemplates;
    }

    /** The catalog that ships with vipctl; read once per process (a catalog is immutable). */
    public static Catalog builtIn() {
        return BuiltIn.CATALOG;
    }

    private static final class BuiltIn {
        static final Catalog CATALOG = readBuiltIn();
    }

    /** Read only when a template is asked for: most runs never need it. */
    private static final class BuiltInTemplate {
        static final AdmxTemplateSpec SPEC = readBuiltInTemplate();
    }

    private static Catalog readBuiltIn() {
        Optional<List<SourceDocument>> preparsed = PreparsedCatalog.read();
        return fromDocuments(preparsed.isPresent() ? preparsed.get() : PreparsedCatalog.yaml());
    }

    /** The built-in catalog from the documents of its files. */
    static Catalog fromDocuments(List<SourceDocument> docs) {
        Diagnostics d = new Diagnostics();
        Map<String, Setting> all = new LinkedHashMap<>();
        for (SourceDocument doc : docs) {
            for (Setting s : CatalogFileReader.read(doc, false, d).settings()) {
                all.put(s.id(), s);
            }
        }
        if (d.hasErrors()) {
            throw new IllegalStateException("built-in catalog is invalid: " + d.sorted());
        }
        return new Catalog(all, Map.of());
    }

    private static AdmxTemplateSpec readBuiltInTemplate() {
        Diagnostics d = new Diagnostics();
        Optional<AdmxTemplateSpec> spec = builtInDocuments(BUILT_IN_TEMPLATE, d).stream().findFirst()
                .flatMap(doc -> new AdmxTemplateSpecReader(doc, d).read());
        if (d.hasErrors() || spec.isEmpty()) {
            throw new IllegalStateException("built-in " + BUILT_IN_TEMPLATE + " is invalid: " + d.sorted());
        }
        return spec.get();
    }

    /** The documents of one built-in resource, named {@code catalog:NAME} in diagnostics. */
    static List<SourceDocument> builtInDocuments(String name, Diagnostics d) {
        try (InputStream in = Catalog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("built-in catalog " + name + " is missing from the jar");
            }
            return new YamlLoader().parse(BUILT_IN_PREFIX + name, in.readAllBytes(), d);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in catalog " + name, e);
        }
    }

    /** The names of the built-in resources: the catalog files and the template block. */
    static List<String> builtInResources() {
        List<String> all = new ArrayList<>(BUILT_IN);
        all.add(BUILT_IN_TEMPLATE);
        return all;
    }

    /** The built-in catalog with the user's files layered on top; problems go to {@code out}. */
    public static Catalog withUserFiles(List<Path> files, Diagnostics out) {
        return withUserFiles(files, out, InputLimits.DEFAULT);
    }

    /** As {@link #withUserFiles(List, Diagnostics)}, each file within the catalog size limit of {@code limits}. */
    public static Catalog withUserFiles(List<Path> files, Diagnostics out, InputLimits limits) {
        Map<String, Setting> all = new LinkedHashMap<>(builtIn().settings);
        Map<String, AdmxTemplateSpec> templates = new LinkedHashMap<>();
        YamlLoader loader = new YamlLoader(LoadLimits.of(limits, InputKind.CATALOG), InputKind.CATALOG);
        for (Path f : files) {
            for (SourceDocument doc : loader.load(f, out)) {
                CatalogFileReader.Contents read = CatalogFileReader.read(doc, true, out);
                for (Setting s : read.settings()) {
                    Setting previous = all.get(s.id());
                    if (previous != null && s.admx().isEmpty() && previous.admx().isPresent()) {
                        // an entry that corrects a placement keeps the ADMX data of the setting it replaces
                        s = s.withAdmx(AdmxBindingReader.inherit(previous.admx().get(), s, out));
                    }
                    all.put(s.id(), s);
                }
                read.template().ifPresent(t -> {
                    if (templates.putIfAbsent(doc.file(), t) != null) {
                        out.add(Rule.ADMX_TEMPLATE.error(t.at(), "a second admxTemplate block in " + doc.file(),
                                "one catalog file describes one template"));
                    }
                });
            }
        }
        Catalog catalog = new Catalog(all, templates);
        catalog.checkUserTemplates(out);
        return catalog;
    }

    /** Checks every template a user file defines or changes; the built-in one alone is checked by tests. */
    private void checkUserTemplates(Diagnostics out) {
        AdmxChecks checks = new AdmxChecks(out);
        List<AdmxTemplateSpec> specs = new ArrayList<>();
        for (Map.Entry<String, List<Setting>> e : ownSettingsByTemplate().entrySet()) {
            boolean builtInTemplate = e.getKey().equals(BUILT_IN_PREFIX);
            if (!builtInTemplate && !userTemplates.containsKey(e.getKey())) {
                out.add(Rule.ADMX_TEMPLATE.error(e.getValue().get(0).at(), "catalog file '" + e.getKey()
                        + "' defines ADMX policies but has no top-level 'admxTemplate' block",
                        "add admxTemplate: {name, namespace, prefix, revision, languages, categories} (see docs/admx.md)"));
                continue;
            }
            boolean changed = !builtInTemplate || e.getValue().stream().anyMatch(s -> !isBuiltInFile(s));
            if (changed) {
                AdmxTemplateSpec spec = builtInTemplate ? BuiltInTemplate.SPEC : userTemplates.get(e.getKey());
                checks.template(spec);
                checks.policies(spec, e.getValue());
            }
        }
        if (!userTemplates.isEmpty()) {
            specs.add(BuiltInTemplate.SPEC);
            specs.addAll(userTemplates.values());
            checks.unique(specs);
        }
    }

    /**
     * The settings with an own ADMX binding, by template: built-in ids (also when a user file
     * replaces them) form the built-in template, the others the template of their own file.
     */
    private Map<String, List<Setting>> ownSettingsByTemplate() {
        Map<String, List<Setting>> byTemplate = new LinkedHashMap<>();
        Catalog builtIn = builtIn();
        for (Setting s : settings.values()) {
            if (s.admx().isEmpty() || !(s.admx().get() instanceof AdmxBinding.Own)) {
                continue;
            }
            String key = builtIn.settings.containsKey(s.id()) || isBuiltInFile(s) ? BUILT_IN_PREFIX : s.at().file();
            byTemplate.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        return byTemplate;
    }

    private static boolean isBuiltInFile(Setting s) {
        return s.at().file().startsWith(BUILT_IN_PREFIX);
    }

    /** Every template the catalog defines, built-in first, each with its settings in catalog order. */
    public List<AdmxTemplateGroup> admxTemplates() {
        List<AdmxTemplateGroup> groups = new ArrayList<>();
        ownSettingsByTemplate().forEach((key, list) -> {
            Optional<AdmxTemplateSpec> spec = key.equals(BUILT_IN_PREFIX) ? Optional.of(BuiltInTemplate.SPEC)
                    : Optional.ofNullable(userTemplates.get(key));
            spec.ifPresent(t -> groups.add(new AdmxTemplateGroup(t, list)));
        });
        return groups;
    }

    public List<Setting> settings() {
        return List.copyOf(settings.values());
    }

    /** The setting whose policy or local placement is value {@code name} of {@code key}. */
    public Optional<Setting> at(RegKey key, String name) {
        String id = key.id();
        return settings.values().stream()
                .filter(s -> placedAt(s.policy(), id, name) || placedAt(s.local(), id, name))
                .findFirst();
    }

    private static boolean placedAt(Optional<Placement> p, String keyId, String name) {
        return p.isPresent() && p.get().key().id().equals(keyId) && p.get().valueName().equalsIgnoreCase(name);
    }

    public Optional<Setting> byId(String id) {
        return Optional.ofNullable(settings.get(id));
    }

    public Optional<Setting> byCitrixName(String name) {
        return settings.values().stream()
                .filter(s -> s.citrix().map(c -> c.name().equalsIgnoreCase(name)).orElse(false))
                .findFirst();
    }

    /**
     * A copy with the Citrix provider path of one setting replaced (--citrix-setting-path NAME=PATH).
     * The path may be given with or without a leading {@code Settings\}; it is stored without, as
     * {@code Export-CtxGroupPolicy} writes it.
     */
    public Catalog withCitrixPath(String settingName, String given) {
        String path = CitrixSettingPaths.normalize(given);
        Map<String, Setting> copy = new LinkedHashMap<>(settings);
        Setting s = byCitrixName(settingName).orElseThrow(() ->
                new IllegalArgumentException("no Citrix setting named '" + settingName + "' in the catalog"));
        CitrixSettingPaths.problem(settingName, path).ifPresent(why -> {
            throw new IllegalArgumentException(settingName + "=" + path + ": " + why);
        });
        copy.put(s.id(), s.withCitrix(s.citrix().orElseThrow().withPath(path)));
        return new Catalog(copy, userTemplates);
    }
}
