package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result vipctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static String fixture(String name) {
        Path p = PolCommandTest.repo().resolve("compiler/src/test/resources/detect").resolve(name);
        assumeTrue(Files.exists(p), "fixture not found: " + p);
        return p.toString();
    }

    @Test
    void reportOfTheAcceptanceCapture() {
        Result r = vipctl("detect", fixture("collector-3-sessions.json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\ncrm.exe  definite -> virtual IP: rdsIpVirtualization\n"), r.out());
        assertTrue(r.out().contains("\ncti.exe  probable -> virtual loopback: rdsLoopbackVirtualization\n"), r.out());
        assertTrue(r.out().contains("    client side: softphone.exe (session 1 (PID 6644)) connects to 127.0.0.1:5555"), r.out());
        assertTrue(r.out().contains("  msedge.exe: ephemeral: "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void jsonReportForCitrix() throws Exception {
        Result r = vipctl("detect", "--format", "json", "--platform", "citrix", fixture("collector-3-sessions.json"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("citrix", j.get("platform").asText());
        assertEquals("citrixVirtualLoopback", j.at("/candidates/1/features/0").asText());
    }

    @Test
    void proposalIsWrittenOnceValidatesAndCompiles(@TempDir Path tmp) throws Exception {
        Path proposal = tmp.resolve("policies/detected.yaml");
        Result r = vipctl("detect", "--platform", "both", "--os", "windowsServer2019,windowsServer2022",
                "--propose", proposal.toString(), fixture("collector-3-sessions.json"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("proposal written to " + proposal + " (crm.exe, cti.exe)"), r.err());
        String written = Files.readString(proposal);
        assertTrue(written.contains("- \"crm.exe\""), written);

        Result again = vipctl("detect", "--propose", proposal.toString(), fixture("netstat-abno.txt"));
        assertEquals(1, again.code());
        assertEquals("vipctl: error: " + proposal + ": exists; add --force to replace it\n", again.err());
        assertEquals(written, Files.readString(proposal), "not overwritten");

        Result validate = vipctl("validate", proposal.toString());
        assertEquals(0, validate.code(), validate.out() + validate.err());
        assertTrue(validate.out().lines().anyMatch(l -> l.startsWith("valid: 1 policy; 0 errors")), validate.out());
        Result compile = vipctl("compile", "-o", tmp.resolve("out").toString(), proposal.toString());
        assertEquals(0, compile.code(), compile.out() + compile.err());
        assertTrue(Files.exists(tmp.resolve("out/reg/detected.reg")));
        assertTrue(Files.exists(tmp.resolve("out/citrix/GroupPolicyConfiguration.xml")));

        Result forced = vipctl("detect", "--force", "--network-adapter", "192.0.2.10/24", "--name", "from-netstat",
                "--propose", proposal.toString(), fixture("netstat-abno.txt"));
        assertEquals(0, forced.code(), forced.err());
        assertTrue(Files.readString(proposal).contains("name: \"from-netstat\""));
        assertEquals(0, vipctl("validate", proposal.toString()).code());
        try (var files = Files.list(proposal.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside the proposal");
        }
    }

    @Test
    void proposalWithoutAdapterOrWithWrongTargetsIsNotWritten(@TempDir Path tmp) {
        Path proposal = tmp.resolve("p.yaml");
        Result r = vipctl("detect", "--propose", proposal.toString(), fixture("netstat-abno.txt"));
        assertEquals(1, r.code());
        assertTrue(r.err().contains("not written: RD IP virtualization needs the adapter"), r.err());
        Result old = vipctl("detect", "--platform", "citrix", "--os", "windowsServer2012R2", "--propose", proposal.toString(),
                fixture("collector-3-sessions.json"));
        assertEquals(1, old.code());
        assertTrue(old.err().contains("VIP042"), old.err());
        assertFalse(Files.exists(proposal));
    }

    @Test
    void hostileCapturesExitOneWithALocatedMessage(@TempDir Path tmp) throws Exception {
        Result truncated = vipctl("detect", fixture("truncated.json"));
        assertEquals(1, truncated.code());
        assertTrue(truncated.err().matches("vipctl: error: .*truncated\\.json:137:\\d+: truncated JSON: .*\n"), truncated.err());
        Result linux = vipctl("detect", fixture("linux-netstat.txt"));
        assertEquals(1, linux.code());
        assertTrue(linux.err().contains("linux-netstat.txt:2: not a capture: this is netstat (or ss) output of Linux"), linux.err());
        Path bin = tmp.resolve("x.bin");
        Files.write(bin, new byte[] {1, 2, 0, 3});
        Result binary = vipctl("detect", bin.toString());
        assertEquals(1, binary.code());
        assertEquals("vipctl: error: " + bin + ": not a capture: binary data (a NUL byte at offset 2)\n", binary.err());
        assertFalse(binary.err().contains("Exception"));
    }

    @Test
    void collectorLiveAndUsage() {
        Result c = vipctl("detect", "--print-collector");
        assertEquals(0, c.code());
        assertTrue(c.out().contains("vipctlCapture = 1"), c.out());
        assertTrue(c.out().contains("Get-NetTCPConnection"));

        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the live capture works on Windows");
        Result live = vipctl("detect", "--live");
        assertEquals(1, live.code());
        assertTrue(live.err().startsWith("vipctl: error: live: a live capture needs Windows"), live.err());

        assertEquals(64, vipctl("detect").code());
        assertEquals(64, vipctl("detect", "--platform", "vmware", fixture("tcpview.csv")).code());
        assertEquals(64, vipctl("detect", "--os", "windowsServer2003", fixture("tcpview.csv")).code());
    }
}
