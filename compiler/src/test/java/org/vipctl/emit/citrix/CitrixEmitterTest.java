package org.vipctl.emit.citrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Severity;
import org.vipctl.emit.OutputFiles;
import org.vipctl.format.citrix.CitrixExportReader;
import org.vipctl.format.citrix.CliValue;
import org.vipctl.format.citrix.CliXmlReader;
import org.vipctl.lower.CitrixPolicy;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citrix emitter on the test policies: the output set, golden files (XMLUnit for the CliXml,
 * JSON equality for the REST bodies, exact text for Terraform, the script and the README) and
 * round-trips of the CliXml through the reader. Run with -Dvipctl.updateGolden=true to rewrite
 * the golden files after an intended change, then review the diff.
 */
class CitrixEmitterTest {

    private static final String GOLDEN = "golden/";

    private static OutputFiles emitAll(Diagnostics d) {
        Compilation c = Fixtures.compile(Catalog.builtIn(), d, Fixtures.ALL);
        assertFalse(d.hasErrors(), () -> "fixtures must be valid: " + d.sorted());
        assertEquals(3, c.policies().size());
        return Fixtures.emit(c, d);
    }

    @Test
    void writesEveryKindOfFileForEachCitrixPolicyAndNothingForOthers() {
        OutputFiles out = emitAll(new Diagnostics());
        assertEquals(new TreeSet<>(List.of(
                "citrix/GroupPolicy.xml", "citrix/GroupPolicyConfiguration.xml", "citrix/GroupPolicyFilter.xml",
                "citrix/crm-loopback.rest.json", "citrix/crm-loopback.tf", "citrix/Import-crm-loopback.ps1",
                "citrix/cti.defaults.rest.json", "citrix/cti.defaults.tf", "citrix/Import-cti.defaults.ps1",
                "citrix/_policy_priority.tf", "citrix/_terraform.tf", "citrix/README.md")), out.files().keySet());
    }

    @Test
    void matchesGoldenFiles() throws IOException {
        OutputFiles out = emitAll(new Diagnostics());
        if (Boolean.getBoolean("vipctl.updateGolden")) {
            Path dir = Path.of(System.getProperty("vipctl.repo", ".."), "compiler/src/test/resources/org/vipctl/emit/citrix/golden");
            for (Map.Entry<String, byte[]> f : out.files().entrySet()) {
                Files.write(dir.resolve(f.getKey().substring("citrix/".length())), f.getValue());
            }
            return;
        }
        for (Map.Entry<String, byte[]> f : out.files().entrySet()) {
            String name = f.getKey().substring("citrix/".length());
            byte[] expected = Fixtures.resource(GOLDEN + name);
            if (name.endsWith(".xml")) {
                Diff diff = DiffBuilder.compare(Input.fromByteArray(expected)).withTest(Input.fromByteArray(f.getValue()))
                        .checkForIdentical().build();
                assertFalse(diff.hasDifferences(), name + ": " + diff);
            } else if (name.endsWith(".json")) {
                ObjectMapper json = new ObjectMapper();
                assertEquals(json.readTree(expected), json.readTree(f.getValue()), name);
            } else {
                assertEquals(new String(expected, StandardCharsets.UTF_8), new String(f.getValue(), StandardCharsets.UTF_8), name);
            }
        }
    }

    @Test
    void cliXmlFilesReadBackIntoTheSameObjects() {
        Diagnostics d = new Diagnostics();
        Compilation c = Fixtures.compile(Catalog.builtIn(), d, Fixtures.ALL);
        OutputFiles out = Fixtures.emit(c, d);
        List<CitrixPolicy> policies = new ArrayList<>();
        c.policies().stream().map(c::citrix).filter(p -> !p.isEmpty()).forEach(policies::add);
        Map<String, List<CliValue.Obj>> expected = CitrixExport.objects(policies);
        for (Map.Entry<String, List<CliValue.Obj>> e : expected.entrySet()) {
            assertEquals(e.getValue(), CliXmlReader.read(out.files().get("citrix/" + e.getKey())), e.getKey());
        }
        CliValue.Obj crm = expected.get(CitrixExport.CONFIGURATION_FILE).get(0);
        assertEquals(new CliValue.Str("CRM & Billing 'prod' ‘café’ $x `n;"), crm.get("PolicyName"));
        CliValue.Obj programs = (CliValue.Obj) crm.get("VirtualLoopbackPrograms");
        assertEquals(new CliValue.Str("Enabled"), programs.get("State"));
        assertEquals(new CliValue.Arr(List.of(new CliValue.Str("crm.exe"), new CliValue.Str("cti.exe"))), programs.get("Values"));
        assertEquals(new CliValue.Str("VirtualIP\\VirtualLoopbackPrograms"), programs.get("Path"));
        CliValue.Obj policy = expected.get(CitrixExport.POLICY_FILE).get(0);
        assertTrue(((CliValue.Str) policy.get("Description")).value().contains("\r\nline two: _x000D_ is literal"));
    }

    @Test
    void theExportReaderReadsBackWhatIsWritten() {
        Diagnostics d = new Diagnostics();
        Compilation c = Fixtures.compile(Catalog.builtIn(), d, Fixtures.ALL);
        OutputFiles out = Fixtures.emit(c, d);
        CitrixExportReader.Export export = CitrixExportReader.read(out.files().get("citrix/GroupPolicy.xml"),
                out.files().get("citrix/GroupPolicyConfiguration.xml"), out.files().get("citrix/GroupPolicyFilter.xml"));
        List<CitrixPolicy> written = c.policies().stream().map(c::citrix).filter(p -> !p.isEmpty()).toList();
        assertEquals(written.size(), export.policies().size());
        for (int i = 0; i < written.size(); i++) {
            CitrixPolicy w = written.get(i);
            CitrixExportReader.Policy r = export.policies().get(i);
            assertEquals(List.of(w.name(), w.description(), w.enabled(), w.priority(), "Computer"),
                    List.of(r.name(), r.description(), r.enabled(), r.priority(), r.type()));
            for (var s : w.settings()) {
                CitrixExportReader.Setting got = r.setting(s.setting().name()).orElseThrow();
                assertEquals(List.of(s.state(), s.values(), s.setting().path()), List.of(got.state(), got.values(), got.path()));
            }
            assertEquals(w.filters().stream().map(f -> List.of(f.type(), f.value(), f.mode(), f.enabled())).toList(),
                    r.filters().stream().map(f -> List.of(f.type(), f.value(), f.mode(), f.enabled())).toList());
        }
    }

    @Test
    void refIdsAreUniqueAcrossTheObjectsOfEachFile() {
        OutputFiles out = emitAll(new Diagnostics());
        for (String file : List.of("GroupPolicy.xml", "GroupPolicyConfiguration.xml", "GroupPolicyFilter.xml")) {
            byte[] b = out.files().get("citrix/" + file);
            String text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
            Matcher m = Pattern.compile("<Obj[^>]* RefId=\"(\\d+)\"").matcher(text);
            Set<String> seen = new TreeSet<>();
            while (m.find()) {
                assertTrue(seen.add(m.group(1)), file + ": RefId " + m.group(1) + " used twice");
            }
            assertTrue(seen.size() >= 2, file + " holds objects of both policies");
        }
    }

    @Test
    void sayWhatIsUnconfirmedInTheFilesAndTheDiagnostics() {
        Diagnostics d = new Diagnostics();
        OutputFiles out = emitAll(d);
        for (String file : List.of("GroupPolicy.xml", "GroupPolicyConfiguration.xml", "GroupPolicyFilter.xml")) {
            byte[] b = out.files().get("citrix/" + file);
            String text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
            assertTrue(text.startsWith("<!--") && text.contains("UNCONFIRMED")
                    && text.contains("VirtualLoopbackSupport -> VirtualIP\\VirtualLoopbackSupport")
                    && !text.contains("Settings\\VirtualIP")
                    && text.contains("citrix-setting-path"), file);
        }
        List<Diagnostic> notes = d.sorted().stream().filter(x -> x.ruleId().equals("VIP071")).toList();
        assertEquals(2, notes.size(), "one note per setting, not per policy: " + notes);
        assertTrue(notes.stream().allMatch(n -> n.message().contains("Path VirtualIP\\VirtualLoopback")
                && !n.message().contains("Settings\\")), "one form of the path everywhere: " + notes);
        assertTrue(notes.stream().allMatch(n -> n.severity() == Severity.NOTE));
    }

    @Test
    void anOverriddenPathIsUsedAndNoLongerCalledUnconfirmed() {
        Diagnostics d = new Diagnostics();
        Catalog catalog = Catalog.builtIn().withCitrixPath("VirtualLoopbackSupport", "ICA\\VirtualIP\\VirtualLoopbackSupport");
        OutputFiles out = Fixtures.emit(Fixtures.compile(catalog, d, Fixtures.ALL), d);
        List<CliValue.Obj> config = CliXmlReader.read(out.files().get("citrix/GroupPolicyConfiguration.xml"));
        CliValue.Obj support = (CliValue.Obj) config.get(0).get("VirtualLoopbackSupport");
        assertEquals(new CliValue.Str("ICA\\VirtualIP\\VirtualLoopbackSupport"), support.get("Path"));
        byte[] b = out.files().get("citrix/GroupPolicy.xml");
        String text = new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        assertFalse(text.contains("VirtualLoopbackSupport ->"), "the overridden setting is not listed as unconfirmed");
        assertTrue(text.contains("VirtualLoopbackPrograms ->"));
        assertEquals(1, d.sorted().stream().filter(x -> x.ruleId().equals("VIP071")).count());
    }

    @Test
    void aPathThatCannotWorkIsRefusedWhereItIsGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Catalog.builtIn().withCitrixPath("VirtualLoopbackPrograms", "VirtualIP\\Programs"));
        assertTrue(e.getMessage().contains("VirtualLoopbackPrograms") && e.getMessage().contains("must end with the setting name"),
                e.getMessage());
    }

    @Test
    void restBodiesFollowTheApiConventions() throws IOException {
        OutputFiles out = emitAll(new Diagnostics());
        JsonNode crm = new ObjectMapper().readTree(out.files().get("citrix/crm-loopback.rest.json"));
        JsonNode settings = crm.at("/policy/settings");
        assertEquals("1", settings.get(0).get("settingValue").asText());
        JsonNode programs = new ObjectMapper().readTree(settings.get(1).get("settingValue").asText());
        assertEquals(List.of("crm.exe", "cti.exe"), List.of(programs.get(0).asText(), programs.get(1).asText()),
                "the list is a JSON array encoded in the string");
        assertEquals(crm.at("/policy/settings"), crm.get("settings"));
        assertEquals("192.0.2.0/24", crm.at("/filters/2/filterData").asText());
        assertFalse(crm.at("/filters/2/isAllowed").asBoolean());
        assertEquals("<User-SID:CONTOSO\\CRM users>", crm.at("/filters/3/filterData").asText());
        assertEquals("S-1-5-21-1004336348-1177238915-682003330-512", crm.at("/filters/4/filterData").asText());
        JsonNode cti = new ObjectMapper().readTree(out.files().get("citrix/cti.defaults.rest.json"));
        assertEquals("0", cti.at("/policy/settings/0/settingValue").asText(), "Disabled is \"0\"");
        assertTrue(cti.at("/policy/settings/1/useDefault").asBoolean(), "an empty program list keeps Citrix's default");
        assertTrue(cti.at("/policy/settings/1/settingValue").isMissingNode());
        assertEquals("Contact centre policies", cti.get("policySetName").asText());
    }

    @Test
    void terraformFilesAreFormattedAsTerraformFmtWouldFormatThem() throws Exception {
        Path terraform = onPath("terraform");
        org.junit.jupiter.api.Assumptions.assumeTrue(terraform != null, "terraform is not installed; skipping the fmt check");
        OutputFiles out = emitAll(new Diagnostics());
        Path dir = Files.createTempDirectory("vipctl-tf");
        for (Map.Entry<String, byte[]> f : out.files().entrySet()) {
            if (f.getKey().endsWith(".tf")) {
                Files.write(dir.resolve(f.getKey().substring("citrix/".length())), f.getValue());
            }
        }
        Process p = new ProcessBuilder(terraform.toString(), "fmt", "-check", "-diff", "-no-color", ".")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "terraform fmt would change:\n" + output);
    }

    @Test
    void policiesWithoutCitrixSettingsGiveNoCitrixFiles() {
        Diagnostics d = new Diagnostics();
        OutputFiles out = Fixtures.emit(Fixtures.compile(Catalog.builtIn(), d, List.of("rds-only.yaml")), d);
        assertTrue(out.isEmpty());
    }

    static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
