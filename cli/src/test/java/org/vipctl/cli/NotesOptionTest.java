package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text output lists notes only with {@code --notes} (or when they fail the run); summaries count
 * them either way, and JSON carries them always.
 */
class NotesOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static ValidateCommandTest.Result run(String... args) {
        return ValidateCommandTest.run(args);
    }

    private static String invalid(String name) {
        return ValidateCommandTest.examples().resolve("invalid").resolve(name).toString();
    }

    private static List<String> noteLines(String text) {
        return text.lines().filter(l -> l.matches(".*:\\d+:\\d+: note: .* \\[VIP\\d{3}]")).toList();
    }

    /** The text without the note lines and the hint line under each. */
    private static List<String> withoutNotes(String text) {
        List<String> kept = new ArrayList<>();
        boolean inNote = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("    hint: ") && inNote) {
                continue;
            }
            inNote = line.matches(".*:\\d+:\\d+: note: .*");
            if (!inNote) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static String last(String text) {
        return text.lines().reduce((a, b) -> b).orElseThrow();
    }

    /** A store from compile --emit admx whose de-DE folder lacks the template's ADML: a VIP090 note. */
    static Path admxStoreWithANote(Path tmp) throws IOException {
        ValidateCommandTest.Result compile = run("compile", "--emit", "admx", "-o", tmp.resolve("out").toString(),
                ValidateCommandTest.examples().toString());
        assertEquals(0, compile.code(), compile.err());
        Path store = tmp.resolve("out/admx");
        Files.delete(store.resolve("de-DE/VipctlVirtualIP.adml"));
        Files.writeString(store.resolve("de-DE/Unrelated.adml"), "<policyDefinitionResources"
                + " xmlns=\"http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions\" revision=\"1.0\""
                + " schemaVersion=\"1.0\"><displayName/><description/><resources/></policyDefinitionResources>");
        return store;
    }

    @Test
    void validateListsNotesWithNotesAndCountsThemEitherWay() throws IOException {
        String examples = ValidateCommandTest.examples().resolve("invalid").toString();
        ValidateCommandTest.Result quiet = run("validate", examples);
        ValidateCommandTest.Result listed = run("validate", "--notes", examples);
        assertEquals(1, quiet.code());
        assertEquals(quiet.code(), listed.code(), "--notes changes what is listed, not the outcome");
        assertEquals(List.of(), noteLines(quiet.out()), quiet.out());
        List<String> notes = noteLines(listed.out());
        assertFalse(notes.isEmpty(), listed.out());
        assertTrue(notes.stream().anyMatch(l -> l.contains("loopback-without-targets.yaml:2:1: note: no targets.os listed")
                && l.endsWith("[VIP043]")), notes::toString);
        assertTrue(listed.out().contains("    hint: add targets: {os: [windowsServer2022]}\n"), "a listed note keeps its hint");

        // the same findings apart from the notes, and the same counts: the summary says the notes were left out
        List<String> quietLines = quiet.out().lines().toList();
        List<String> listedOthers = withoutNotes(listed.out());
        assertEquals(listedOthers.subList(0, listedOthers.size() - 1), quietLines.subList(0, quietLines.size() - 1));
        String n = notes.size() + " note" + (notes.size() == 1 ? "" : "s");
        assertTrue(last(listed.out()).matches("invalid: .*; \\d+ errors, \\d+ warnings?, " + n), last(listed.out()));
        assertEquals(last(listed.out()) + " (not listed; --notes lists " + (notes.size() == 1 ? "it" : "them") + ")",
                last(quiet.out()));

        JsonNode json = JSON.readTree(run("validate", "--format", "json", examples).out());
        assertEquals(notes.size(), json.at("/summary/notes").asInt());
        assertEquals(notes.size(), json.get("diagnostics").findValuesAsText("severity").stream().filter("note"::equals).count(),
                "JSON carries every note without --notes");
        JsonNode sarif = JSON.readTree(run("validate", "--format", "sarif", examples).out());
        assertEquals(notes.size(), sarif.at("/runs/0/results").findValuesAsText("level").stream().filter("note"::equals).count(),
                "so does SARIF");
    }

    @Test
    void notesThatFailTheRunAreListed() throws IOException {
        String file = invalid("loopback-without-targets.yaml");
        ValidateCommandTest.Result passing = run("validate", file);
        assertEquals(0, passing.code(), passing.out());
        assertEquals(List.of(), noteLines(passing.out()));
        assertEquals("valid: 1 policy; 0 errors, 1 warning, 1 note (not listed; --notes lists it)", last(passing.out()));

        ValidateCommandTest.Result failing = run("validate", "--fail-on", "note", file);
        assertEquals(1, failing.code(), failing.out());
        assertEquals(1, noteLines(failing.out()).size(), failing.out());
        assertTrue(noteLines(failing.out()).get(0).endsWith(": note: no targets.os listed: operating system support is not"
                + " checked [VIP043]"), failing.out());
        assertEquals("failed (--fail-on note): 1 policy; 0 errors, 1 warning, 1 note", last(failing.out()));

        ValidateCommandTest.Result warningBar = run("validate", "--fail-on", "warning", file);
        assertEquals(1, warningBar.code());
        assertEquals(List.of(), noteLines(warningBar.out()), "a note below the bar stays unlisted: " + warningBar.out());

        // the project file's failOn: note is the same bar
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Files.copy(Path.of(file), dir.resolve("policy.yaml"));
        Files.writeString(dir.resolve(".vipctl.yaml"), "failOn: note\n");
        ValidateCommandTest.Result project = run("validate", dir.toString());
        assertEquals(1, project.code(), project.out());
        assertEquals(1, noteLines(project.out()).size(), project.out());
        assertTrue(last(project.out()).startsWith("failed (--fail-on note): "), project.out());
    }

    @Test
    void admxLintListsNotesWithNotes() throws IOException {
        Path store = admxStoreWithANote(tmp);
        ValidateCommandTest.Result quiet = run("admx", "lint", store.toString());
        ValidateCommandTest.Result listed = run("admx", "lint", "--notes", store.toString());
        assertEquals(0, quiet.code(), quiet.out());
        assertEquals(0, listed.code(), listed.out());
        assertEquals(List.of(), noteLines(quiet.out()), quiet.out());
        List<String> notes = noteLines(listed.out());
        assertEquals(1, notes.size(), listed.out());
        assertTrue(notes.get(0).contains("1 template has no de-DE ADML (VipctlVirtualIP)") && notes.get(0).endsWith("[VIP090]"),
                notes.get(0));
        assertTrue(last(quiet.out()).endsWith(", 1 note (not listed; --notes lists it)"), quiet.out());
        assertEquals(last(quiet.out()), last(listed.out()) + " (not listed; --notes lists it)");
        List<String> others = withoutNotes(listed.out());
        List<String> quietLines = quiet.out().lines().toList();
        assertEquals(others.subList(0, others.size() - 1), quietLines.subList(0, quietLines.size() - 1));
        JsonNode json = JSON.readTree(run("admx", "lint", "--format", "json", store.toString()).out());
        assertEquals(1, json.at("/summary/notes").asInt());
    }

    @Test
    void commandsThatPrintFindingsOnStandardErrorCountTheNotesTheyLeaveOut() throws IOException {
        String file = invalid("loopback-without-targets.yaml");
        String counted = "1 note (not listed; --notes lists it)";

        ValidateCommandTest.Result plan = run("plan", "--target", "regfile:" + tmp.resolve("a.reg"), file);
        assertEquals(0, plan.code(), plan.err());
        assertEquals(List.of(counted), plan.err().lines().toList());
        ValidateCommandTest.Result planNotes = run("plan", "--notes", "--target", "regfile:" + tmp.resolve("a.reg"), file);
        assertEquals(1, noteLines(planNotes.err()).size(), planNotes.err());
        assertFalse(planNotes.err().contains(counted), planNotes.err());
        assertEquals(plan.out(), planNotes.out(), "the plan itself is the same");

        ValidateCommandTest.Result report = run("report", "-o", tmp.resolve("r.md").toString(), file);
        assertEquals(0, report.code(), report.err());
        assertEquals(List.of(counted), report.err().lines().toList());
        assertTrue(Files.readString(tmp.resolve("r.md")).contains("VIP043"), "the report itself names the note");
        ValidateCommandTest.Result reportNotes = run("report", "--notes", "-o", tmp.resolve("r.md").toString(), file);
        assertEquals(1, noteLines(reportNotes.err()).size(), reportNotes.err());

        Path reg = tmp.resolve("x.reg");
        Files.writeString(reg, "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP]\r\n"
                + "\"EnableVirtualIP\"=dword:00000000\r\n\"VIPAdapter\"=\"192.0.2.96/24\"\r\n");
        ValidateCommandTest.Result imported = run("import", "--stdout", reg.toString());
        assertEquals(0, imported.code(), imported.err());
        assertEquals(List.of(), noteLines(imported.err()), imported.err());
        assertTrue(imported.err().startsWith("2 notes (not listed; --notes lists them)\n"), imported.err());
        ValidateCommandTest.Result importedNotes = run("import", "--notes", "--stdout", reg.toString());
        assertEquals(2, noteLines(importedNotes.err()).size(), importedNotes.err());
        assertTrue(importedNotes.err().contains("[VIP100]"), importedNotes.err());
        assertEquals(imported.out(), importedNotes.out(), "the same policy either way");

        // invalid policies: the closing line counts the notes left out
        ValidateCommandTest.Result compile = run("compile", "-o", tmp.resolve("out").toString(),
                file, invalid("program-names.yaml"));
        assertEquals(1, compile.code());
        assertEquals(List.of(), noteLines(compile.err()), compile.err());
        assertTrue(last(compile.err()).matches("nothing written: \\d+ errors?, \\d+ warnings?, 1 note \\(not listed; --notes lists it\\)"),
                compile.err());
    }

    @Test
    void everyCommandThatListsFindingsHasTheSameOption() {
        picocli.CommandLine cli = Main.fullCommandLine();
        String description = null;
        for (String path : List.of("validate", "compile", "report", "plan", "apply", "publish", "import", "admx lint")) {
            picocli.CommandLine c = cli;
            for (String name : path.split(" ")) {
                c = c.getSubcommands().get(name);
            }
            picocli.CommandLine.Model.OptionSpec o = c.getCommandSpec().findOption("--notes");
            assertTrue(o != null && o.arity().max() == 0, path + " has the flag --notes");
            String d = String.join(" ", o.description());
            assertTrue(description == null || description.equals(d), path + ": " + d);
            description = d;
        }
    }
}
