package org.vipctl.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Diagnostic> SAMPLE = List.of(
            Diagnostic.error("VIP022", new Location("policies/crm.yaml", 7, 15), "'C:\\crm.exe' is a path", "write the bare name: 'crm.exe'"),
            Diagnostic.warning("VIP021", new Location("policies/crm.yaml", 9, 3), "'programs' is ignored", ""),
            new Diagnostic(Severity.NOTE, "VIP043", "no targets", "add targets", new Location("my policies/a#1.yaml", 1, 1), List.of()),
            Diagnostic.error("VIP060", new Location("b.yaml", 4, 9), "name used twice", "rename")
                    .withRelated(new Location("a.yaml", 4, 9)),
            Diagnostic.error("VIP006", Location.ofFile("/abs/missing.yaml"), "no such file", "check"),
            Diagnostic.error("VIP006", Location.ofFile("C:\\Policies\\x.yaml"), "no such file", "check"));

    @Test
    void textIsOneLinePerDiagnosticPlusItsHint() {
        String text = Renderer.text(SAMPLE.subList(0, 2));
        assertEquals("policies/crm.yaml:7:15: error: 'C:\\crm.exe' is a path [VIP022]\n"
                + "    hint: write the bare name: 'crm.exe'\n"
                + "policies/crm.yaml:9:3: warning: 'programs' is ignored [VIP021]\n", text);
        assertTrue(Renderer.text(SAMPLE.subList(4, 5)).startsWith("/abs/missing.yaml:0:0: error: no such file [VIP006]\n"),
                "no position: line and column 0");
    }

    @Test
    void textEscapesControlCharactersFromTheUsersValues() {
        Diagnostic d = Diagnostic.error("VIP023", new Location("x.yaml", 1, 1), "'a\nb\u001b[31m.exe' is bad", "tab\there");
        String text = Renderer.text(List.of(d));
        assertEquals(2, text.lines().count(), text);
        assertFalse(text.contains("\u001b"), "no terminal escapes");
        assertTrue(text.contains("'a\\nb\\u001B[31m.exe'"), text);
        assertTrue(text.contains("tab\\there"), text);
    }

    @Test
    void summaryCountsErrorsAndWarnings() {
        assertEquals("4 errors, 1 warning, 1 note", Renderer.summary(SAMPLE));
        assertEquals("0 errors, 0 warnings, 0 notes", Renderer.summary(List.of()));
    }

    @Test
    void textListsNotesOnlyWhenAsked() {
        String without = Renderer.text(SAMPLE, false);
        assertFalse(without.contains("[VIP043]"), without);
        assertFalse(without.contains("    hint: add targets"), "the note's hint goes with it\n" + without);
        assertEquals(Renderer.text(SAMPLE.stream().filter(d -> d.severity() != Severity.NOTE).toList()), without);
        assertEquals(Renderer.text(SAMPLE), Renderer.text(SAMPLE, true));
        for (String line : without.lines().toList()) {
            assertTrue(line.startsWith("    hint: ") || GCC_MATCHER.matcher(line).matches(), line);
        }
    }

    @Test
    void notesLeftOutOfTheTextAreStillCountedAndTheCountSaysHowToSeeThem() {
        assertEquals("4 errors, 1 warning, 1 note (not listed; --notes lists it)", Renderer.summary(SAMPLE, false));
        assertEquals("4 errors, 1 warning, 1 note", Renderer.summary(SAMPLE, true));
        assertEquals("0 errors, 0 warnings, 0 notes", Renderer.summary(List.of(), false), "nothing left out, nothing to say");
        Diagnostic note = SAMPLE.get(2);
        Diagnostic hidden = Diagnostic.warning("VIP033", new Location("a.yaml", 3, 1), "loopback alone", "");
        Findings f = new Findings(List.of(note, note), List.of(new Suppressed(hidden,
                new Suppression(Suppression.Kind.IN_SOURCE, new Location("a.yaml", 3, 20), "tested"))), 1);
        assertEquals("0 errors, 0 warnings, 2 notes (not listed; --notes lists them), 1 suppressed", f.counts(false));
        assertEquals("valid: 1 policy; 0 errors, 0 warnings, 2 notes (not listed; --notes lists them), 1 suppressed",
                f.summary(Severity.ERROR, false));
        assertEquals("valid: 1 policy; 0 errors, 0 warnings, 2 notes, 1 suppressed", f.summary(Severity.ERROR, true));
        assertEquals(f.summary(Severity.ERROR), f.summary(Severity.ERROR, true));
    }

    @Test
    void jsonCarriesEveryField() throws Exception {
        JsonNode root = JSON.readTree(Renderer.json(SAMPLE));
        assertEquals(1, root.get("format_version").asInt());
        assertEquals(4, root.at("/summary/errors").asInt());
        assertEquals(1, root.at("/summary/warnings").asInt());
        assertEquals(1, root.at("/summary/notes").asInt());
        JsonNode first = root.at("/diagnostics/0");
        assertEquals("error", first.get("severity").asText());
        assertEquals("VIP022", first.get("rule").asText());
        assertEquals("'C:\\crm.exe' is a path", first.get("message").asText());
        assertEquals("write the bare name: 'crm.exe'", first.get("hint").asText());
        assertEquals("policies/crm.yaml", first.at("/location/file").asText());
        assertEquals(7, first.at("/location/line").asInt());
        assertEquals(15, first.at("/location/column").asInt());
        assertEquals("a.yaml", root.at("/diagnostics/3/related/0/file").asText());
        assertEquals(0, JSON.readTree(Renderer.json(List.of())).get("diagnostics").size());
    }

    private static JsonNode sarif(List<Diagnostic> ds) throws Exception {
        return JSON.readTree(Renderer.sarif(ds, "1.2.3"));
    }

    @Test
    void sarifMatchesTheSarifObjectModel() throws Exception {
        JsonNode schemaTree;
        try (InputStream in = RendererTest.class.getResourceAsStream("sarif-2.1.0-subset.schema.json")) {
            schemaTree = JSON.readTree(in);
        }
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
        for (List<Diagnostic> ds : List.of(SAMPLE, List.<Diagnostic>of())) {
            Set<ValidationMessage> problems = schema.validate(sarif(ds));
            assertTrue(problems.isEmpty(), problems::toString);
        }
        // The check has teeth: a result without a message is refused.
        JsonNode broken = sarif(SAMPLE);
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/0/results/0")).remove("message");
        assertFalse(schema.validate(broken).isEmpty());
    }

    @Test
    void sarifResultsPointAtTheirRulesAndPlaces() throws Exception {
        JsonNode root = sarif(SAMPLE);
        assertEquals("2.1.0", root.get("version").asText());
        JsonNode driver = root.at("/runs/0/tool/driver");
        assertEquals("vipctl", driver.get("name").asText());
        assertEquals("1.2.3", driver.get("version").asText());
        JsonNode results = root.at("/runs/0/results");
        assertEquals(SAMPLE.size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            assertEquals(r.get("ruleId").asText(), driver.at("/rules/" + r.get("ruleIndex").asInt() + "/id").asText());
            assertEquals(SAMPLE.get(i).ruleId(), r.get("ruleId").asText());
            URI.create(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        }
        assertEquals("VIP022", driver.at("/rules/" + results.get(0).get("ruleIndex").asInt() + "/id").asText());
        assertEquals(Rule.NOT_BARE_NAME.summary(),
                driver.at("/rules/" + results.get(0).get("ruleIndex").asInt() + "/shortDescription/text").asText());
        assertEquals("error", results.get(0).get("level").asText());
        assertEquals("warning", results.get(1).get("level").asText());
        assertEquals("note", results.get(2).get("level").asText());
        assertEquals(7, results.at("/0/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(15, results.at("/0/locations/0/physicalLocation/region/startColumn").asInt());
        assertTrue(results.at("/0/message/text").asText().contains("write the bare name"), "the hint travels in the message");
        assertEquals("a.yaml", results.at("/3/relatedLocations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(results.at("/4/locations/0/physicalLocation/region").isMissingNode(), "no region without a position");
    }

    @Test
    void sarifUrisAreUriReferences() {
        assertEquals("policies/crm.yaml", Renderer.uri("policies/crm.yaml"));
        assertEquals("my%20policies/a%231.yaml", Renderer.uri("my policies/a#1.yaml"));
        assertEquals("file:///abs/missing.yaml", Renderer.uri("/abs/missing.yaml"));
        assertEquals("file:///C:/Policies/x.yaml", Renderer.uri("C:\\Policies\\x.yaml"));
        assertEquals("caf%C3%A9.yaml", Renderer.uri("café.yaml"));
        assertEquals("a%3Ab.yaml", Renderer.uri("a:b.yaml"), "a colon in the first segment would read as a scheme");
    }

    /** The pattern of GitHub's gcc problem matcher (ammaraskar/gcc-problem-matcher, gcc_matcher.json). */
    static final java.util.regex.Pattern GCC_MATCHER =
            java.util.regex.Pattern.compile("^(.*):(\\d+):(\\d+):\\s+(?:fatal\\s+)?(warning|error):\\s+(.*)$");

    @Test
    void errorAndWarningLinesMatchTheGccProblemMatcher() {
        for (Diagnostic d : SAMPLE) {
            String line = Renderer.line(d);
            java.util.regex.Matcher m = GCC_MATCHER.matcher(line);
            if (d.severity() == Severity.NOTE) {
                assertFalse(m.matches(), "notes stay out of annotations, as gcc's do: " + line);
                assertTrue(line.matches("^.*:\\d+:\\d+: note: .* \\[VIP\\d{3}]$"), line);
                continue;
            }
            assertTrue(m.matches(), line);
            assertEquals(d.location().file(), m.group(1));
            assertEquals(d.location().line(), Integer.parseInt(m.group(2)));
            assertEquals(d.location().column(), Integer.parseInt(m.group(3)));
            assertEquals(d.severity().label(), m.group(4));
            assertTrue(m.group(5).endsWith("[" + d.ruleId() + "]"), m.group(5));
        }
    }

    @Test
    void sarifRulesCarryHelpFromTheRulesPage() throws Exception {
        List<Diagnostic> every = java.util.Arrays.stream(Rule.values())
                .map(r -> r.error(new Location("a.yaml", 1, 1), "m", "")).toList();
        JsonNode rules = sarif(every).at("/runs/0/tool/driver/rules");
        assertEquals(Rule.values().length, rules.size());
        for (JsonNode r : rules) {
            RuleDoc doc = RuleDocs.builtIn().get(r.get("id").asText()).orElseThrow();
            assertEquals(doc.title(), r.at("/shortDescription/text").asText());
            assertFalse(r.at("/fullDescription/text").asText().isBlank(), r.toString());
            assertEquals(doc.text(), r.at("/help/text").asText());
            assertEquals(doc.markdown(), r.at("/help/markdown").asText());
            assertEquals(doc.helpUri(), r.get("helpUri").asText());
            assertTrue(r.get("name").asText().matches("[A-Z][A-Za-z0-9]+"), r.get("name").asText());
        }
    }

    @Test
    void suppressedFindingsAreCountedAndCarriedNotPrinted() throws Exception {
        Diagnostic hidden = Diagnostic.warning("VIP033", new Location("a.yaml", 3, 1), "loopback alone", "");
        Findings f = new Findings(SAMPLE.subList(0, 1), List.of(new Suppressed(hidden,
                new Suppression(Suppression.Kind.IN_SOURCE, new Location("a.yaml", 3, 20), "tested on srv1"))), 2);
        assertEquals("1 error, 0 warnings, 0 notes, 1 suppressed", f.counts());
        JsonNode json = JSON.readTree(Renderer.json(f));
        assertEquals(1, json.at("/summary/suppressed").asInt());
        assertEquals(2, json.at("/summary/policies").asInt());
        assertEquals("VIP033", json.at("/suppressed/0/rule").asText());
        assertEquals("comment", json.at("/suppressed/0/suppression/kind").asText());
        assertEquals("tested on srv1", json.at("/suppressed/0/suppression/reason").asText());
        JsonNode results = JSON.readTree(Renderer.sarif(f, "1")).at("/runs/0/results");
        assertEquals(2, results.size());
        assertEquals("inSource", results.at("/1/suppressions/0/kind").asText());
        assertEquals("tested on srv1", results.at("/1/suppressions/0/justification").asText());
        assertTrue(results.at("/0/suppressions").isMissingNode());
    }

    @Test
    void summaryIsTrueAboutFilesAndThresholds() {
        Findings oneBadFileOfThree = new Findings(List.of(SAMPLE.get(0)), List.of(), 3);
        assertEquals("invalid: 3 policies, errors in 1 file; 1 error, 0 warnings, 0 notes", oneBadFileOfThree.summary(Severity.ERROR));
        Findings warningOnly = new Findings(List.of(SAMPLE.get(1)), List.of(), 1);
        assertEquals("valid: 1 policy; 0 errors, 1 warning, 0 notes", warningOnly.summary(Severity.ERROR));
        assertFalse(warningOnly.failsAt(Severity.ERROR));
        assertTrue(warningOnly.failsAt(Severity.WARNING));
        assertEquals("failed (--fail-on warning): 1 policy; 0 errors, 1 warning, 0 notes", warningOnly.summary(Severity.WARNING));
    }
}
