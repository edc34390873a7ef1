package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code vipctl validate} through {@link Main#run}: exit codes, streams, formats, hostile input. */
class ValidateCommandTest {

    private static final Pattern DIAGNOSTIC = Pattern.compile("^\\S.*:\\d+:\\d+: (error|warning|note) VIP\\d{3} \\S.*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        void noStackTrace() {
            for (String s : List.of(out, err)) {
                assertFalse(s.contains("Exception"), s);
                assertFalse(s.contains("\tat "), s);
            }
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static Path examples() {
        Path p = Path.of(System.getProperty("vipctl.repo", ".")).resolve("examples");
        return Files.isDirectory(p) ? p : Path.of("..", "examples");
    }

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void theExamplesAreValid() {
        Result r = run("validate", examples().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("valid: "), r.out());
        assertTrue(r.out().contains("0 errors, 0 warnings"), r.out());
    }

    @Test
    void theInvalidExamplesFailWithALocationOnEveryDiagnosticLine() {
        Result r = run("validate", examples().resolve("invalid").toString());
        assertEquals(1, r.code());
        r.noStackTrace();
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("    hint: ")).toList();
        assertTrue(lines.size() > 20, r.err());
        for (String line : lines) {
            assertTrue(DIAGNOSTIC.matcher(line).matches(), "not file:line:col: severity rule message: " + line);
        }
        assertTrue(r.out().startsWith("invalid: "), r.out());
    }

    @Test
    void warningsAloneExitZero() throws IOException {
        Path p = file("w.yaml", """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: w}
                targets: {os: [windowsServer2022]}
                spec:
                  rdsIpVirtualization: {enabled: true, mode: perSession, programs: [a.exe], networkAdapter: 192.0.2.1/24}
                """);
        Result r = run("validate", p.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith(p + ":6:"), r.err());
        assertTrue(r.err().contains(" warning VIP021 "), r.err());
        assertTrue(r.out().contains("0 errors, 1 warning"), r.out());
    }

    @Test
    void textLooksLikeTheContract() throws IOException {
        Path p = file("crm.yaml", """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: crm}
                targets: {os: [windowsServer2022]}
                spec:
                  rdsIpVirtualization: {enabled: true, programs: ['C:\\Apps\\crm.exe'], networkAdapter: 192.0.2.1/24}
                """);
        Result r = run("validate", p.toString());
        assertEquals(1, r.code());
        int column = Files.readAllLines(p).get(5).indexOf("'C:") + 1;
        assertEquals(p + ":6:" + column + ": error VIP022 'C:\\Apps\\crm.exe' in rdsIpVirtualization.programs is a path, not an executable name\n"
                + "    hint: write the bare name: 'crm.exe'\n", r.err());
        assertEquals("invalid: 0 policies without errors; 1 error, 0 warnings\n", r.out());
    }

    @Test
    void usageErrorsExit64() {
        Result none = run("validate");
        assertEquals(64, none.code());
        assertTrue(none.err().contains("Missing required parameter"), none.err());
        assertTrue(none.err().contains("vipctl validate --help"), none.err());
        Result format = run("validate", "--format", "xml", examples().toString());
        assertEquals(64, format.code());
        assertTrue(format.err().contains("xml"), format.err());
        assertEquals(64, run("validate", "--colour", examples().toString()).code());
        none.noStackTrace();
        format.noStackTrace();
    }

    @Test
    void aMissingPathIsALocatedErrorNotAUsageError() {
        Path gone = dir.resolve("gone.yaml");
        Result r = run("validate", gone.toString());
        assertEquals(1, r.code());
        assertEquals(gone + ": error VIP006 no such file or directory\n    hint: check the spelling of the path\n", r.err());
    }

    @Test
    void jsonGoesToStdoutAndParses() throws IOException {
        Result r = run("validate", "--format", "json", examples().resolve("invalid").toString());
        assertEquals(1, r.code());
        assertEquals("", r.err());
        JsonNode root = JSON.readTree(r.out());
        assertTrue(root.at("/summary/errors").asInt() > 20);
        assertEquals(root.at("/summary/errors").asInt() + root.at("/summary/warnings").asInt()
                + root.at("/summary/notes").asInt(), root.get("diagnostics").size());
        for (JsonNode d : root.get("diagnostics")) {
            assertTrue(d.get("rule").asText().matches("VIP\\d{3}"), d.toString());
            assertTrue(d.at("/location/line").asInt() > 0, d.toString());
        }
        Result ok = run("validate", "--format=JSON", examples().toString());
        assertEquals(0, ok.code());
        assertEquals(0, JSON.readTree(ok.out()).get("diagnostics").size());
    }

    @Test
    void sarifGoesToStdoutAndParses() throws IOException {
        Result r = run("validate", "--format", "sarif", examples().resolve("invalid").toString());
        assertEquals(1, r.code());
        assertEquals("", r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals("2.1.0", root.get("version").asText());
        JsonNode run = root.at("/runs/0");
        assertEquals("vipctl", run.at("/tool/driver/name").asText());
        assertFalse(run.at("/tool/driver/version").asText().isEmpty());
        assertTrue(run.get("results").size() > 20);
        for (JsonNode res : run.get("results")) {
            assertEquals(res.get("ruleId").asText(), run.at("/tool/driver/rules/" + res.get("ruleIndex").asInt() + "/id").asText());
            assertTrue(res.at("/locations/0/physicalLocation/region/startLine").asInt() > 0, res.toString());
        }
    }

    // Hostile and broken input: one located line, exit 1, no stack trace, no hang. -------------

    private void oneLocatedError(Path p, String rule, String fragment) {
        Result r = run("validate", p.toString());
        assertEquals(1, r.code(), r.err());
        r.noStackTrace();
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("    hint: ")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith(p.toString()), lines.get(0));
        assertTrue(lines.get(0).contains(" error " + rule + " "), lines.get(0));
        assertTrue(lines.get(0).contains(fragment), lines.get(0));
    }

    @Test
    void malformedYaml() throws IOException {
        oneLocatedError(file("m.yaml", "apiVersion: [vipctl/v1\n"), "VIP001", "YAML syntax");
    }

    @Test
    void tabs() throws IOException {
        oneLocatedError(file("t.yaml", "metadata:\n\tname: x\n"), "VIP001", "TAB");
    }

    @Test
    void duplicateKeys() throws IOException {
        oneLocatedError(file("d.yaml", "a: 1\na: 2\n"), "VIP002", "duplicate key 'a'");
    }

    @Test
    void aliasBomb() throws IOException {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        oneLocatedError(file("bomb.yaml", sb.toString()), "VIP003", "alias bomb");
    }

    @Test
    void recursiveAlias() throws IOException {
        oneLocatedError(file("r.yaml", "a: &a [*a]\n"), "VIP003", "recursive");
    }

    @Test
    void twentyMegabytes() throws IOException {
        Path p = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(20L * 1024 * 1024);
        }
        oneLocatedError(p, "VIP003", "limited to");
    }

    @Test
    void binaryGarbage() throws IOException {
        byte[] b = new byte[2048];
        new java.util.Random(1).nextBytes(b);
        b[700] = 0;
        Path p = dir.resolve("garbage.yaml");
        Files.write(p, b);
        oneLocatedError(p, "VIP004", "binary data: NUL byte at offset ");
    }

    @Test
    void nonUtf8() throws IOException {
        Path p = dir.resolve("latin1.yaml");
        Files.write(p, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        oneLocatedError(p, "VIP004", "not UTF-8");
    }

    @Test
    void emptyFile() throws IOException {
        oneLocatedError(file("empty.yaml", ""), "VIP005", "no YAML document");
    }

    @Test
    void aFolderWithoutPolicies() throws IOException {
        Files.createDirectories(dir.resolve("nothing"));
        Result r = run("validate", dir.resolve("nothing").toString());
        assertEquals(1, r.code());
        assertEquals(dir.resolve("nothing") + ": error VIP005 no policy files (*.yaml, *.yml) in this directory",
                r.err().lines().findFirst().orElseThrow());
    }

    @Test
    void aSymlinkLoopInAFolder() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("pol"));
        try {
            Files.createSymbolicLink(sub.resolve("loop"), sub);
            Files.createSymbolicLink(sub.resolve("loop.yaml"), sub.resolve("loop.yaml"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
        oneLocatedError(sub, "VIP006", "symbolic link");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", ".."})
    void policyNamesThatWouldEscapeTheOutputFolder(String name) throws IOException {
        oneLocatedError(file("n.yaml", "apiVersion: vipctl/v1\nkind: VipPolicy\nmetadata:\n  name: '" + name + "'\nspec: {}\n"),
                "VIP012", "'metadata.name' text '" + name + "' is not allowed");
    }

    @Test
    void wrongTypes() throws IOException {
        oneLocatedError(file("w.yaml", "apiVersion: vipctl/v1\nkind: VipPolicy\nmetadata: {name: w}\nspec:\n"
                + "  rdsLoopbackVirtualization: {enabled: 'on'}\n"), "VIP011", "must be true or false");
    }

    @Test
    void debugIsAccepted() {
        assertEquals(0, run("--debug", "validate", examples().toString()).code());
        assertEquals(0, run("validate", "--debug", examples().toString()).code());
    }
}
