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
import org.vipctl.registry.RegType;

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
                """);
        assertEquals(4, ds.size(), ds::toString);
        ds.forEach(d -> assertEquals(Rule.CATALOG.id(), d.ruleId()));
        assertEquals(2, ds.get(0).location().line());
        assertTrue(ds.get(1).message().contains("unknown registry type 'REG_WORD'"), ds.get(1).message());
        assertTrue(ds.get(2).message().contains("no type"), ds.get(2).message());
        assertTrue(ds.get(3).message().contains("64 or 32"), ds.get(3).message());
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
