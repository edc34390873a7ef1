package org.vipctl.admx.lint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.admx.AdmxEmitter;
import org.vipctl.emit.admx.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** admx lint over Microsoft's real files, alone and together with what vipctl writes. */
class ReferenceStoreLintTest {

    @Test
    void referenceStoreHasNoErrors() {
        assumeTrue(Fixtures.hasReferenceStore(), "../shared/reference/admx is not present");
        LintResult r = new AdmxLinter(false).lint(List.of(Fixtures.referenceStore()));
        assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
        assertEquals(3, r.admxFiles());
        assertEquals(3, r.admlFiles());
        assertEquals(List.of("en-US"), r.languages());
        // The three files use namespaces of ADMX files that are not part of this small store.
        Set<String> missing = r.diagnostics().stream().filter(d -> d.ruleId().equals("VIP083"))
                .map(Diagnostic::message).collect(Collectors.toSet());
        assertTrue(missing.stream().anyMatch(m -> m.contains("Microsoft.Policies.Server")), missing::toString);
        assertTrue(missing.stream().anyMatch(m -> m.contains("Microsoft.Policies.Products")), missing::toString);
        r.diagnostics().forEach(d -> assertTrue(d.location().hasPosition(), () -> "no line for " + d));
    }

    @Test
    void strictNamespacesTurnsMissingUsingNamespacesIntoErrors() {
        assumeTrue(Fixtures.hasReferenceStore(), "../shared/reference/admx is not present");
        LintResult r = new AdmxLinter(true).lint(List.of(Fixtures.referenceStore()));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.isError() && d.ruleId().equals("VIP083")));
    }

    @Test
    void generatedTemplatesLintCleanTogetherWithReferenceStore(@TempDir Path tmp) throws IOException {
        assumeTrue(Fixtures.hasReferenceStore(), "../shared/reference/admx is not present");
        Diagnostics d = new Diagnostics();
        Fixtures.emit(new AdmxEmitter(), Catalog.builtIn(), List.of(), d).writeTo(tmp);
        LintResult r = new AdmxLinter(false).lint(List.of(tmp.resolve("admx"), Fixtures.referenceStore()));
        assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
        assertEquals(4, r.admxFiles());
        assertEquals(5, r.admlFiles());
        assertTrue(r.diagnostics().stream().noneMatch(x -> x.location().file().contains("VipctlVirtualIP")),
                () -> r.diagnostics().toString());
    }
}
