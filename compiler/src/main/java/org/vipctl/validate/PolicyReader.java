package org.vipctl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;
import org.vipctl.model.CitrixFilter;
import org.vipctl.model.CitrixPolicySettings;
import org.vipctl.model.CitrixPreferLoopback;
import org.vipctl.model.CitrixVirtualLoopback;
import org.vipctl.model.CustomValue;
import org.vipctl.model.IpVirtualizationMode;
import org.vipctl.model.Located;
import org.vipctl.model.Policy;
import org.vipctl.model.RdsIpVirtualization;
import org.vipctl.model.RdsLoopbackVirtualization;
import org.vipctl.model.RegistryData;
import org.vipctl.model.Spec;
import org.vipctl.model.TargetOs;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.View;
import org.vipctl.schema.SchemaCheck;

/** Builds the typed {@link Policy} from a document that passed the schema check. */
final class PolicyReader {

    private final SourceDocument doc;
    private final Diagnostics out;

    PolicyReader(SourceDocument doc, Diagnostics out) {
        this.doc = doc;
        this.out = out;
    }

    Policy read() {
        JsonNode t = doc.tree();
        Located<String> name = new Located<>(t.at("/metadata/name").asText(), doc.valueAt("/metadata/name"));
        Optional<String> description = text(t.at("/metadata/description"));
        List<Located<TargetOs>> targets = new ArrayList<>();
        JsonNode os = t.at("/targets/os");
        for (int i = 0; i < os.size(); i++) {
            int index = i;
            TargetOs.ofYamlName(os.get(i).asText())
                    .ifPresent(o -> targets.add(new Located<>(o, doc.valueAt("/targets/os/" + index))));
        }
        Spec spec = new Spec(ipVirtualization(), loopback(), citrixLoopback(), preferLoopback(), citrixPolicy(),
                registry());
        return new Policy(doc, name, description, targets, spec);
    }

    private Optional<RdsIpVirtualization> ipVirtualization() {
        String p = "/spec/rdsIpVirtualization";
        JsonNode n = doc.tree().at(p);
        if (n.isMissingNode()) {
            return Optional.empty();
        }
        Optional<Located<IpVirtualizationMode>> mode = n.has("mode")
                ? Optional.of(new Located<>(IpVirtualizationMode.ofYamlName(n.get("mode").asText()), doc.valueAt(p + "/mode")))
                : Optional.empty();
        Optional<Located<String>> adapter = n.has("networkAdapter")
                ? Optional.of(new Located<>(n.get("networkAdapter").asText(), doc.valueAt(p + "/networkAdapter")))
                : Optional.empty();
        Optional<Located<Boolean>> useServerIp = n.has("useServerIpWhenUnavailable")
                ? Optional.of(new Located<>(n.get("useServerIpWhenUnavailable").asBoolean(),
                        doc.valueAt(p + "/useServerIpWhenUnavailable")))
                : Optional.empty();
        return Optional.of(new RdsIpVirtualization(doc.keyAt(p), n.path("enabled").asBoolean(), mode,
                strings(p + "/programs"), adapter, useServerIp));
    }

    private Optional<RdsLoopbackVirtualization> loopback() {
        String p = "/spec/rdsLoopbackVirtualization";
        JsonNode n = doc.tree().at(p);
        return n.isMissingNode() ? Optional.empty()
                : Optional.of(new RdsLoopbackVirtualization(doc.keyAt(p), n.path("enabled").asBoolean()));
    }

    private Optional<CitrixVirtualLoopback> citrixLoopback() {
        String p = "/spec/citrixVirtualLoopback";
        JsonNode n = doc.tree().at(p);
        if (n.isMissingNode()) {
            return Optional.empty();
        }
        Optional<Located<Boolean>> enabled = n.has("enabled")
                ? Optional.of(new Located<>(n.get("enabled").asBoolean(), doc.valueAt(p + "/enabled")))
                : Optional.empty();
        return Optional.of(new CitrixVirtualLoopback(doc.keyAt(p), enabled, strings(p + "/programs")));
    }

    private Optional<CitrixPreferLoopback> preferLoopback() {
        String p = "/spec/citrixPreferLoopback";
        JsonNode n = doc.tree().at(p);
        return n.isMissingNode() ? Optional.empty()
                : Optional.of(new CitrixPreferLoopback(doc.keyAt(p), n.path("enabled").asBoolean(),
                        strings(p + "/processes")));
    }

    private Optional<CitrixPolicySettings> citrixPolicy() {
        String p = "/spec/citrixPolicy";
        JsonNode n = doc.tree().at(p);
        if (n.isMissingNode()) {
            return Optional.empty();
        }
        Optional<Located<String>> name = n.has("name")
                ? Optional.of(new Located<>(n.get("name").asText(), doc.valueAt(p + "/name")))
                : Optional.empty();
        List<CitrixFilter> filters = new ArrayList<>();
        JsonNode fs = n.path("filters");
        for (int i = 0; i < fs.size(); i++) {
            JsonNode f = fs.get(i);
            filters.add(new CitrixFilter(doc.valueAt(p + "/filters/" + i + "/value"), f.path("type").asText(),
                    f.path("value").asText(), !"Deny".equals(f.path("mode").asText("Allow")),
                    f.path("enabled").asBoolean(true)));
        }
        Located<Integer> priority = new Located<>(n.path("priority").asInt(1), doc.valueAt(p + (n.has("priority") ? "/priority" : "")));
        return Optional.of(new CitrixPolicySettings(doc.keyAt(p), name, text(n.path("description")),
                n.path("enabled").asBoolean(true), priority, filters, text(n.path("policySet"))));
    }

    private List<CustomValue> registry() {
        List<CustomValue> values = new ArrayList<>();
        JsonNode list = doc.tree().at("/spec/registry");
        for (int i = 0; i < list.size(); i++) {
            customValue("/spec/registry/" + i, list.get(i)).ifPresent(values::add);
        }
        return values;
    }

    private Optional<CustomValue> customValue(String p, JsonNode n) {
        Location at = doc.valueAt(p);
        View view = View.ofBits(n.path("view").asInt(64));
        String keyText = n.path("key").asText();
        Optional<RegKey> key = RegKey.parse(keyText, view);
        Location keyAt = doc.valueAt(p + "/key");
        if (key.isEmpty()) {
            String root = keyText.strip().split("[\\\\/]", 2)[0];
            if (Hive.parse(root).isPresent()) {
                out.add(Rule.REGISTRY_KEY.error(keyAt, "key '" + keyText + "' separates its parts with '/'",
                        "registry paths use backslashes, e.g. HKLM\\SOFTWARE\\Contoso\\App"));
            } else if (root.toUpperCase(java.util.Locale.ROOT).startsWith("HK")) {
                out.add(Rule.REGISTRY_HIVE.error(keyAt, "key '" + keyText + "' is under " + root + ", not HKLM",
                        "policies are machine-wide: use HKLM\\..."));
            } else {
                out.add(Rule.REGISTRY_KEY.error(keyAt, "key '" + keyText + "' does not start with a hive",
                        "write the full path with backslashes, e.g. HKLM\\SOFTWARE\\Contoso\\App"));
            }
            return Optional.empty();
        }
        if (key.get().hive() != Hive.HKLM) {
            out.add(Rule.REGISTRY_HIVE.error(keyAt, "key '" + keyText + "' is not under HKLM",
                    "policies are machine-wide: use HKLM\\..."));
            return Optional.empty();
        }
        Optional<String> keyProblem = keyProblem(key.get().path());
        if (keyProblem.isPresent()) {
            out.add(Rule.REGISTRY_KEY.error(keyAt, "key path '" + keyText + "' " + keyProblem.get(),
                    "name a key below the hive, e.g. HKLM\\SOFTWARE\\Contoso\\App"));
            return Optional.empty();
        }
        if (!n.has("name")) {
            return keyOnly(p, n, at, key.get());
        }
        String name = n.path("name").asText();
        if (name.startsWith("**")) {
            out.add(Rule.REGISTRY_KEY.error(doc.valueAt(p + "/name"), "value names starting with '**' are Group Policy directives",
                    "use ensure: absent to delete a value"));
            return Optional.empty();
        }
        if (name.length() > MAX_VALUE_NAME || name.chars().anyMatch(PolicyReader::isUnwritable)) {
            out.add(Rule.REGISTRY_KEY.error(doc.valueAt(p + "/name"), "value name is not valid: "
                            + (name.length() > MAX_VALUE_NAME ? name.length() + " characters"
                            : "it contains a control character (a line break, tab or NUL) or a noncharacter (U+FFFE,"
                                    + " U+FFFF), which .reg and XML outputs cannot hold"),
                    "registry value names are at most " + MAX_VALUE_NAME + " characters, without control characters"));
            return Optional.empty();
        }
        if ("absent".equals(n.path("ensure").asText("present"))) {
            return Optional.of(new CustomValue(at, key.get(), name, Optional.empty()));
        }
        if (!n.has("type")) {
            out.add(Rule.MISSING.error(at, "registry value '" + name + "' needs a type",
                    "add type: REG_SZ, REG_DWORD, REG_QWORD, REG_MULTI_SZ, REG_EXPAND_SZ or REG_BINARY"));
            return Optional.empty();
        }
        RegType type = RegType.parse(n.get("type").asText()).orElseThrow();
        JsonNode data = n.path("data");
        if (data.isMissingNode()) {
            out.add(Rule.MISSING.error(at, "registry value '" + name + "' needs data", dataHint(type)));
            return Optional.empty();
        }
        Optional<RegValue> value = RegistryData.of(type, data);
        if (value.isEmpty()) {
            out.add(Rule.REGISTRY_DATA.error(doc.valueAt(p + "/data"),
                    "data " + SchemaCheck.describe(data) + " does not fit " + type, dataHint(type)));
            return Optional.empty();
        }
        return Optional.of(new CustomValue(at, key.get(), name, value));
    }

    /** An entry without a name: the key itself must exist. It has nothing else to say. */
    private Optional<CustomValue> keyOnly(String p, JsonNode n, Location at, RegKey key) {
        for (String field : List.of("type", "data")) {
            if (n.has(field)) {
                out.add(Rule.MISSING.error(doc.keyAt(p + "/" + field), "registry entry has " + field
                                + " but no name; without a name the entry only makes sure the key exists",
                        "add name: (\"\" for the key's default value), or remove type and data"));
                return Optional.empty();
            }
        }
        if ("absent".equals(n.path("ensure").asText("present"))) {
            out.add(Rule.MISSING.error(doc.valueAt(p + "/ensure"), "ensure: absent needs the name of the value to delete",
                    "add name: (\"\" for the key's default value); deleting a whole key is left to Windows tools"));
            return Optional.empty();
        }
        return Optional.of(new CustomValue(at, key, RegistryEntry.KEY_ONLY, Optional.of(new RegValue.None())));
    }

    /** Windows limits: a key name is at most 255 characters, a value name at most 16,383. */
    private static final int MAX_KEY_NAME = 255;
    private static final int MAX_VALUE_NAME = 16_383;

    static Optional<String> keyProblem(String path) {
        if (path.isEmpty()) {
            return Optional.of("names only a hive; values live in a key below it");
        }
        for (String part : path.split("\\\\", -1)) {
            if (part.isEmpty()) {
                return Optional.of("has an empty part (a leading or doubled backslash)");
            }
            if (part.length() > MAX_KEY_NAME) {
                return Optional.of("has a key name longer than " + MAX_KEY_NAME + " characters");
            }
            if (part.chars().anyMatch(PolicyReader::isUnwritable)) {
                return Optional.of("has a control character or a noncharacter (U+FFFE, U+FFFF) in a key name");
            }
        }
        return Optional.empty();
    }

    /**
     * What an output cannot hold in a key or value name: C0 control characters and DEL (a .reg file
     * writes names on one line), and the noncharacters U+FFFE and U+FFFF (XML outputs, such as the
     * GPO backup, cannot carry them).
     */
    static boolean isUnwritable(int c) {
        return c < 0x20 || c == 0x7f || c == 0xFFFE || c == 0xFFFF;
    }

    private static String dataHint(RegType type) {
        return switch (type) {
            case REG_DWORD -> "REG_DWORD data is a whole number from 0 to 4294967295";
            case REG_QWORD -> "REG_QWORD data is a whole number from 0 to 18446744073709551615";
            case REG_SZ, REG_EXPAND_SZ -> "write the data as text without NUL characters (quote numbers: '9000')";
            case REG_MULTI_SZ -> "write a list of non-empty strings without NUL characters";
            case REG_BINARY -> "write hex bytes as text, e.g. '01ff20'";
            default -> "";
        };
    }

    private List<Located<String>> strings(String pointer) {
        List<Located<String>> out = new ArrayList<>();
        JsonNode n = doc.tree().at(pointer);
        for (int i = 0; i < n.size(); i++) {
            out.add(new Located<>(n.get(i).asText(), doc.valueAt(pointer + "/" + i)));
        }
        return out;
    }

    private static Optional<String> text(JsonNode n) {
        return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
    }
}
