package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** --format json on every command that prints results, plan's default view, rollback's question, help claims. */
class MachineOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static ValidateCommandTest.Result run(String... args) {
        return ValidateCommandTest.run(args);
    }

    private static String examples() {
        return ValidateCommandTest.examples().toString();
    }

    private String target() {
        return "--target=regfile:" + tmp.resolve("server.reg");
    }

    private String stateDir() {
        return "--state-dir=" + tmp.resolve("state");
    }

    private Path invalidPolicy() throws IOException {
        return Files.writeString(tmp.resolve("bad.yaml"), "apiVersion: vipctl/v1\nkind: VipPolicy\nmetadata: {name: bad}\n"
                + "spec:\n  rdsIpVirtualization: {enabled: true, mode: perSession}\n");
    }

    @Test
    void everyResultCommandSpeaksJsonAndSaysSoInItsHelp() throws Exception {
        for (String[] command : List.of(new String[] {"validate"}, new String[] {"compile"}, new String[] {"plan"},
                new String[] {"apply"}, new String[] {"rollback"}, new String[] {"pol", "diff"}, new String[] {"pol", "show"},
                new String[] {"admx", "lint"}, new String[] {"explain"}, new String[] {"loopback-address"},
                new String[] {"citrix", "show"}, new String[] {"detect"}, new String[] {"import"}, new String[] {"publish"})) {
            CommandLine c = Main.fullCommandLine();
            for (String name : command) {
                c = c.getSubcommands().get(name);
            }
            CommandSpec spec = c.getCommandSpec();
            assertTrue(spec.findOption("--format") != null, String.join(" ", command) + " has --format");
        }
    }

    @Test
    void compileAsJsonListsTheFilesAndStaysJsonWhenInvalid() throws Exception {
        ValidateCommandTest.Result ok = run("compile", "--format", "json", "--emit", "reg", "-o", tmp.resolve("out").toString(), examples());
        assertEquals(0, ok.code(), ok.err());
        JsonNode j = JSON.readTree(ok.out());
        assertTrue(j.get("valid").asBoolean());
        assertEquals(4, j.get("policies").asInt());
        assertTrue(j.get("written").size() >= 4, j.toString());
        for (JsonNode p : j.get("written")) {
            assertTrue(Files.isRegularFile(Path.of(p.asText())), p.asText());
        }
        ValidateCommandTest.Result bad = run("compile", "--format", "json", "-o", tmp.resolve("out2").toString(), invalidPolicy().toString());
        assertEquals(1, bad.code());
        JsonNode b = JSON.readTree(bad.out());
        assertFalse(b.get("valid").asBoolean());
        assertTrue(b.at("/findings/diagnostics").toString().contains("\"VIP026\""), b.toString());
        assertFalse(Files.exists(tmp.resolve("out2")));
    }

    @Test
    void planApplyAndRollbackAsJson() throws Exception {
        JsonNode plan = JSON.readTree(run("plan", "--format", "json", target(), examples()).out());
        assertTrue(plan.at("/summary/create").asInt() > 5, plan.toString());
        ValidateCommandTest.Result badPlan = run("plan", "--format", "json", target(), invalidPolicy().toString());
        assertEquals(1, badPlan.code());
        assertTrue(JSON.readTree(badPlan.out()).at("/findings/diagnostics").toString().contains("\"VIP026\""), badPlan.out());

        ValidateCommandTest.Result apply = run("apply", "--yes", "--format", "json", target(), stateDir(), examples());
        assertEquals(0, apply.code(), apply.err());
        JsonNode a = JSON.readTree(apply.out());
        assertEquals(plan.at("/summary/create").asInt(), a.at("/result/changed").asInt());

        ValidateCommandTest.Result rollback = run("rollback", "--yes", "--format", "json", target(), stateDir());
        assertEquals(0, rollback.code(), rollback.err());
        JsonNode r = JSON.readTree(rollback.out());
        assertTrue(r.get("restored_from").asText().endsWith("-apply.json"), r.toString());
        assertEquals(a.at("/result/changed").asInt(), r.at("/result/changed").asInt());

        ValidateCommandTest.Result nothing = run("rollback", "--format", "json", target(), "--state-dir=" + tmp.resolve("empty"));
        assertEquals(0, nothing.code());
        assertTrue(JSON.readTree(nothing.out()).get("restored_from").isNull());
    }

    @Test
    void polDiffAsJson() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, run("compile", "--emit", "pol", "-o", a.toString(), ValidateCommandTest.examples().resolve("licence-loopback.yaml").toString()).code());
        assertEquals(0, run("compile", "--emit", "pol", "-o", b.toString(), examples()).code());
        ValidateCommandTest.Result d = run("pol", "diff", "--format", "json", a.resolve("gpo/Machine/Registry.pol").toString(),
                b.resolve("gpo/Machine/Registry.pol").toString());
        assertEquals(2, d.code(), d.err());
        JsonNode j = JSON.readTree(d.out());
        assertEquals(j.get("added").size(), j.at("/summary/added").asInt());
        assertTrue(j.at("/summary/added").asInt() > 0);
        assertFalse(j.at("/added/0/key").asText().isEmpty());
    }

    @Test
    void planHidesUnchangedValuesUnlessAskedAndFitsOneHundredColumns() throws Exception {
        assertEquals(0, run("apply", "--yes", target(), stateDir(), ValidateCommandTest.examples().resolve("licence-loopback.yaml").toString()).code());
        ValidateCommandTest.Result plan = run("plan", target(), examples());
        assertFalse(plan.out().contains("= no-op"), plan.out());
        assertTrue(plan.out().contains("unchanged (--show-unchanged lists them)."), plan.out());
        ValidateCommandTest.Result all = run("plan", "--show-unchanged", target(), examples());
        assertTrue(all.out().contains("= no-op  VirtualizeLoopbackAdresses = REG_DWORD 1"), all.out());
        for (String line : all.out().lines().toList()) {
            assertTrue(line.length() <= 100, "over 100 columns: " + line);
            assertFalse(line.contains("\u001b"), "no colour off a terminal: " + line);
        }
        assertTrue(all.out().contains("\n  HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP\n"), all.out());
    }

    @Test
    void rollbackShowsWhatItWillDoAndRefusesWithoutATerminalOrYes() throws Exception {
        assertEquals(0, run("apply", "--yes", target(), stateDir(), examples()).code());
        byte[] applied = Files.readAllBytes(tmp.resolve("server.reg"));
        ValidateCommandTest.Result r = run("rollback", target(), stateDir());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("- delete EnableVirtualIP (was REG_DWORD 1"), "the preview comes first: " + r.out());
        assertTrue(r.err().contains("not running on a terminal, so rollback cannot ask for confirmation: pass --yes"), r.err());
        assertTrue(java.util.Arrays.equals(applied, Files.readAllBytes(tmp.resolve("server.reg"))), "nothing written");
        ValidateCommandTest.Result yes = run("rollback", "--yes", target(), stateDir());
        assertEquals(0, yes.code(), yes.err());
        assertTrue(yes.out().contains("Rollback complete: "), yes.out());
    }

    @Test
    void helpFootersFitEightyColumnsSoNothingWrapsMidExample() {
        List<CommandLine> all = new java.util.ArrayList<>();
        collect(Main.fullCommandLine(), all);
        for (CommandLine c : all) {
            for (String line : c.getCommandSpec().usageMessage().footer()) {
                assertTrue(line.length() <= 80, c.getCommandSpec().qualifiedName() + ": footer line over 80 columns: " + line);
            }
            String help = c.getUsageMessage(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
            for (String example : c.getCommandSpec().usageMessage().footer()) {
                if (example.startsWith("  vipctl ")) {
                    assertTrue(help.contains(example.stripTrailing()), "example printed whole: " + example);
                }
            }
        }
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, out));
    }
}
