package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile --emit admx,intune and admx lint through the command line, without a process. */
class AdmxCommandTest {

    private static final Path REPO = Path.of(System.getProperty("vipctl.repo", ".")).toAbsolutePath().normalize();
    private static final Path REFERENCE = REPO.resolve("../shared/reference/admx").normalize();

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void compiledTemplatesLintCleanWithMicrosoftsFiles(@TempDir Path tmp) {
        assumeTrue(Files.isDirectory(REFERENCE), "../shared/reference/admx is not present");
        Run compile = run("compile", "--emit", "admx,intune", "-o", tmp.toString(), REPO.resolve("examples").toString());
        assertEquals(0, compile.code(), compile.err());
        assertTrue(Files.isRegularFile(tmp.resolve("admx/VipctlVirtualIP.admx")));
        assertTrue(Files.isRegularFile(tmp.resolve("admx/de-DE/VipctlVirtualIP.adml")));
        assertTrue(Files.isRegularFile(tmp.resolve("intune/oma-uri.csv")));
        assertTrue(compile.err().contains("VIP093"), compile.err());

        Run lint = run("admx", "lint", tmp.resolve("admx").toString(), REFERENCE.toString());
        assertEquals(0, lint.code(), lint.err());
        String summary = lint.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(summary.startsWith("ok: 4 ADMX and 5 ADML files (de-DE, en-US); 0 errors"), lint.out());
    }

    @Test
    void lintErrorsExitOneWithFileLineColumn(@TempDir Path tmp) throws Exception {
        Path admx = tmp.resolve("Broken.admx");
        Files.writeString(admx, "<policyDefinitions xmlns=\"http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions\""
                + " revision=\"1.0\" schemaVersion=\"1.0\">\n<policyNamespaces>\n"
                + "<target prefix=\"b\" namespace=\"Broken.Policies\"/></policyNamespaces>\n"
                + "<resources minRequiredRevision=\"1.0\"/>\n<categories>\n"
                + "<category name=\"Bad.Name\" displayName=\"$(string.X)\"/>\n</categories>\n</policyDefinitions>\n");
        Run lint = run("admx", "lint", admx.toString());
        assertEquals(1, lint.code());
        assertTrue(lint.out().contains("Broken.admx:6:"), lint.out());
        assertTrue(lint.out().contains("VIP087"), lint.out());
        assertTrue(lint.out().contains("VIP090"), lint.out());
        assertFalse(lint.err().contains("Exception"), lint.err());
    }

    @Test
    void lintWithoutPathIsAUsageError() {
        assertEquals(64, run("admx", "lint").code());
    }
}
