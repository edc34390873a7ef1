package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command line: a capture becomes a proposal that validate and compile accept. */
class DetectIT {

    @Test
    void captureToProposalToCompiledOutputs(@TempDir Path tmp) throws Exception {
        Path capture = PackagedCli.repo().resolve("compiler/src/test/resources/detect/collector-3-sessions.json");
        Path proposal = tmp.resolve("detected.yaml");
        PackagedCli.Result detect = PackagedCli.run("detect", "--platform", "both", "--os", "windowsServer2022",
                "--propose", proposal.toString(), capture.toString());
        assertEquals(0, detect.code(), detect.toString());
        assertTrue(detect.out().contains("crm.exe  definite"), detect.toString());

        PackagedCli.Result validate = PackagedCli.run("validate", proposal.toString());
        assertEquals(0, validate.code(), validate.toString());
        PackagedCli.Result compile = PackagedCli.run("compile", "-o", tmp.resolve("out").toString(), proposal.toString());
        assertEquals(0, compile.code(), compile.toString());
        assertTrue(Files.readString(tmp.resolve("out/citrix/detected.rest.json")).contains("cti.exe"));
        assertTrue(Files.size(tmp.resolve("out/gpo/Machine/Registry.pol")) > 8);

        PackagedCli.Result again = PackagedCli.run("detect", "--propose", proposal.toString(), capture.toString());
        assertEquals(1, again.code(), again.toString());
        assertTrue(again.err().contains("exists; add --force"), again.toString());
    }

    @Test
    void collectorScriptRoundTrip(@TempDir Path tmp) throws Exception {
        PackagedCli.Result script = PackagedCli.run("detect", "--print-collector");
        assertEquals(0, script.code(), script.toString());
        assertTrue(script.out().startsWith("<#"), script.out());
        assertEquals(script.out(), Files.readString(PackagedCli.repo()
                .resolve("compiler/src/main/resources/org/vipctl/detect/collect-vip.ps1")));
    }
}
