package org.vipctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;
import org.vipctl.model.TargetOs;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegType;
import org.vipctl.registry.View;

/**
 * The setting catalog: data files that say what each setting is and where it lives. The built-in
 * files ship as resources; users add or override settings with their own files (same format; a
 * setting with an existing id replaces it).
 */
public final class Catalog {

    public static final String RULE = org.vipctl.diagnostic.Rule.CATALOG.id();
    private static final List<String> BUILT_IN = List.of("microsoft-rds.yaml", "citrix.yaml");

    private final Map<String, Setting> settings;

    private Catalog(Map<String, Setting> settings) {
        this.settings = settings;
    }

    /** The catalog that ships with vipctl; read once per process (a catalog is immutable). */
    public static Catalog builtIn() {
        return BuiltIn.CATALOG;
    }

    private static final class BuiltIn {
        static final Catalog CATALOG = readBuiltIn();
    }

    private static Catalog readBuiltIn() {
        Diagnostics d = new Diagnostics();
        Map<String, Setting> all = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            try (InputStream in = Catalog.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("built-in catalog " + name + " is missing from the jar");
                }
                read("catalog:" + name, in.readAllBytes(), all, d);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read built-in catalog " + name, e);
            }
        }
        if (d.hasErrors()) {
            throw new IllegalStateException("built-in catalog is invalid: " + d.sorted());
        }
        return new Catalog(all);
    }

    /** The built-in catalog with the user's files layered on top; problems go to {@code out}. */
    public static Catalog withUserFiles(List<Path> files, Diagnostics out) {
        Map<String, Setting> all = new LinkedHashMap<>(builtIn().settings);
        YamlLoader loader = new YamlLoader();
        for (Path f : files) {
            for (SourceDocument doc : loader.load(f, out)) {
                readDocument(doc, all, out);
            }
        }
        return new Catalog(all);
    }

    private static void read(String name, byte[] bytes, Map<String, Setting> into, Diagnostics out) {
        for (SourceDocument doc : new YamlLoader().parse(name, bytes, out)) {
            readDocument(doc, into, out);
        }
    }

    private static void readDocument(SourceDocument doc, Map<String, Setting> into, Diagnostics out) {
        JsonNode list = doc.tree().path("settings");
        if (!list.isArray()) {
            out.add(Diagnostic.error(RULE, doc.start(), "a catalog file needs a 'settings' list",
                    "see docs/catalog.md"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            parseSetting(doc, "/settings/" + i, list.get(i), out).ifPresent(s -> into.put(s.id(), s));
        }
    }

    private static Optional<Setting> parseSetting(SourceDocument doc, String ptr, JsonNode n, Diagnostics out) {
        Location at = doc.valueAt(ptr);
        String id = n.path("id").asText("");
        if (id.isEmpty()) {
            out.add(Diagnostic.error(RULE, at, "catalog setting without an id", "add id: vendor.area.name"));
            return Optional.empty();
        }
        Optional<RegType> type = Optional.empty();
        if (n.hasNonNull("type")) {
            type = RegType.parse(n.get("type").asText());
            if (type.isEmpty()) {
                out.add(Diagnostic.error(RULE, doc.valueAt(ptr + "/type"), "unknown registry type '"
                        + n.get("type").asText() + "'", "use REG_SZ, REG_DWORD, REG_MULTI_SZ, ..."));
                return Optional.empty();
            }
        }
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("map").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue());
        }
        List<String> when = new ArrayList<>();
        n.path("when").forEach(w -> when.add(w.asText()));
        Optional<TargetOs> supportedOn = Optional.empty();
        if (n.hasNonNull("supportedOn")) {
            supportedOn = TargetOs.ofYamlName(n.get("supportedOn").asText());
            if (supportedOn.isEmpty()) {
                out.add(Diagnostic.error(RULE, doc.valueAt(ptr + "/supportedOn"),
                        "unknown OS '" + n.get("supportedOn").asText() + "'", "use e.g. windowsServer2016"));
            }
        }
        Optional<Placement> policy = placement(doc, ptr + "/policy", n.path("policy"), out);
        Optional<Placement> local = placement(doc, ptr + "/local", n.path("local"), out);
        Optional<CitrixSetting> citrix = Optional.empty();
        JsonNode c = n.path("citrix");
        if (c.isObject()) {
            citrix = Optional.of(new CitrixSetting(c.path("name").asText(id), c.path("kind").asText("state"),
                    c.path("default").asText(""), c.path("path").asText(c.path("name").asText(id)),
                    text(c, "pathUnconfirmed")));
            String name = citrix.get().name();
            var problem = CitrixSettingPaths.problem(name, citrix.get().path());
            if (problem.isPresent()) {
                out.add(Diagnostic.error(RULE, doc.valueAt(ptr + "/citrix/path"), "Citrix setting path '"
                        + citrix.get().path() + "' for " + name + ": " + problem.get(), "write Category\\" + name));
                return Optional.empty();
            }
        }
        if ((policy.isPresent() || local.isPresent()) && type.isEmpty()) {
            out.add(Diagnostic.error(RULE, at, "setting '" + id + "' has registry placements but no type",
                    "add type: REG_DWORD (or the right type)"));
            return Optional.empty();
        }
        return Optional.of(new Setting(id, n.path("vendor").asText("custom"), n.path("title").asText(id),
                n.path("source").asText(""), type, map, when, supportedOn, n.path("restartRequired").asBoolean(false),
                policy, local, citrix, text(n, "docs"), n, at));
    }

    private static Optional<Placement> placement(SourceDocument doc, String ptr, JsonNode p, Diagnostics out) {
        if (!p.isObject()) {
            return Optional.empty();
        }
        View view;
        try {
            view = View.ofBits(p.path("view").asInt(64));
        } catch (IllegalArgumentException e) {
            out.add(Diagnostic.error(RULE, doc.valueAt(ptr + "/view"), e.getMessage(), "use 64 or 32"));
            return Optional.empty();
        }
        Optional<RegKey> key = RegKey.parse(p.path("key").asText(""), view);
        if (key.isEmpty() || p.path("value").isMissingNode()) {
            out.add(Diagnostic.error(RULE, doc.valueAt(ptr), "placement needs key: HKLM\\... and value: NAME",
                    "see docs/catalog.md"));
            return Optional.empty();
        }
        return Optional.of(new Placement(key.get(), p.path("value").asText(), text(p, "unconfirmed")));
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText().strip());
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
        return new Catalog(copy);
    }
}
