package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ADMX round trip through the packaged jar: compile the templates, lint them with Microsoft's. */
class AdmxIT {

    private static final Path REPO = Path.of(System.getProperty("vipctl.repo", "."));
    private static final Path REFERENCE = REPO.resolve("../shared/reference/admx");

    private record Run(int code, String out, String err) {
    }

    private static Run vipctl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("vipctl.jar")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("vipctl-out", ".txt");
        Path err = Files.createTempFile("vipctl-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(REPO.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void compiledTemplatesAndMicrosoftsFilesFormOneCleanStore(@TempDir Path out) throws Exception {
        assumeTrue(Files.isDirectory(REFERENCE), "../shared/reference/admx is not present");
        Run compile = vipctl("compile", "--emit", "admx", "-o", out.toString(), "examples/");
        assertEquals(0, compile.code(), compile.err());
        Run lint = vipctl("admx", "lint", out.resolve("admx").toString(), REFERENCE.toString());
        assertEquals(0, lint.code(), lint.err());
        assertTrue(lint.out().contains("4 ADMX and 5 ADML files (de-DE, en-US); 0 errors"), lint.out());
        assertFalse(lint.out().contains("VipctlVirtualIP.admx:"), lint.out());
    }

    @Test
    void referenceStoreAloneExitsZeroWithLocatedWarnings() throws Exception {
        assumeTrue(Files.isDirectory(REFERENCE), "../shared/reference/admx is not present");
        Run lint = vipctl("admx", "lint", REFERENCE.toString());
        assertEquals(0, lint.code(), lint.err());
        assertTrue(lint.out().matches("(?s).*TerminalServer-Server\\.admx:\\d+:\\d+: warning: .*\\[VIP083]\n.*"), lint.out());
    }
}
