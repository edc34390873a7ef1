package org.vipctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.TextCharacters;
import org.vipctl.model.RegistryData;
import org.vipctl.model.TargetOs;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.View;

/**
 * Reads one entry of a catalog's {@code settings} list into a typed {@link Setting}. The structure
 * has been checked by the catalog schema (user files) or by tests (built-in files); what is left
 * here is what a schema cannot say: registry data that fits its type, placements with a known hive.
 */
final class SettingReader {

    private final SourceDocument doc;
    private final Diagnostics out;

    SettingReader(SourceDocument doc, Diagnostics out) {
        this.doc = doc;
        this.out = out;
    }

    Optional<Setting> read(String ptr, JsonNode n) {
        Location at = doc.valueAt(ptr);
        String id = n.path("id").asText("");
        if (id.isEmpty()) {
            out.add(Rule.CATALOG.error(at, "catalog setting without an id", "add id: vendor.area.name"));
            return Optional.empty();
        }
        int errors = errorCount();
        Optional<RegType> type = Optional.empty();
        if (n.hasNonNull("type")) {
            type = RegType.parse(n.get("type").asText());
            if (type.isEmpty()) {
                out.add(Rule.CATALOG.error(doc.valueAt(ptr + "/type"), "unknown registry type '"
                        + n.get("type").asText() + "'", "use REG_SZ, REG_DWORD, REG_MULTI_SZ, ..."));
                return Optional.empty();
            }
        }
        Map<String, RegValue> map = map(ptr, n.path("map"), type);
        List<String> when = new ArrayList<>();
        for (JsonNode w : n.path("when")) {
            when.add(w.asText());
        }
        if ("delete".equals(n.path("whenFalse").asText("")) && when.isEmpty()) {
            out.add(Rule.CATALOG.error(doc.valueAt(ptr + "/whenFalse"), "setting '" + id + "' has whenFalse: delete but"
                    + " no 'when' pointer", "add when: [/spec/<feature>/enabled]"));
        }
        Optional<TargetOs> supportedOn = Optional.empty();
        if (n.hasNonNull("supportedOn")) {
            supportedOn = TargetOs.ofYamlName(n.get("supportedOn").asText());
            if (supportedOn.isEmpty()) {
                out.add(Rule.CATALOG.error(doc.valueAt(ptr + "/supportedOn"),
                        "unknown OS '" + n.get("supportedOn").asText() + "'", "use e.g. windowsServer2016"));
            }
        }
        Optional<Placement> policy = placement(ptr + "/policy", n.path("policy"));
        Optional<Placement> local = placement(ptr + "/local", n.path("local"));
        Optional<CitrixSetting> citrix = Optional.empty();
        JsonNode c = n.path("citrix");
        if (c.isObject()) {
            citrix = Optional.of(new CitrixSetting(c.path("name").asText(id), c.path("kind").asText("state"),
                    c.path("default").asText(""), c.path("path").asText(c.path("name").asText(id)),
                    text(c, "pathUnconfirmed")));
            String name = citrix.get().name();
            Optional<String> problem = CitrixSettingPaths.problem(name, citrix.get().path());
            if (problem.isPresent()) {
                out.add(Rule.CATALOG.error(doc.valueAt(ptr + "/citrix/path"), "Citrix setting path '"
                        + citrix.get().path() + "' for " + name + ": " + problem.get(), "write Category\\" + name));
            }
        }
        if ((policy.isPresent() || local.isPresent()) && type.isEmpty()) {
            out.add(Rule.CATALOG.error(at, "setting '" + id + "' has registry placements but no type",
                    "add type: REG_DWORD (or the right type)"));
        }
        Optional<AdmxBinding> admx = n.path("admx").isObject()
                ? new AdmxBindingReader(doc, out).read(id, ptr + "/admx", n.path("admx"), type, map)
                : Optional.empty();
        if (errorCount() > errors) {
            return Optional.empty();
        }
        return Optional.of(new Setting(id, n.path("vendor").asText("custom"), n.path("title").asText(id),
                text(n, "source"), type, map, when, "delete".equals(n.path("whenFalse").asText("leave")), supportedOn, n.path("restartRequired").asBoolean(false),
                policy, local, citrix, admx, text(n, "docs"), at));
    }

    /** The map in catalog order, each value converted to data of the setting's type. */
    private Map<String, RegValue> map(String ptr, JsonNode m, Optional<RegType> type) {
        Map<String, RegValue> map = new LinkedHashMap<>();
        if (!m.isObject() || m.isEmpty()) {
            return map;
        }
        if (type.isEmpty()) {
            out.add(Rule.CATALOG.error(doc.valueAt(ptr + "/map"), "a map needs the setting's type",
                    "add type: REG_DWORD (or the type of the mapped data)"));
            return map;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<RegValue> v = RegistryData.of(type.get(), e.getValue());
            if (v.isEmpty()) {
                out.add(Rule.CATALOG.error(doc.valueAt(ptr + "/map/" + SourceDocument.escape(e.getKey())),
                        "map value '" + e.getValue().asText() + "' for '" + e.getKey() + "' does not fit "
                                + type.get(), "give data of the setting's type, e.g. a number for REG_DWORD"));
            } else {
                map.put(e.getKey(), v.get());
            }
        }
        return map;
    }

    private Optional<Placement> placement(String ptr, JsonNode p) {
        if (!p.isObject()) {
            return Optional.empty();
        }
        View view;
        try {
            view = View.ofBits(p.path("view").asInt(64));
        } catch (IllegalArgumentException e) {
            out.add(Rule.CATALOG.error(doc.valueAt(ptr + "/view"), e.getMessage(), "use 64 or 32"));
            return Optional.empty();
        }
        Optional<RegKey> key = RegKey.parse(p.path("key").asText(""), view);
        if (key.isEmpty() || key.get().path().isEmpty() || p.path("value").isMissingNode()) {
            out.add(Rule.CATALOG.error(doc.valueAt(ptr), "placement needs key: HKLM\\... and value: NAME",
                    "see docs/catalog.md"));
            return Optional.empty();
        }
        String value = p.path("value").asText();
        if (TextCharacters.hasControlCharacter(key.get().path()) || TextCharacters.hasControlCharacter(value)) {
            out.add(Rule.CATALOG.error(doc.valueAt(ptr), "placement key or value name holds a control character"
                    + " (a line break or tab)", "registry key and value names are written on one line in .reg and ADMX files"));
            return Optional.empty();
        }
        return Optional.of(new Placement(key.get(), value, text(p, "unconfirmed")));
    }

    static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText().strip());
    }

    private int errorCount() {
        return (int) out.count(org.vipctl.diagnostic.Severity.ERROR);
    }
}
