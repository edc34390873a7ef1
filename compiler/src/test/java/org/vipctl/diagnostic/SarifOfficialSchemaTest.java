package org.vipctl.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.tools.NodeTools;

/**
 * SARIF output checked by tools we did not write: the SARIF 2.1.0 JSON schema and validator of
 * Microsoft's SARIF multitool (npm {@code @microsoft/sarif-multitool-linux}), the schema through ajv
 * and the multitool's own rules, including the ones GitHub code scanning applies (GH*).
 */
class SarifOfficialSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every rule fires once, one finding is suppressed, with related locations and odd file names. */
    private static String everything() {
        List<Diagnostic> ds = new ArrayList<>();
        int line = 1;
        for (Rule r : Rule.values()) {
            ds.add(r.error(new Location("policies/my policy#" + line + ".yaml", line, 3), "message " + line, "hint " + line));
            line++;
        }
        ds.add(Diagnostic.error("VIP060", new Location("b.yaml", 4, 9), "twice", "").withRelated(new Location("a.yaml", 4, 9)));
        ds.add(Diagnostic.error("VIP006", Location.ofFile("/abs/missing.yaml"), "no such file", ""));
        Suppressed s = new Suppressed(Diagnostic.warning("VIP033", new Location("c.yaml", 2, 1), "alone", ""),
                new Suppression(Suppression.Kind.PROJECT, new Location(".vipctl.yaml", 3, 5), "checked on a test server"));
        return Renderer.sarif(new Findings(ds, List.of(s), 3), "0.1.0");
    }

    private static Path schema(NodeTools tools) {
        Path dir = tools.sarifMultitool().orElse(tools.modules().resolve("@microsoft/sarif-multitool-linux"));
        Path schema = dir.resolve("sarif-2.1.0.json");
        Assumptions.assumeTrue(Files.isRegularFile(schema), "SARIF schema not installed (npm @microsoft/sarif-multitool-linux): skipped");
        return schema;
    }

    @Test
    void validAgainstTheSarifSchemaWithAjv(@TempDir Path dir) throws Exception {
        NodeTools tools = NodeTools.require();
        Path schema = schema(tools);
        Path ok = Files.writeString(dir.resolve("vipctl.sarif"), everything());
        Path empty = Files.writeString(dir.resolve("empty.sarif"), Renderer.sarif(List.of(), "0.1.0"));
        JsonNode tree = JSON.readTree(everything());
        ((ObjectNode) tree.at("/runs/0/results/0")).put("level", "fatal");
        Path broken = Files.writeString(dir.resolve("broken.sarif"), tree.toString());
        Map<Path, List<String>> verdicts = tools.validate(schema, List.of(ok, empty, broken));
        assertEquals(List.of(), verdicts.get(ok.toAbsolutePath()));
        assertEquals(List.of(), verdicts.get(empty.toAbsolutePath()));
        assertFalse(verdicts.get(broken.toAbsolutePath()).isEmpty(), "the check has teeth");
    }

    @Test
    void theSarifMultitoolFindsNoErrorIncludingGitHubsRules(@TempDir Path dir) throws Exception {
        NodeTools tools = NodeTools.require();
        Path multitool = tools.sarifMultitool().orElse(null);
        Assumptions.assumeTrue(multitool != null, "SARIF multitool not installed: skipped");
        Path in = Files.writeString(dir.resolve("vipctl.sarif"), everything());
        Path out = dir.resolve("report.sarif");
        Process p = new ProcessBuilder(multitool.resolve("Sarif.Multitool").toString(), "validate",
                "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning", "-o", out.toString(), in.toString())
                .redirectErrorStream(true).start();
        String console = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "multitool did not finish");
        assertTrue(Files.exists(out), console);
        List<String> problems = new ArrayList<>();
        for (JsonNode r : JSON.readTree(out.toFile()).at("/runs/0/results")) {
            String level = r.path("level").asText("warning");
            String id = r.path("ruleId").asText();
            if (level.equals("error") || id.startsWith("GH") || id.equals("SARIF2012")) {
                problems.add(id + " " + level + ": " + r.at("/message/text").asText(r.at("/message/arguments").toString()));
            }
        }
        assertEquals(List.of(), problems, console);
        assertTrue(Arrays.stream(Rule.values()).allMatch(r -> everything().contains("\"" + r.id() + "\"")));
    }
}
