package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.RuleDocs;

/** explain, init, completion and did-you-mean through {@link Main#run}. */
class TeachingCommandsTest {

    private static ValidateCommandTest.Result run(String... args) {
        return ValidateCommandTest.run(args);
    }

    @Test
    void explainExistsForEveryRuleAndSaysWhatTheRulesPageSays() {
        for (Rule rule : Rule.values()) {
            ValidateCommandTest.Result r = run("explain", rule.id());
            assertEquals(0, r.code(), rule.id() + ": " + r.err());
            var doc = RuleDocs.builtIn().get(rule.id()).orElseThrow();
            assertEquals(doc.text(), r.out());
            assertTrue(r.out().contains("Example that triggers it:"), r.out());
        }
        ValidateCommandTest.Result list = run("explain");
        assertEquals(Rule.values().length, list.out().lines().count(), list.out());
        assertEquals(run("explain", "VIP044").out(), run("explain", "44").out());
        assertEquals(run("explain", "VIP044").out(), run("explain", "vip044").out());
    }

    @Test
    void explainOfAnUnknownRuleIsAUsageErrorWithASuggestion() {
        ValidateCommandTest.Result r = run("explain", "VIP0222");
        assertEquals(64, r.code());
        assertTrue(r.err().contains("no rule 'VIP0222'; did you mean VIP022?"), r.err());
    }

    @Test
    void explainAsJson() throws IOException {
        JsonNode j = new ObjectMapper().readTree(run("explain", "--format", "json", "VIP025").out());
        assertEquals("VIP025", j.get("id").asText());
        assertTrue(j.get("example").asText().contains("192.0.2.300/24"), j.toString());
        assertTrue(j.get("helpUri").asText().endsWith("#vip025"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"crm", "cti", "rds-loopback", "custom"})
    void initWritesAStarterThatValidatesCleanly(String template, @TempDir Path dir) throws IOException {
        ValidateCommandTest.Result r = run("init", "--template", template, dir.toString());
        assertEquals(0, r.code(), r.err());
        Path policy = dir.resolve(template + ".yaml");
        String text = Files.readString(policy);
        assertTrue(text.startsWith("# yaml-language-server: $schema=.vipctl/vipctl-policy.schema.json\n"), text);
        assertTrue(Files.isRegularFile(dir.resolve(".vipctl/vipctl-policy.schema.json")));
        assertTrue(text.lines().filter(l -> l.strip().startsWith("#")).count() >= 4, "commented: " + text);
        ValidateCommandTest.Result v = run("validate", "--fail-on", "note", dir.toString());
        assertEquals(0, v.code(), v.out());
        // the loopback starter carries one reviewed suppression (VIP033, with its reason)
        assertEquals("valid: 1 policy; 0 errors, 0 warnings, 0 notes" + (template.equals("rds-loopback") ? ", 1 suppressed" : "")
                + "\n", v.out());

        ValidateCommandTest.Result again = run("init", "--template", template, dir.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("exists already"), again.err());
        assertEquals(text, Files.readString(policy), "never overwritten");
    }

    @Test
    void didYouMeanForCommandsAndOptions() {
        ValidateCommandTest.Result command = run("valdiate", "examples");
        assertEquals(64, command.code());
        assertTrue(command.err().contains("unknown command 'valdiate'; did you mean 'validate'?"), command.err());
        ValidateCommandTest.Result option = run("validate", "--formt", "json", "examples");
        assertEquals(64, option.code());
        assertTrue(option.err().contains("unknown option '--formt' for 'vipctl validate'; did you mean '--format'?"), option.err());
        ValidateCommandTest.Result far = run("frobnicate");
        assertFalse(far.err().contains("did you mean"), far.err());
    }

    private static String shell(String shell, String script) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(shell, "-c", script).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort(shell + " not installed: skipped");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void bashCompletionLoadsAndCompletesCommandsAndValues(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("vipctl.bash"), run("completion", "bash").out());
        String commands = shell("bash", "source '" + script + "'; COMP_WORDS=(vipctl val); COMP_CWORD=1;"
                + " COMP_LINE='vipctl val'; COMP_POINT=10; _complete_vipctl 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertEquals(List.of("validate"), commands.lines().toList());
        String values = shell("bash", "source '" + script + "'; COMP_WORDS=(vipctl validate --fail-on ''); COMP_CWORD=3;"
                + " COMP_LINE='vipctl validate --fail-on '; COMP_POINT=25; _complete_vipctl 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertEquals(List.of("error", "note", "warning"), values.lines().sorted().toList());
    }

    @Test
    void zshLoadsTheScript(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("vipctl.zsh"), run("completion", "zsh").out());
        String out = shell("zsh", "autoload -U compinit && compinit -u -D; source '" + script + "' && echo loaded");
        assertTrue(out.contains("loaded"), out);
    }

    @Test
    void powerShellCompleterListsTheModel() throws Exception {
        String script = run("completion", "powershell").out();
        assertTrue(script.contains("Register-ArgumentCompleter -Native -CommandName vipctl, vipctl.cmd"), script);
        assertTrue(script.contains("'validate|--fail-on' = @('error', 'warning', 'note')"), script);
        assertTrue(script.contains("'pol show' = @("), script);
        // run it when PowerShell is installed: complete "vipctl val"
        Process probe;
        try {
            probe = new ProcessBuilder("pwsh", "-NoLogo", "-NoProfile", "-Command", "exit 0").start();
            probe.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            Assumptions.abort("pwsh not installed: the completer was checked as text only");
            return;
        }
        Path file = Files.createTempFile("vipctl", ".ps1");
        Files.writeString(file, script);
        String out = shell("pwsh", ". '" + file + "'; (TabExpansion2 -inputScript 'vipctl val' -cursorColumn 10).CompletionMatches.CompletionText");
        assertEquals(List.of("validate"), out.lines().toList());
    }
}
