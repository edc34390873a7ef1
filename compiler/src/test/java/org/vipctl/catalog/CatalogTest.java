package org.vipctl.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;

/** User catalog files: located VIP070 errors for broken entries; overrides by id. */
class CatalogTest {

    @TempDir
    Path dir;

    private List<Diagnostic> load(String yaml) throws IOException {
        Path f = dir.resolve("user.yaml");
        Files.writeString(f, yaml);
        Diagnostics out = new Diagnostics();
        Catalog.withUserFiles(List.of(f), out);
        return out.sorted();
    }

    @Test
    void theBuiltInCatalogLoads() {
        Catalog c = Catalog.builtIn();
        assertTrue(c.byId("rds.ipVirtualization.enabled").isPresent());
        assertTrue(c.byCitrixName("VirtualLoopbackPrograms").isPresent());
    }

    @Test
    void brokenEntriesAreLocatedErrors() throws IOException {
        List<Diagnostic> ds = load("""
                settings:
                  - title: no id
                  - id: x.badType
                    type: REG_WORD
                  - id: x.noType
                    policy: {key: 'HKLM\\SOFTWARE\\X', value: V}
                  - id: x.badView
                    type: REG_DWORD
                    local: {key: 'HKLM\\SOFTWARE\\X', value: V, view: 16}
                  - id: x.sorce
                    sorce: /spec/rdsIpVirtualization/enabled
                """);
        assertEquals(5, ds.size(), ds::toString);
        ds.forEach(d -> assertEquals(Rule.CATALOG.id(), d.ruleId()));
        assertEquals(2, ds.get(0).location().line());
        assertTrue(ds.get(0).message().contains("missing required key 'id'"), ds.get(0).message());
        assertTrue(ds.get(1).message().contains("'REG_WORD'"), ds.get(1).message());
        assertEquals(4, ds.get(1).location().line());
        assertTrue(ds.get(2).message().contains("no type"), ds.get(2).message());
        assertTrue(ds.get(3).message().contains("16"), ds.get(3).message());
        assertEquals(9, ds.get(3).location().line());
        assertTrue(ds.get(4).message().contains("unknown key 'sorce'"), ds.get(4).message());
        assertEquals("did you mean 'source'?", ds.get(4).hint());
    }

    @Test
    void aSourceThatNamesNoPolicyFieldIsAnErrorAtThePointer() throws IOException {
        List<Diagnostic> ds = load("""
                settings:
                  - id: rds.ipVirtualization.programs
                    source: /spec/rdsIpVirtualisation/programs
                    type: REG_MULTI_SZ
                    local: {key: 'HKLM\\SOFTWARE\\X', value: V}
                """);
        Diagnostic d = ds.stream().filter(x -> x.ruleId().equals(Rule.CATALOG.id())).findFirst().orElseThrow();
        assertEquals(1, ds.size(), ds::toString);
        assertTrue(d.isError());
        assertEquals(3, d.location().line());
        assertEquals(13, d.location().column());
        assertTrue(d.message().contains("'rdsIpVirtualisation' is not a field of '/spec'"), d.message());
        assertTrue(d.hint().startsWith("did you mean 'rdsIpVirtualization'?"), d.hint());
    }

    @Test
    void aSourceMustFitTheSetting() throws IOException {
        List<Diagnostic> ds = load("""
                settings:
                  - id: x.list
                    source: /spec/rdsIpVirtualization/networkAdapter
                    type: REG_MULTI_SZ
                    local: {key: 'HKLM\\SOFTWARE\\X', value: A}
                  - id: x.mode
                    source: /spec/rdsIpVirtualization/mode
                    type: REG_DWORD
                    map: {perProgram: 1}
                    local: {key: 'HKLM\\SOFTWARE\\X', value: B}
                  - id: x.when
                    source: /spec/rdsIpVirtualization/enabled
                    when: [/spec/rdsIpVirtualization/mode]
                    type: REG_DWORD
                    local: {key: 'HKLM\\SOFTWARE\\X', value: C}
                  - id: x.data
                    source: /spec/rdsIpVirtualization/enabled
                    type: REG_DWORD
                    map: {"true": yes-please, "false": 0}
                    local: {key: 'HKLM\\SOFTWARE\\X', value: D}
                """);
        assertEquals(4, ds.size(), ds::toString);
        assertTrue(ds.get(0).message().contains("is text; a REG_MULTI_SZ value without a map needs a list field"),
                ds.get(0).message());
        assertTrue(ds.get(1).message().contains("no entry for perSession"), ds.get(1).message());
        assertTrue(ds.get(2).message().contains("when '/spec/rdsIpVirtualization/mode' is not a true/false field"),
                ds.get(2).message());
        assertTrue(ds.get(3).message().contains("does not fit REG_DWORD"), ds.get(3).message());
        assertEquals(19, ds.get(3).location().line());
    }

    @Test
    void theMapKeepsTheCatalogsOrder() throws IOException {
        Path f = dir.resolve("order.yaml");
        Files.writeString(f, """
                settings:
                  - id: x.order
                    source: /spec/rdsIpVirtualization/networkAdapter
                    type: REG_DWORD
                    map: {zulu: 3, alpha: 1, mike: 2, kilo: 7, bravo: 9}
                    local: {key: 'HKLM\\SOFTWARE\\X', value: V}
                """);
        Diagnostics out = new Diagnostics();
        Setting s = Catalog.withUserFiles(List.of(f), out).byId("x.order").orElseThrow();
        assertTrue(out.isEmpty(), out.sorted()::toString);
        assertEquals(List.of("zulu", "alpha", "mike", "kilo", "bravo"), List.copyOf(s.map().keySet()));
        assertEquals(new RegValue.Dword(3), s.map().get("zulu"));
    }

    @Test
    void windowsReferencesAreCheckedAgainstWhatWindowsAdmxDefines() throws IOException {
        List<Diagnostic> ds = load("""
                admxTemplate:
                  name: Site
                  namespace: Site.Policies
                  prefix: site
                  revision: "1.0"
                  categories:
                    - {name: Site, parent: windows:WindowsComponent, text: {en-US: Site}, explain: {en-US: Site settings.}}
                settings:
                  - id: site.a
                    type: REG_DWORD
                    policy: {key: 'HKLM\\SOFTWARE\\Policies\\Site', value: A}
                    admx: {policy: Site_A, category: Site, supportedOn: windows:SUPPORTED_WindowsServer2012,
                           text: {en-US: {displayName: A, explain: The A value.}}}
                  - id: site.b
                    type: REG_DWORD
                    policy: {key: 'HKLM\\SOFTWARE\\Policies\\Site', value: B}
                    admx: {policy: Site_B, category: Site, supportedOn: windows:SUPPORTED_windows_10_0_server,
                           text: {en-US: {displayName: B, explain: The B value.}}}
                """);
        assertEquals(3, ds.size(), ds::toString);
        Diagnostic parent = ds.get(0);
        assertEquals(Severity.WARNING, parent.severity());
        assertTrue(parent.message().contains("Windows.admx (Windows 11 24H2) has no category 'WindowsComponent'"),
                parent.message());
        assertTrue(parent.hint().startsWith("did you mean windows:WindowsComponents?"), parent.hint());
        Diagnostic unknown = ds.get(1);
        assertEquals(Severity.WARNING, unknown.severity());
        assertEquals(Rule.ADMX_TEMPLATE.id(), unknown.ruleId());
        assertEquals(12, unknown.location().line());
        assertTrue(unknown.message().contains("no supportedOn definition 'SUPPORTED_WindowsServer2012'"), unknown.message());
        Diagnostic caseOnly = ds.get(2);
        assertFalse(caseOnly.isError(), caseOnly::toString);
        assertTrue(caseOnly.message().contains("differs only in letter case from Windows.admx's supportedOn definition"
                + " 'SUPPORTED_Windows_10_0_SERVER'"), caseOnly.message());
    }

    @Test
    void aFileWithoutSettingsIsAnError() throws IOException {
        List<Diagnostic> ds = load("items: []\n");
        assertEquals(Rule.CATALOG.id(), ds.get(0).ruleId());
        assertTrue(ds.get(0).message().contains("'settings' list"), ds.get(0).message());
    }

    @Test
    void aUserSettingWithAnExistingIdReplacesIt() throws IOException {
        Path f = dir.resolve("override.yaml");
        Files.writeString(f, """
                settings:
                  - id: rds.ipVirtualization.programs
                    source: /spec/rdsIpVirtualization/programs
                    type: REG_MULTI_SZ
                    local: {key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP', value: AppList}
                """);
        Diagnostics out = new Diagnostics();
        Catalog c = Catalog.withUserFiles(List.of(f), out);
        assertTrue(out.isEmpty(), out.sorted()::toString);
        Setting s = c.byId("rds.ipVirtualization.programs").orElseThrow();
        assertEquals("AppList", s.local().orElseThrow().valueName());
        assertFalse(s.policy().isPresent());
        assertEquals(RegType.REG_MULTI_SZ, s.type().orElseThrow());
        assertEquals(Catalog.builtIn().settings().size(), c.settings().size());
    }

    @Test
    void controlCharactersInCatalogTextAreRefusedAtTheirPositionBeforeTheyReachAnAdmlFile() throws IOException {
        List<Diagnostic> ds = load("""
                settings:
                  - id: custom.bell
                    title: "ring \\a the bell"
                """);
        assertEquals(1, ds.size(), ds::toString);
        assertEquals(Rule.CATALOG.id(), ds.get(0).ruleId());
        assertEquals(3, ds.get(0).location().line());
        assertTrue(ds.get(0).message().contains("the control character U+0007 (character 6)"), ds.get(0).message());

        List<Diagnostic> placement = load("""
                settings:
                  - id: custom.broken
                    type: REG_DWORD
                    local: {key: 'HKLM\\SOFTWARE\\X', value: "Two\\nLines"}
                """);
        assertEquals(1, placement.size(), placement::toString);
        assertTrue(placement.get(0).message().contains("control character"), placement.get(0).message());
    }
}
