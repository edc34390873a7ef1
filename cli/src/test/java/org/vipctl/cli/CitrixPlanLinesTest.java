package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan and apply name each Citrix setting they do not write, and the file that carries it. */
class CitrixPlanLinesTest {

    private static final String POLICY = """
            apiVersion: vipctl/v1
            kind: VipPolicy
            metadata: {name: cti-loopback}
            targets: {os: [windowsServer2022]}
            spec:
              rdsIpVirtualization: {enabled: true, mode: perProgram, programs: [ctiagent.exe], networkAdapter: 192.0.2.96/24}
              citrixVirtualLoopback: {enabled: true, programs: [ctiagent.exe, softphone.exe]}
              citrixPreferLoopback: {enabled: true, processes: [softphone.exe]}
              citrixPolicy: {name: CTI virtual loopback}
            """;

    @Test
    void planListsTheCitrixSettingsInTextAndJson(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("cti.yaml");
        Files.writeString(yaml, POLICY);
        String target = "--target=regfile:" + dir.resolve("server.reg");
        PolCommandTest.Result text = PolCommandTest.vipctl("plan", target, yaml.toString());
        assertEquals(0, text.code(), text.err());
        // plan text wraps at 100 columns; a wrapped "!" line continues with a 6-space indent
        String unwrapped = text.out().replaceAll("\n {6}(?=\\S)", " ");
        assertTrue(unwrapped.contains("Not written by apply (Citrix site policy settings; import them with compile --emit citrix):\n"
                + "  ! cti-loopback: Citrix VirtualLoopbackSupport = Enabled -> citrix/Import-cti-loopback.ps1"
                + " (or citrix/GroupPolicy.xml, citrix/cti-loopback.tf, citrix/cti-loopback.rest.json)\n"
                + "  ! cti-loopback: Citrix VirtualLoopbackPrograms = Enabled [ctiagent.exe, softphone.exe] -> "
                + "citrix/Import-cti-loopback.ps1"), unwrapped);
        assertTrue(text.out().contains("PreferLoopback"), "the registry value of the same policy is planned as a change");

        PolCommandTest.Result json = PolCommandTest.vipctl("plan", "--json", target, yaml.toString());
        assertEquals(0, json.code(), json.err());
        JsonNode na = new ObjectMapper().readTree(json.out()).get("not_applied");
        assertEquals(2, na.size());
        assertEquals("VirtualLoopbackPrograms", na.get(1).get("setting").asText());
        assertEquals("CTI virtual loopback", na.get(1).get("citrix_policy").asText());
        assertEquals("softphone.exe", na.at("/1/values/1").asText());
        assertEquals("citrix/Import-cti-loopback.ps1", na.at("/0/files/0").asText());

        PolCommandTest.Result apply = PolCommandTest.vipctl("apply", "--yes", "--json", target,
                "--state-dir=" + dir.resolve("state"), yaml.toString());
        assertEquals(0, apply.code(), apply.err());
        assertEquals(2, new ObjectMapper().readTree(apply.out()).at("/plan/not_applied").size());
        PolCommandTest.Result again = PolCommandTest.vipctl("apply", "--yes", target, "--state-dir=" + dir.resolve("state"),
                yaml.toString());
        assertTrue(again.out().contains("  ! cti-loopback: Citrix VirtualLoopbackSupport = Enabled"), again.out());
    }

    @Test
    void policiesWithoutCitrixSettingsAddNothing(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("rds.yaml");
        Files.writeString(yaml, POLICY.replace("  citrixVirtualLoopback: {enabled: true, programs: [ctiagent.exe, softphone.exe]}\n", "")
                .replace("  citrixPreferLoopback: {enabled: true, processes: [softphone.exe]}\n", "")
                .replace("  citrixPolicy: {name: CTI virtual loopback}\n", ""));
        PolCommandTest.Result text = PolCommandTest.vipctl("plan", "--target=regfile:" + dir.resolve("s.reg"), yaml.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(!text.out().contains("Not written by apply"), text.out());
    }
}
