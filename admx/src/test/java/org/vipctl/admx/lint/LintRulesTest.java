package org.vipctl.admx.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.admx.AdmxXml;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.admx.AdmxEmitter;
import org.vipctl.emit.admx.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each lint rule against a store vipctl wrote, broken in one place. */
class LintRulesTest {

    @TempDir
    Path tmp;
    Path store;

    @BeforeEach
    void writeStore() throws IOException {
        Diagnostics d = new Diagnostics();
        Fixtures.emit(new AdmxEmitter(), Catalog.builtIn(), List.of(), d).writeTo(tmp);
        store = tmp.resolve("admx");
    }

    private LintResult lint(Path... paths) {
        return new AdmxLinter(false).lint(List.of(paths));
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = store.resolve(file);
        String s = Files.readString(p, StandardCharsets.UTF_8);
        assertTrue(s.contains(from), () -> file + " lacks " + from);
        Files.writeString(p, s.replace(from, to), StandardCharsets.UTF_8);
    }

    private static List<Diagnostic> errors(LintResult r, String rule) {
        return r.diagnostics().stream().filter(d -> d.isError() && d.ruleId().equals(rule)).collect(Collectors.toList());
    }

    @Test
    void cleanStoreHasNoDiagnostics() {
        LintResult r = lint(store);
        assertEquals(List.of(), r.diagnostics());
        assertEquals(List.of("de-DE", "en-US"), r.languages());
    }

    @Test
    void missingStringIsReportedPerLanguageWithLocation() throws IOException {
        edit("de-DE/VipctlVirtualIP.adml", "<string id=\"Citrix_PreferLoopback\">", "<string id=\"Citrix_PreferLoopbackX\">");
        LintResult r = lint(store);
        List<Diagnostic> e = errors(r, "VIP085");
        assertEquals(1, e.size(), r.diagnostics()::toString);
        assertTrue(e.get(0).message().contains("$(string.Citrix_PreferLoopback)"));
        assertTrue(e.get(0).message().contains("de-DE"));
        assertTrue(e.get(0).location().file().endsWith("VipctlVirtualIP.admx"));
        assertTrue(e.get(0).location().line() > 1);
    }

    @Test
    void presentationControlMustMatchElementKind() throws IOException {
        edit("en-US/VipctlVirtualIP.adml", "<multiTextBox refId=\"PreferLoopbackProcesses\">",
                "<decimalTextBox refId=\"PreferLoopbackProcesses\">");
        edit("en-US/VipctlVirtualIP.adml", "</multiTextBox>", "</decimalTextBox>");
        LintResult r = lint(store);
        List<Diagnostic> e = errors(r, "VIP086");
        assertEquals(1, e.size(), r.diagnostics()::toString);
        assertTrue(e.get(0).message().contains("decimalTextBox cannot show element 'PreferLoopbackProcesses'"));
        assertTrue(e.get(0).location().file().endsWith("VipctlVirtualIP.adml"));
    }

    @Test
    void presentationRefIdMustNameAnElement() throws IOException {
        edit("en-US/VipctlVirtualIP.adml", "refId=\"PreferLoopbackProcesses\"", "refId=\"Processes\"");
        LintResult r = lint(store);
        assertEquals(1, errors(r, "VIP086").size(), r.diagnostics()::toString);
        assertTrue(r.diagnostics().stream().anyMatch(d -> !d.isError() && d.message().contains("has no control")));
    }

    @Test
    void unknownPrefixAndUnknownCategoryAreErrors() throws IOException {
        edit("VipctlVirtualIP.admx", "<parentCategory ref=\"RdsLoopbackVirtualization\"/>",
                "<parentCategory ref=\"terminalserver:TS_APP_COMPATIBILITY\"/>");
        edit("VipctlVirtualIP.admx", "<parentCategory ref=\"CitrixVirtualLoopback\"/>",
                "<parentCategory ref=\"CitrixLoopback\"/>");
        LintResult r = lint(store);
        List<String> msgs = errors(r, "VIP084").stream().map(Diagnostic::message).toList();
        assertEquals(2, msgs.size(), msgs::toString);
        assertTrue(msgs.stream().anyMatch(m -> m.contains("prefix 'terminalserver'")));
        assertTrue(msgs.stream().anyMatch(m -> m.contains("category 'CitrixLoopback' is not defined")));
    }

    @Test
    void duplicateTargetNamespaceAcrossFoldersIsAnError() throws IOException {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy.resolve("en-US"));
        Files.copy(store.resolve("VipctlVirtualIP.admx"), copy.resolve("Other.admx"));
        Files.copy(store.resolve("en-US/VipctlVirtualIP.adml"), copy.resolve("en-US/Other.adml"));
        LintResult r = lint(store, copy);
        List<Diagnostic> e = errors(r, "VIP082");
        assertEquals(1, e.size(), r.diagnostics()::toString);
        assertTrue(e.get(0).message().contains("Vipctl.Policies.VirtualIP"));
        assertEquals(1, e.get(0).related().size());
    }

    @Test
    void invalidIdsAndDuplicatesAreErrors() throws IOException {
        edit("VipctlVirtualIP.admx", "<category name=\"CitrixVirtualLoopback\"", "<category name=\"Citrix.Loopback\"");
        edit("VipctlVirtualIP.admx", "<policy name=\"Citrix_PreferLoopback\"", "<policy name=\"RDS_VirtualizeLoopbackAddresses\"");
        LintResult r = lint(store);
        assertFalse(errors(r, "VIP087").isEmpty(), r.diagnostics()::toString);
        assertTrue(errors(r, "VIP087").get(0).message().contains("'Citrix.Loopback'"));
        assertEquals(1, errors(r, "VIP088").size(), r.diagnostics()::toString);
    }

    @Test
    void admlRevisionBelowMinRequiredRevision() throws IOException {
        edit("VipctlVirtualIP.admx", "minRequiredRevision=\"1.0\"", "minRequiredRevision=\"1.2\"");
        LintResult r = lint(store);
        assertEquals(2, errors(r, "VIP089").size(), r.diagnostics()::toString);
    }

    @Test
    void missingAdmlInOneLanguageFallsBackButNoneAtAllIsAnError() throws IOException {
        Files.delete(store.resolve("de-DE/VipctlVirtualIP.adml"));
        Files.writeString(store.resolve("de-DE/Unrelated.adml"), "<policyDefinitionResources xmlns=\""
                + AdmxXml.NS + "\" revision=\"1.0\" schemaVersion=\"1.0\"><displayName/><description/><resources/>"
                + "</policyDefinitionResources>");
        LintResult r = lint(store);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.ruleId().equals("VIP090") && d.message().contains("falls back")));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.ruleId().equals("VIP091")));
        Files.delete(store.resolve("en-US/VipctlVirtualIP.adml"));
        assertEquals(1, errors(lint(store), "VIP090").size());
    }

    @Test
    void malformedXmlIsALocatedErrorAndOtherFilesAreStillChecked() throws IOException {
        edit("en-US/VipctlVirtualIP.adml", "</stringTable>", "</stringTabel>");
        LintResult r = lint(store);
        List<Diagnostic> e = errors(r, "VIP080");
        assertEquals(1, e.size(), r.diagnostics()::toString);
        assertTrue(e.get(0).location().line() > 1);
        assertEquals(3, r.admlFiles() + r.admxFiles());
    }

    @Test
    void unknownContentIsAWarningNotAFailure() throws IOException {
        edit("VipctlVirtualIP.admx", "<policies>", "<futureThing a=\"1\"/><policies>");
        LintResult r = lint(store);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.ruleId().equals("VIP081") && d.location().line() > 0),
                r.diagnostics()::toString);
    }

    @Test
    void folderWithoutTemplatesIsAnError() throws IOException {
        LintResult r = lint(Files.createDirectories(tmp.resolve("empty")));
        assertEquals(1, errors(r, "VIP080").size(), r.diagnostics()::toString);
        assertTrue(errors(r, "VIP080").get(0).message().contains("no .admx files"));
    }

    @Test
    void missingPathIsAnError() {
        LintResult r = lint(tmp.resolve("nope"));
        assertEquals(1, errors(r, "VIP080").size());
    }
}
