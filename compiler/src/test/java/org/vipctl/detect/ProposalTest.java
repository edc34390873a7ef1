package org.vipctl.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Severity;
import org.vipctl.load.YamlLoader;
import org.vipctl.model.TargetOs;

class ProposalTest {

    private static Report report(Platform platform, String... files) {
        return new Analyser(new DetectOptions(platform, false, Set.of(), SystemProcesses.builtIn())).analyse(Fixtures.read(files));
    }

    private static final ProposalOptions DEFAULT = new ProposalOptions("detected",
            List.of(TargetOs.WINDOWS_SERVER_2019, TargetOs.WINDOWS_SERVER_2022), Optional.empty());

    private static JsonNode tree(String yaml) {
        org.vipctl.diagnostic.Diagnostics d = new org.vipctl.diagnostic.Diagnostics();
        JsonNode t = new YamlLoader().parse("p.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), d).get(0).tree();
        assertTrue(d.isEmpty(), d.sorted().toString());
        return t;
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void assertValid(String yaml) {
        List<Diagnostic> d = ProposalCheck.check("proposal.yaml", yaml);
        assertTrue(d.stream().noneMatch(x -> x.severity() == Severity.ERROR), () -> d + "\n" + yaml);
    }

    @Test
    void rdsProposalValidatesAndCarriesTheEvidence() {
        String yaml = ProposalWriter.write(report(Platform.RDS, "collector-3-sessions.json"), DEFAULT).orElseThrow();
        assertValid(yaml);
        JsonNode spec = tree(yaml).get("spec");
        assertEquals(List.of("crm.exe"), texts(spec.at("/rdsIpVirtualization/programs")));
        assertEquals("perProgram", spec.at("/rdsIpVirtualization/mode").asText());
        assertEquals("192.0.2.10/24", spec.at("/rdsIpVirtualization/networkAdapter").asText(),
                "the capture's only IPv4 server address");
        assertTrue(spec.at("/rdsLoopbackVirtualization/enabled").asBoolean());
        assertTrue(spec.path("citrixVirtualLoopback").isMissingNode());
        assertTrue(yaml.contains("#   TCP 9000 on 0.0.0.0: the same port in 2 instances (session 1 (PID 4100), session 2 (PID 5200))"),
                yaml);
        assertTrue(yaml.contains("#   client side: softphone.exe (session 1 (PID 6644)) connects to 127.0.0.1:5555"), yaml);
        assertEquals(List.of("windowsServer2019", "windowsServer2022"), texts(tree(yaml).at("/targets/os")));
    }

    @Test
    void citrixProposalListsTheLoopbackProgramAndItsClient() {
        String yaml = ProposalWriter.write(report(Platform.CITRIX, "collector-3-sessions.json"), DEFAULT).orElseThrow();
        assertValid(yaml);
        JsonNode spec = tree(yaml).get("spec");
        assertEquals(List.of("cti.exe", "softphone.exe"), texts(spec.at("/citrixVirtualLoopback/programs")));
        assertTrue(spec.path("rdsLoopbackVirtualization").isMissingNode());
        assertEquals(List.of("crm.exe"), texts(spec.at("/rdsIpVirtualization/programs")), "Citrix uses Windows' virtual IP");
    }

    @Test
    void bothPlatformsAndNoTargets() {
        String yaml = ProposalWriter.write(report(Platform.BOTH, "collector-3-sessions.json"),
                new ProposalOptions("farm-detected", List.of(), Optional.of("198.51.100.4/26"))).orElseThrow();
        assertValid(yaml);
        JsonNode root = tree(yaml);
        assertTrue(root.path("targets").isMissingNode());
        assertEquals("198.51.100.4/26", root.at("/spec/rdsIpVirtualization/networkAdapter").asText());
        assertEquals("farm-detected", root.at("/metadata/name").asText());
        assertTrue(root.at("/spec/rdsLoopbackVirtualization/enabled").asBoolean());
        assertEquals(2, root.at("/spec/citrixVirtualLoopback/programs").size());
    }

    @Test
    void adapterMustBeGivenWhenTheCaptureDoesNotSayIt() {
        Report r = report(Platform.RDS, "netstat-abno.txt");
        ProposalException e = assertThrows(ProposalException.class, () -> ProposalWriter.write(r, DEFAULT));
        assertEquals("RD IP virtualization needs the adapter that hands out the virtual addresses: give --network-adapter"
                + " ADDRESS/PREFIX (the capture does not list the server's addresses)", e.getMessage());
        String yaml = ProposalWriter.write(r, new ProposalOptions("detected", List.of(), Optional.of("192.0.2.10/24")))
                .orElseThrow();
        assertValid(yaml);
        assertEquals(List.of("crm.exe", "softphone.exe", "sqlservr.exe"), texts(tree(yaml).at("/spec/rdsIpVirtualization/programs")));
    }

    @Test
    void nothingToPropose() {
        assertEquals(Optional.empty(), ProposalWriter.write(report(Platform.RDS, "netstat-ano.txt"), DEFAULT));
    }

    @Test
    void olderTargetsForCitrixDoNotValidate() {
        String yaml = ProposalWriter.write(report(Platform.CITRIX, "collector-3-sessions.json"),
                new ProposalOptions("detected", List.of(TargetOs.WINDOWS_SERVER_2012_R2), Optional.empty())).orElseThrow();
        List<Diagnostic> d = ProposalCheck.check("proposal.yaml", yaml);
        assertTrue(d.stream().anyMatch(x -> x.severity() == Severity.ERROR && x.ruleId().equals("VIP042")), d.toString());
    }

    @Test
    void awkwardNamesAreQuotedAndCommentsStayOneLine() {
        assertEquals("\"a \\\"b\\\" \\\\ c\\x0a\"", ProposalWriter.quote("a \"b\" \\ c\n"));
        assertEquals("x y", ProposalWriter.oneLine("x\ny"));
        assertTrue(ProgramName.listable("My App.exe"));
        assertTrue(!ProgramName.listable("C:\\x\\crm.exe"));
        assertTrue(!ProgramName.listable("crm"));
    }

    @Test
    void reportJsonHasTheCandidatesAndReasons() throws Exception {
        JsonNode j = new ObjectMapper().readTree(ReportJson.render(report(Platform.BOTH, "collector-3-sessions.json")));
        assertEquals(1, j.get("vipctlDetectReport").asInt());
        assertEquals("crm.exe", j.at("/candidates/0/program").asText());
        assertEquals("definite", j.at("/candidates/0/certainty").asText());
        assertEquals("virtualIp", j.at("/candidates/0/needs/0").asText());
        assertEquals("rdsIpVirtualization", j.at("/candidates/0/features/0").asText());
        assertEquals(9000, j.at("/candidates/0/evidence/0/port").asInt());
        assertEquals(2, j.at("/candidates/0/evidence/0/instances/1/session").asInt());
        assertEquals(List.of("rdsLoopbackVirtualization", "citrixVirtualLoopback"), texts(j.at("/candidates/1/features")));
        assertEquals("softphone.exe", j.at("/candidates/1/clients/0/program").asText());
        boolean edge = false;
        for (JsonNode l : j.get("leftOut")) {
            edge |= l.get("program").asText().equals("msedge.exe") && l.get("reason").asText().equals("ephemeral");
        }
        assertTrue(edge, j.get("leftOut").toString());
    }

    @Test
    void textReportNamesEvidenceAndReasons() {
        String text = ReportText.render(report(Platform.RDS, "collector-3-sessions.json"));
        assertTrue(text.contains("\ncrm.exe  definite -> virtual IP: rdsIpVirtualization\n"), text);
        assertTrue(text.contains("\ncti.exe  probable -> virtual loopback: rdsLoopbackVirtualization\n"), text);
        assertTrue(text.contains("(vipctl loopback-address --session 1)"), text);
        assertTrue(text.contains("  msedge.exe: ephemeral: "), text);
        assertTrue(text.contains("  sqlservr.exe: service (session 0): "), text);
    }
}
