package org.vipctl.admx.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Severity;
import org.vipctl.emit.admx.Fixtures;

/**
 * Templates as Windows ships them (../shared/reference/admx-quirks: AdmPwd and Search without a
 * namespace, DmaGuard with www.microsoft.com's, WindowsSandbox with the https form, Search.admx in
 * UTF-16 declaring encoding='unicode', WindowsProducts with the products tree) lint with no error,
 * alone and together with the reference store; the kind of problem each shows is tested on copies.
 */
class WindowsStoreQuirksTest {

    @TempDir
    Path tmp;

    private static Path quirks() {
        return Fixtures.repo().resolve("../shared/reference/admx-quirks").normalize();
    }

    private static void assumeQuirks() {
        assumeTrue(Files.isRegularFile(quirks().resolve("WindowsProducts.admx")),
                "../shared/reference/admx-quirks is not present");
    }

    private static LintResult lint(Path... paths) {
        return new AdmxLinter(false).lint(List.of(paths));
    }

    private static List<Diagnostic> with(LintResult r, String rule, Severity severity) {
        return r.diagnostics().stream().filter(d -> d.ruleId().equals(rule) && d.severity() == severity).toList();
    }

    /** A copy of the quirks store to edit. */
    private Path copy() throws IOException {
        Path store = tmp.resolve("store");
        try (Stream<Path> s = Files.walk(quirks())) {
            for (Path p : s.toList()) {
                Path to = store.resolve(quirks().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return store;
    }

    @Test
    void everyQuirkFileIsReadAndNoneIsAnError() {
        assumeQuirks();
        LintResult r = lint(quirks());
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertEquals(5, r.admxFiles());
        assertEquals(5, r.admlFiles());
        assertTrue(with(r, "VIP080", Severity.ERROR).isEmpty());
        assertTrue(with(r, "VIP090", Severity.ERROR).isEmpty(), "every ADMX finds its en-US ADML");
        // the products tree is read: WindowsProducts' own definitions resolve against it
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.ruleId().equals("VIP084")
                && d.location().file().endsWith("WindowsProducts.admx")), r.diagnostics()::toString);
    }

    @Test
    void eachNamespaceFormIsOneNoteThatNamesItsFiles() {
        assumeQuirks();
        List<Diagnostic> notes = with(lint(quirks()), "VIP081", Severity.NOTE);
        assertEquals(3, notes.size(), notes::toString);
        assertTrue(has(notes, "4 files use no namespace on the root element (AdmPwd.admx, Search.admx, AdmPwd.adml,"
                + " Search.adml)"), notes::toString);
        assertTrue(has(notes, "2 files use namespace http://www.microsoft.com/GroupPolicy/PolicyDefinitions on the root"
                + " element (DmaGuard.admx, DmaGuard.adml)"), notes::toString);
        assertTrue(has(notes, "2 files use namespace https://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
                + " on the root element (WindowsSandbox.admx, WindowsSandbox.adml)"), notes::toString);
        notes.forEach(n -> assertTrue(n.message().contains("Microsoft's schema uses "
                + "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"), n.message()));
        notes.forEach(n -> assertTrue(n.location().hasPosition(), n::toString));
        assertFalse(has(notes, "WindowsProducts"), "the schema's own namespace is no remark");
    }

    private static boolean has(List<Diagnostic> ds, String text) {
        return ds.stream().anyMatch(d -> d.message().contains(text));
    }

    @Test
    void utf16WithEncodingUnicodeIsReadAndItsResourcesResolve() throws IOException {
        assumeQuirks();
        byte[] b = Files.readAllBytes(quirks().resolve("Search.admx"));
        assertTrue((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE, "the fixture is UTF-16LE with a BOM");
        assertTrue(new String(b, StandardCharsets.UTF_16LE).contains("encoding='unicode'"));
        LintResult r = lint(quirks().resolve("Search.admx"));
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.ruleId().equals("VIP085")), r.diagnostics()::toString);
    }

    @Test
    void referencesIntoProductsResolveInAWholeStore() {
        assumeQuirks();
        assumeTrue(Fixtures.hasReferenceStore(), "../shared/reference/admx is not present");
        LintResult r = lint(Fixtures.referenceStore(), quirks());
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.message().contains("Microsoft.Policies.Products")),
                r.diagnostics()::toString);
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.ruleId().equals("VIP084") && d.message().contains("products:")),
                r.diagnostics()::toString);
    }

    @Test
    void aVariantNamespaceFileCopiedUnderAnotherNameIsADuplicateNamespace() throws IOException {
        assumeQuirks();
        Path store = copy();
        Files.copy(store.resolve("DmaGuard.admx"), store.resolve("DmaGuardCopy.admx"));
        Files.copy(store.resolve("en-US/DmaGuard.adml"), store.resolve("en-US/DmaGuardCopy.adml"));
        List<Diagnostic> e = with(lint(store), "VIP082", Severity.ERROR);
        assertEquals(1, e.size(), e::toString);
        assertTrue(e.get(0).location().file().endsWith("DmaGuardCopy.admx"), e.get(0).location()::toString);
        assertEquals(1, e.get(0).related().size());
    }

    @Test
    void aLanguageWithoutMicrosoftsTranslationsIsOneNote() throws IOException {
        assumeQuirks();
        Path store = copy();
        Files.createDirectories(store.resolve("de-DE"));
        Files.copy(store.resolve("en-US/DmaGuard.adml"), store.resolve("de-DE/DmaGuard.adml"));
        LintResult r = lint(store);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        assertTrue(with(r, "VIP090", Severity.WARNING).isEmpty(), r.diagnostics()::toString);
        List<Diagnostic> notes = with(r, "VIP090", Severity.NOTE);
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).message().startsWith("4 templates have no de-DE ADML (AdmPwd, Search, WindowsProducts,"
                + " WindowsSandbox); GPMC in de-DE shows them in en-US"), notes.get(0).message());
    }

    @Test
    void aReferenceThatDiffersOnlyInCaseIsAWarning() throws IOException {
        assumeQuirks();
        Path store = copy();
        Path f = store.resolve("WindowsProducts.admx");
        String s = Files.readString(f, StandardCharsets.UTF_8);
        Files.writeString(f, s.replace("<reference ref=\"WindowsInstaller20\"/>", "<reference ref=\"WINDOWSINSTALLER20\"/>"),
                StandardCharsets.UTF_8);
        LintResult r = lint(store);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        List<Diagnostic> w = with(r, "VIP084", Severity.WARNING);
        assertEquals(1, w.size(), r.diagnostics()::toString);
        assertTrue(w.get(0).message().contains("'WINDOWSINSTALLER20' differs only in letter case from 'WindowsInstaller20'"),
                w.get(0).message());
    }

    @Test
    void anUnknownElementInMicrosoftsTemplateIsAWarningAndATypoNamespaceIsRead() throws IOException {
        assumeQuirks();
        Path store = copy();
        Path f = store.resolve("WindowsSandbox.admx");
        String s = Files.readString(f, StandardCharsets.UTF_8);
        Files.writeString(f, s.replace("<policies>", "<futureThing/><policies>")
                .replace("https://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions",
                        "http://schemas.microsoft.com/GroupPolicy/2006/07/Policysecurity intelligence"), StandardCharsets.UTF_8);
        LintResult r = lint(store);
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        List<Diagnostic> w = with(r, "VIP081", Severity.WARNING).stream()
                .filter(d -> d.location().file().endsWith("WindowsSandbox.admx")).toList();
        assertEquals(2, w.size(), r.diagnostics()::toString);
        assertTrue(w.stream().anyMatch(d -> d.message().contains("none of the forms")), w::toString);
        assertTrue(w.stream().anyMatch(d -> d.message().startsWith("<futureThing> is not an element")), w::toString);
    }
}
