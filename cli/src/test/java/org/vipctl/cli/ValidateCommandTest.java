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

    private static final Pattern DIAGNOSTIC = Pattern.compile("^\\S.*:\\d+:\\d+: (error|warning|note): \\S.* \\[VIP\\d{3}]$");
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

    /** The finding lines of a text run: standard output without hint lines and the closing summary. */
    static List<String> findings(Result r) {
        List<String> lines = r.out().lines().filter(l -> !l.startsWith("    hint: ")).toList();
        return lines.subList(0, Math.max(0, lines.size() - 1));
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
        // one remark: Group Policy writes crm-ip-virtualization's EnableVirtualIP and
        // licence-loopback's VirtualizeLoopbackAdresses to different keys (VIP033, policy scope)
        List<String> found = findings(r);
        assertEquals(1, found.size(), r.out());
        assertTrue(found.get(0).contains("licence-loopback.yaml:15:14: warning: "), found.get(0));
        assertTrue(found.get(0).contains("in the policy scope") && found.get(0).endsWith(" [VIP033]"), found.get(0));
        List<String> lines = r.out().lines().toList();
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.startsWith("valid: ") && summary.contains("0 errors, 1 warning, 0 notes"), r.out());
    }

    @Test
    void theInvalidExamplesFailWithALocationOnEveryDiagnosticLine() {
        Result r = run("validate", examples().resolve("invalid").toString());
        assertEquals(1, r.code());
        r.noStackTrace();
        assertEquals("", r.err(), "findings go to standard output");
        List<String> lines = findings(r);
        assertTrue(lines.size() > 20, r.out());
        for (String line : lines) {
            assertTrue(DIAGNOSTIC.matcher(line).matches(), "not file:line:col: severity: message [rule]: " + line);
        }
        assertTrue(r.out().lines().reduce((a, b) -> b).orElseThrow().startsWith("invalid: "), r.out());
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
        assertTrue(r.out().startsWith(p + ":6:"), r.out());
        assertTrue(r.out().contains(": warning: ") && r.out().contains(" [VIP021]\n"), r.out());
        assertTrue(r.out().contains("0 errors, 1 warning, 0 notes"), r.out());
        Result strict = run("validate", "--fail-on", "warning", p.toString());
        assertEquals(1, strict.code(), strict.out());
        assertTrue(strict.out().contains("failed (--fail-on warning): 1 policy; 0 errors, 1 warning, 0 notes"), strict.out());
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
        assertEquals(p + ":6:" + column + ": error: 'C:\\Apps\\crm.exe' in rdsIpVirtualization.programs is a path, not an executable name [VIP022]\n"
                + "    hint: write the bare name: 'crm.exe'\n"
                + "invalid: 1 policy, errors in 1 file; 1 error, 0 warnings, 0 notes\n", r.out());
        assertEquals("", r.err());
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
        assertEquals(gone + ":0:0: error: no such file or directory [VIP006]\n    hint: check the spelling of the path\n"
                + "invalid: 0 policies, errors in 1 file; 1 error, 0 warnings, 0 notes\n", r.out());
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
        assertEquals(List.of("VIP033"), JSON.readTree(ok.out()).get("diagnostics").findValuesAsText("rule"));
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
        assertEquals(1, r.code(), r.out());
        r.noStackTrace();
        List<String> lines = findings(r);
        assertEquals(1, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith(p.toString()), lines.get(0));
        assertTrue(lines.get(0).contains(": error: ") && lines.get(0).endsWith(" [" + rule + "]"), lines.get(0));
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
        assertEquals(dir.resolve("nothing") + ":0:0: error: no policy files (*.yaml, *.yml) in this directory [VIP005]",
                r.out().lines().findFirst().orElseThrow());
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

    @Test
    void suppressionsByCommentAndProjectFileAreCountedNotPrinted() throws IOException {
        Path p = file("s.yaml", """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: s}
                spec:
                  rdsIpVirtualization:
                    enabled: true
                    mode: perSession
                    networkAdapter: 192.0.2.1/24
                    # vipctl:ignore VIP021 kept for the switch back to perProgram
                    programs: [a.exe]
                  rdsLoopbackVirtualization: {enabled: true} # vipctl:ignore VIP033 both keys checked on the pilot servers
                """);
        Result before = run("validate", "--notes", p.toString());
        assertEquals(0, before.code(), before.out());
        assertTrue(before.out().contains("[VIP043]"), "no project file yet: the note is reported\n" + before.out());
        assertFalse(before.out().contains("[VIP021]"), before.out());
        assertTrue(before.out().endsWith("; 0 errors, 0 warnings, 1 note, 2 suppressed\n"), before.out());
        assertEquals("valid: 1 policy; 0 errors, 0 warnings, 1 note (not listed; --notes lists it), 2 suppressed\n",
                run("validate", p.toString()).out(), "without --notes the note is counted, not listed");

        file(".vipctl.yaml", """
                failOn: note
                ignore:
                  - {rule: VIP043, paths: ['*.yaml'], reason: targets are set per site}
                """);
        Result after = run("validate", p.toString());
        assertEquals(0, after.code(), after.out());
        assertEquals("valid: 1 policy; 0 errors, 0 warnings, 0 notes, 3 suppressed\n", after.out());
        JsonNode json = JSON.readTree(run("validate", "--format", "json", p.toString()).out());
        assertEquals(3, json.at("/summary/suppressed").asInt());
        List<String> kinds = new java.util.ArrayList<>();
        json.get("suppressed").forEach(d -> kinds.add(d.get("rule").asText() + "/" + d.at("/suppression/kind").asText()));
        assertEquals(List.of("VIP043/project", "VIP033/comment", "VIP021/comment"), kinds.stream().sorted(java.util.Comparator.reverseOrder()).toList());

        file(".vipctl.yaml", "failOn: warnings\n");
        Result broken = run("validate", p.toString());
        assertEquals(1, broken.code());
        assertTrue(broken.out().contains(".vipctl.yaml:1:9: error: failOn is 'warnings' [VIP007]"), broken.out());
    }

    @Test
    void errorsCannotBeSuppressed() throws IOException {
        Path p = file("e.yaml", """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: e}
                spec:
                  rdsIpVirtualization: {enabled: true, mode: perSession} # vipctl:ignore VIP026 no
                """);
        Result r = run("validate", p.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("[VIP026]"), r.out());
    }

    @Test
    void theSummaryCountsPoliciesAndTheFilesWithErrors() {
        Result r = run("validate", examples().resolve("invalid/citrix-policy-names").toString());
        assertEquals(1, r.code());
        String last = r.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("invalid: 3 policies, errors in 1 file; 1 error, "), last);
        assertTrue(last.matches(".*; 1 error, \\d+ warnings?, \\d+ notes?$"), last);
    }

    @Test
    void hintsSayWhatToChange() throws IOException {
        Path p = file("h.yaml", """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: h}
                targets: {os: [windowsServer2022, windowsServer2022, windows2019]}
                spec:
                  rdsIpVirtualization: {enabled: true, programs: 'C:\\Apps\\crm.exe', networkAdapter: 192.0.2.1/24}
                  rdsLoopbackVirtualization: {}
                """);
        String out = run("validate", p.toString()).out();
        assertTrue(out.contains("    hint: write a list, e.g. [crm.exe]\n"), "a path gets the bare name, not the path again\n" + out);
        assertTrue(out.contains("    hint: add 'enabled: true' (or false) to spec.rdsLoopbackVirtualization"), out);
        assertTrue(out.contains("    hint: remove the repeated item\n"), out);
        assertTrue(out.contains("which is not one of its 11 allowed values [VIP012]"), "no list of eleven values in the message\n" + out);
        assertTrue(out.contains("did you mean 'windows10'?") || out.contains("vipctl explain VIP012"), out);
    }
}
