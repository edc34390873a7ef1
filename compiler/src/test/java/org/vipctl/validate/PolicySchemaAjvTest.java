package org.vipctl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;
import org.vipctl.tools.NodeTools;

/**
 * schemas/vipctl-policy.schema.json as an independent validator sees it: ajv (draft 2020-12, formats
 * on) must reject every document vipctl rejects for a reason of that document alone, accept every
 * document vipctl accepts, and reject the same kinds of mistakes planted in policies it has never seen.
 */
class PolicySchemaAjvTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rules about more than one document, or that one schema cannot express (case-insensitive duplicates). */
    private static final Set<String> ACROSS_DOCUMENTS = Set.of("VIP024", "VIP031", "VIP060", "VIP061");

    private static Path schema() {
        Path repo = Path.of(System.getProperty("vipctl.repo", "."));
        Path p = repo.resolve("schemas/vipctl-policy.schema.json");
        return Files.exists(p) ? p : Path.of("../schemas/vipctl-policy.schema.json");
    }

    private record Verdict(Path file, int index, Path json, boolean vipctlRejects) {
    }

    /** Each document of each file, validated by vipctl on its own, and written as JSON for ajv. */
    private static List<Verdict> documents(List<Path> files, Path out) throws IOException {
        List<Verdict> result = new ArrayList<>();
        YamlLoader loader = new YamlLoader();
        for (Path f : files) {
            Diagnostics loadProblems = new Diagnostics();
            List<SourceDocument> docs = loader.load(f, loadProblems);
            for (SourceDocument doc : docs) {
                Diagnostics ds = new Diagnostics();
                Compilation.of(List.of(doc), Catalog.builtIn(), ds);
                boolean rejects = ds.sorted().stream().anyMatch(PolicySchemaAjvTest::perDocumentError);
                Path json = out.resolve(result.size() + ".json");
                Files.writeString(json, JSON.writeValueAsString(doc.tree()));
                result.add(new Verdict(f, doc.index(), json, rejects));
            }
        }
        return result;
    }

    private static boolean perDocumentError(Diagnostic d) {
        return d.isError() && !ACROSS_DOCUMENTS.contains(d.ruleId()) && d.related().isEmpty();
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void ajvAgreesWithVipctlOnEveryExampleDocument(@TempDir Path tmp) throws Exception {
        NodeTools tools = NodeTools.require();
        Path examples = InvalidExamplesTest.examples();
        List<Verdict> docs = documents(yamlFiles(examples), tmp);
        // strict: ajv accepts the schema itself without a single strict-mode complaint
        Map<Path, List<String>> ajv = tools.validate(schema(), docs.stream().map(Verdict::json).toList(), true);
        int rejectedPerDocument = 0;
        List<String> disagreements = new ArrayList<>();
        for (Verdict v : docs) {
            boolean ajvRejects = !ajv.get(v.json().toAbsolutePath()).isEmpty();
            if (v.vipctlRejects() != ajvRejects) {
                disagreements.add(v.file() + "#" + v.index() + ": vipctl " + (v.vipctlRejects() ? "rejects" : "accepts")
                        + ", ajv " + (ajvRejects ? "rejects " + ajv.get(v.json().toAbsolutePath()) : "accepts"));
            }
            if (v.vipctlRejects() && v.file().startsWith(examples.resolve("invalid"))) {
                rejectedPerDocument++;
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(rejectedPerDocument >= 10, "per-document invalid examples: " + rejectedPerDocument);
    }

    @Test
    void theReadmeNamesEveryInvalidExampleTheSchemaCannotCatch(@TempDir Path tmp) throws Exception {
        NodeTools tools = NodeTools.require();
        Path invalid = InvalidExamplesTest.examples().resolve("invalid");
        // the table of files the schema cannot catch: its rows start with "| `"
        String readme = String.join("\n", Files.readAllLines(invalid.resolve("README.md")).stream()
                .filter(l -> l.startsWith("| `")).toList());
        List<Path> files = yamlFiles(invalid);
        List<Verdict> docs = documents(files, tmp);
        Map<Path, List<String>> ajv = tools.validate(schema(), docs.stream().map(Verdict::json).toList());
        for (Path f : files) {
            List<Verdict> mine = docs.stream().filter(v -> v.file().equals(f)).toList();
            boolean caught = mine.stream().anyMatch(v -> !ajv.get(v.json().toAbsolutePath()).isEmpty());
            String name = invalid.relativize(f).toString().replace('\\', '/');
            if (!caught) {
                assertTrue(readme.contains("`" + name + "`"), "examples/invalid/README.md should say why the schema"
                        + " cannot catch " + name);
            } else {
                assertFalse(readme.contains("`" + name + "`"), name + " is caught by the schema but listed as not");
            }
        }
    }

    /** A planted mistake: the pointer of a value to set (or remove, when {@code value} is null). */
    private record Mutation(String what, String pointer, JsonNode value) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static List<Mutation> mutations() {
        List<Mutation> m = new ArrayList<>();
        for (String bad : List.of("192.0.2.300/24", "192.0.2.96", "192.0.2.096/24", "192.0.2.96/33", "192.0.2.96 /24")) {
            m.add(new Mutation("adapter " + bad, "/spec/rdsIpVirtualization/networkAdapter", F.textNode(bad)));
        }
        m.add(new Mutation("no adapter", "/spec/rdsIpVirtualization/networkAdapter", null));
        m.add(new Mutation("per program, no programs", "/spec/rdsIpVirtualization/programs", F.arrayNode()));
        for (String bad : List.of("C:\\Apps\\crm.exe", "bin/crm.exe", "crm*.exe", "crm?.exe", "crm", " crm.exe", "", "crm<1>.exe")) {
            m.add(new Mutation("program '" + bad + "'", "/spec/rdsIpVirtualization/programs/0", F.textNode(bad)));
            m.add(new Mutation("loopback program '" + bad + "'", "/spec/citrixVirtualLoopback/programs/0", F.textNode(bad)));
        }
        m.add(new Mutation("loopback programs while off", "/spec/citrixVirtualLoopback/enabled", F.booleanNode(false)));
        for (String bad : List.of("HKCU\\Software\\Contoso", "HKU\\.DEFAULT\\X", "HKLM/SOFTWARE/Contoso", "HKLM", "HKLM\\\\SOFTWARE",
                "SOFTWARE\\Contoso", "HKLM\\" + "k".repeat(256))) {
            m.add(new Mutation("key " + bad.substring(0, Math.min(30, bad.length())), "/spec/registry/0/key", F.textNode(bad)));
        }
        m.add(new Mutation("value name **del", "/spec/registry/0/name", F.textNode("**del.Port")));
        m.add(new Mutation("DWORD 4294967296", "/spec/registry/0/data", F.numberNode(4294967296L)));
        m.add(new Mutation("DWORD -1", "/spec/registry/0/data", F.numberNode(-1)));
        m.add(new Mutation("DWORD text", "/spec/registry/0/data", F.textNode("9000")));
        m.add(new Mutation("no data", "/spec/registry/0/data", null));
        m.add(new Mutation("no type", "/spec/registry/0/type", null));
        m.add(new Mutation("MULTI_SZ with an empty item", "/spec/registry/2/data", F.arrayNode().add("a").add("")));
        m.add(new Mutation("EXPAND_SZ number", "/spec/registry/1/data", F.numberNode(5)));
        for (String bad : List.of("windows11", "windows10EnterpriseMultiSession")) {
            m.add(new Mutation("target " + bad, "/targets/os/0", F.textNode(bad)));
        }
        m.add(new Mutation("only Server 2012 R2 with Citrix", "/targets/os", F.arrayNode().add("windowsServer2012R2")));
        m.add(new Mutation("Server 2008 R2 with loopback", "/targets/os", F.arrayNode().add("windowsServer2008R2")));
        for (String bad : List.of("CON", "nul.txt", "Com1", "../x", "-x", "a b")) {
            m.add(new Mutation("name " + bad, "/metadata/name", F.textNode(bad)));
        }
        for (String bad : List.of("CTI/loopback", "unfiltered", " CTI", "CTI [1]", "")) {
            m.add(new Mutation("Citrix name '" + bad + "'", "/spec/citrixPolicy/name", F.textNode(bad)));
        }
        m.add(new Mutation("ClientIP words", "/spec/citrixPolicy/filters/0", F.objectNode().put("type", "ClientIP").put("value", "office")));
        m.add(new Mutation("filter value with a space", "/spec/citrixPolicy/filters/0/value", F.textNode("Sales ")));
        m.add(new Mutation("blank policy set", "/spec/citrixPolicy/policySet", F.textNode("  ")));
        m.add(new Mutation("exact duplicate program", "/spec/citrixVirtualLoopback/programs/1", F.textNode("ctiagent.exe")));
        return m;
    }

    /** Applies a mutation when the document has the place it changes (its parent, and the item it replaces). */
    private static boolean apply(ObjectNode root, Mutation m) {
        int slash = m.pointer().lastIndexOf('/');
        JsonNode parent = root.at(m.pointer().substring(0, slash));
        String last = m.pointer().substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            if (m.value() == null) {
                return o.remove(last) != null;
            }
            o.set(last, m.value());
            return true;
        }
        if (parent instanceof ArrayNode a && last.matches("\\d+") && Integer.parseInt(last) < a.size()) {
            a.set(Integer.parseInt(last), m.value());
            return true;
        }
        return false;
    }

    @Test
    void theSchemaRejectsPlantedMistakesInPoliciesItHasNotSeen(@TempDir Path tmp) throws Exception {
        NodeTools tools = NodeTools.require();
        Path examples = InvalidExamplesTest.examples();
        List<Path> valid;
        try (Stream<Path> s = Files.list(examples)) {
            valid = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        Map<String, Path> planted = new LinkedHashMap<>();
        YamlLoader loader = new YamlLoader();
        for (Path f : valid) {
            JsonNode original = loader.load(f, new Diagnostics()).get(0).tree();
            for (Mutation m : mutations()) {
                ObjectNode copy = original.deepCopy();
                if (apply(copy, m)) {
                    Path p = tmp.resolve(planted.size() + ".yaml");
                    Files.writeString(p, JSON.writeValueAsString(copy));
                    planted.put(f.getFileName() + ": " + m.what(), p);
                }
            }
        }
        assertTrue(planted.size() > 60, "mutations applied: " + planted.size());
        Map<Path, List<String>> ajv = tools.validate(schema(), List.copyOf(planted.values()));
        List<String> disagreements = new ArrayList<>();
        Set<String> caught = new java.util.HashSet<>();
        for (Map.Entry<String, Path> e : planted.entrySet()) {
            Diagnostics ds = new Diagnostics();
            Compilation.load(List.of(e.getValue()), Catalog.builtIn(), ds);
            boolean vipctl = ds.hasErrors();
            boolean schema = !ajv.get(e.getValue().toAbsolutePath()).isEmpty();
            if (vipctl != schema) {
                disagreements.add(e.getKey() + ": vipctl " + (vipctl ? "rejects " + ds.sorted() : "accepts") + ", ajv "
                        + (schema ? "rejects " + ajv.get(e.getValue().toAbsolutePath()) : "accepts"));
            } else if (schema) {
                caught.add(e.getKey().substring(e.getKey().indexOf(": ") + 2));
            }
        }
        assertEquals(List.of(), disagreements);
        // A target list is a mistake only for some features: every kind must be one for some example.
        List<String> neverCaught = mutations().stream().map(Mutation::what).distinct().filter(w -> !caught.contains(w)).toList();
        List<String> missed = neverCaught;
        assertEquals(List.of(), missed);
    }
}
