package org.vipctl.emit.admx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.admx.AdmxXml;
import org.vipctl.admx.lint.AdmxLinter;
import org.vipctl.admx.lint.LintResult;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.OutputFiles;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The writer is a general YAML-to-ADMX compiler: a user's catalog file gets its own template. */
class UserCatalogTemplateTest {

    private static Path catalogFile(Path tmp) throws IOException {
        Path f = tmp.resolve("contoso-catalog.yaml");
        try (var in = UserCatalogTemplateTest.class.getResourceAsStream("contoso-catalog.yaml")) {
            Files.write(f, in.readAllBytes());
        }
        return f;
    }

    @Test
    void userCatalogFileBecomesItsOwnTemplate(@TempDir Path tmp) throws IOException {
        Diagnostics d = new Diagnostics();
        Catalog catalog = Catalog.withUserFiles(List.of(catalogFile(tmp)), d);
        OutputFiles out = Fixtures.emit(new AdmxEmitter(), catalog, List.of(), d);
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        assertTrue(out.files().containsKey("admx/ContosoCrm.admx"));
        assertTrue(out.files().containsKey("admx/en-US/ContosoCrm.adml"));
        assertTrue(out.files().containsKey("admx/VipctlVirtualIP.admx"), "the built-in template is still written");

        String expected = "<policyDefinitions xmlns=\"" + AdmxXml.NS + "\" revision=\"2.1\" schemaVersion=\"1.0\">"
                + "<policyNamespaces><target prefix=\"contoso\" namespace=\"Contoso.Policies.Crm\"/>"
                + "<using prefix=\"windows\" namespace=\"Microsoft.Policies.Windows\"/></policyNamespaces>"
                + "<resources minRequiredRevision=\"2.1\"/>"
                + "<categories><category name=\"ContosoCrm\" displayName=\"$(string.ContosoCrm)\""
                + " explainText=\"$(string.ContosoCrm_Help)\"><parentCategory ref=\"windows:WindowsComponents\"/>"
                + "</category></categories><policies>"
                + "<policy name=\"Contoso_CrmLoopback\" class=\"Machine\" displayName=\"$(string.Contoso_CrmLoopback)\""
                + " explainText=\"$(string.Contoso_CrmLoopback_Help)\" presentation=\"$(presentation.Contoso_CrmLoopback)\""
                + " key=\"SOFTWARE\\Policies\\Contoso\\Crm\" valueName=\"UseSessionLoopback\">"
                + "<parentCategory ref=\"ContosoCrm\"/><supportedOn ref=\"windows:SUPPORTED_Windows_10_0_SERVER\"/>"
                + "<enabledValue><decimal value=\"1\"/></enabledValue><disabledValue><decimal value=\"0\"/></disabledValue>"
                + "<elements><decimal id=\"Port\" valueName=\"Port\" required=\"true\"/>"
                + "<enum id=\"Mode\" valueName=\"Mode\">"
                + "<item displayName=\"$(string.Contoso_CrmLoopback_Mode_session)\"><value><decimal value=\"1\"/></value></item>"
                + "<item displayName=\"$(string.Contoso_CrmLoopback_Mode_shared)\"><value><decimal value=\"0\"/></value></item>"
                + "</enum><text id=\"Host\" key=\"SOFTWARE\\Policies\\Contoso\\Crm\\Server\" valueName=\"Host\"/>"
                + "<boolean id=\"Trace\" valueName=\"Trace\"><trueValue><decimal value=\"1\"/></trueValue>"
                + "<falseValue><decimal value=\"0\"/></falseValue></boolean></elements></policy></policies>"
                + "</policyDefinitions>";
        Diff diff = DiffBuilder.compare(Input.fromString(expected))
                .withTest(Input.fromByteArray(out.files().get("admx/ContosoCrm.admx")))
                .ignoreElementContentWhitespace().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), diff::toString);

        String adml = new String(out.files().get("admx/en-US/ContosoCrm.adml"), StandardCharsets.UTF_8);
        assertTrue(adml.contains("<decimalTextBox refId=\"Port\">Port:</decimalTextBox>"), adml);
        assertTrue(adml.contains("<dropdownList refId=\"Mode\" noSort=\"true\" defaultItem=\"0\">Mode:</dropdownList>"), adml);
        assertTrue(adml.contains("<label>Server host name:</label>"), adml);
        assertTrue(adml.contains("<checkBox refId=\"Trace\">Write a trace log</checkBox>"), adml);
    }

    @Test
    void userTemplateResolvesWindowsReferencesInTheReferenceStore(@TempDir Path tmp) throws IOException {
        assumeTrue(Fixtures.hasReferenceStore(), "../shared/reference/admx is not present");
        Diagnostics d = new Diagnostics();
        Catalog catalog = Catalog.withUserFiles(List.of(catalogFile(tmp)), d);
        Fixtures.emit(new AdmxEmitter(), catalog, List.of(), d).writeTo(tmp.resolve("out"));
        LintResult r = new AdmxLinter(false).lint(List.of(tmp.resolve("out/admx"), Fixtures.referenceStore()));
        assertFalse(r.hasErrors(), r.diagnostics()::toString);
        // windows:WindowsComponents and windows:SUPPORTED_Windows_10_0_SERVER resolve in Windows.admx; the
        // only remark is that this en-US-only template has no de-DE file beside the built-in one.
        List<Diagnostic> contoso = r.diagnostics().stream().filter(x -> x.location().file().contains("ContosoCrm")).toList();
        assertEquals(1, contoso.size(), contoso::toString);
        assertEquals("VIP090", contoso.get(0).ruleId());
        assertTrue(contoso.get(0).message().contains("falls back to en-US"));
    }

    @Test
    void userTemplateWithWrongWindowsReferenceFailsLint(@TempDir Path tmp) throws IOException {
        assumeTrue(Fixtures.hasReferenceStore(), "../shared/reference/admx is not present");
        Path f = catalogFile(tmp);
        Files.writeString(f, Files.readString(f).replace("SUPPORTED_Windows_10_0_SERVER", "SUPPORTED_Windows_99"));
        Diagnostics d = new Diagnostics();
        Fixtures.emit(new AdmxEmitter(), Catalog.withUserFiles(List.of(f), d), List.of(), d).writeTo(tmp.resolve("out"));
        LintResult r = new AdmxLinter(false).lint(List.of(tmp.resolve("out/admx"), Fixtures.referenceStore()));
        assertTrue(r.diagnostics().stream().anyMatch(x -> x.isError() && x.ruleId().equals("VIP084")
                && x.message().contains("windows:SUPPORTED_Windows_99")), r.diagnostics()::toString);
    }

    @Test
    void overridingABuiltInPlacementKeepsTheSettingInTheBuiltInTemplate(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("site.yaml");
        Files.writeString(f, "settings:\n"
                + "  - id: rds.loopbackVirtualization.enabled\n"
                + "    source: /spec/rdsLoopbackVirtualization/enabled\n"
                + "    type: REG_DWORD\n"
                + "    map: {\"true\": 1, \"false\": 0}\n"
                + "    policy: {key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP',"
                + " value: VirtualizeLoopbackAdresses}\n");
        Diagnostics d = new Diagnostics();
        OutputFiles out = Fixtures.emit(new AdmxEmitter(), Catalog.withUserFiles(List.of(f), d), List.of(), d);
        assertFalse(d.hasErrors(), d.sorted()::toString);
        assertEquals(3, out.files().size(), out.files().keySet()::toString);
        String admx = new String(out.files().get("admx/VipctlVirtualIP.admx"), StandardCharsets.UTF_8);
        assertTrue(admx.contains("key=\"SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP\""
                + " valueName=\"VirtualizeLoopbackAdresses\""), admx);
    }

    @Test
    void catalogFileWithoutTemplateBlockIsALocatedError(@TempDir Path tmp) throws IOException {
        Path f = catalogFile(tmp);
        String text = Files.readString(f);
        Files.writeString(f, text.substring(text.indexOf("settings:")));
        Diagnostics d = new Diagnostics();
        OutputFiles out = Fixtures.emit(new AdmxEmitter(), Catalog.withUserFiles(List.of(f), d), List.of(), d);
        List<Diagnostic> errors = d.sorted().stream().filter(Diagnostic::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("VIP092", errors.get(0).ruleId());
        assertTrue(errors.get(0).message().contains("admxTemplate"));
        assertTrue(errors.get(0).location().file().endsWith("contoso-catalog.yaml"));
        assertTrue(errors.get(0).location().line() > 0);
        assertFalse(out.files().keySet().stream().anyMatch(k -> k.contains("Contoso")));
    }

    @Test
    void elementKindThatContradictsTheRegistryTypeIsRejected(@TempDir Path tmp) throws IOException {
        Path f = catalogFile(tmp);
        Files.writeString(f, Files.readString(f).replace("elementKind: decimal", "elementKind: multiText"));
        Diagnostics d = new Diagnostics();
        Fixtures.emit(new AdmxEmitter(), Catalog.withUserFiles(List.of(f), d), List.of(), d);
        assertTrue(d.sorted().stream().anyMatch(x -> x.isError() && x.ruleId().equals("VIP092")
                && x.message().contains("'multiText' does not fit its REG_DWORD value")), d.sorted()::toString);
    }

    @Test
    void missingTranslationIsReported(@TempDir Path tmp) throws IOException {
        Path f = catalogFile(tmp);
        Files.writeString(f, Files.readString(f).replace("languages: [en-US]", "languages: [en-US, de-DE]"));
        Diagnostics d = new Diagnostics();
        Fixtures.emit(new AdmxEmitter(), Catalog.withUserFiles(List.of(f), d), List.of(), d);
        assertTrue(d.sorted().stream().anyMatch(x -> x.isError() && x.message().contains("de-DE")), d.sorted()::toString);
    }
}
