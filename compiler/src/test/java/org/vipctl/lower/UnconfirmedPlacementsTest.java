package org.vipctl.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Severity;
import org.vipctl.load.YamlLoader;
import org.vipctl.registry.Scope;

/** Values written to a place the catalog marks unconfirmed are said once per setting and scope. */
class UnconfirmedPlacementsTest {

    private static final String POLICY = """
            apiVersion: vipctl/v1
            kind: VipPolicy
            metadata: {name: farm}
            targets: {os: [windowsServer2022]}
            spec:
              rdsIpVirtualization:
                enabled: true
                programs: [crm.exe, cti.exe]
                networkAdapter: 192.0.2.96/24
              rdsLoopbackVirtualization: {enabled: true}
            """;

    private static Compilation compile(Catalog catalog) {
        Diagnostics d = new Diagnostics();
        Compilation c = Compilation.of(new YamlLoader().parse("farm.yaml", POLICY.getBytes(StandardCharsets.UTF_8), d),
                catalog, d);
        assertTrue(!d.hasErrors(), d.sorted()::toString);
        return c;
    }

    @Test
    void perAppInTheLocalScopeIsANoteAtTheProgramsLine() {
        Compilation c = compile(Catalog.builtIn());
        List<Diagnostic> notes = UnconfirmedPlacements.notes(c.catalog(), c.registry(Scope.LOCAL));
        assertEquals(1, notes.size(), notes::toString);
        Diagnostic n = notes.get(0);
        assertEquals(Severity.NOTE, n.severity());
        assertEquals("VIP071", n.ruleId());
        assertTrue(n.message().startsWith("(local scope) PerApp is written to HKLM\\SYSTEM\\CurrentControlSet\\Control"
                + "\\Terminal Server\\TSAppSrv\\VirtualIP, a place Microsoft does not document: "), n.message());
        assertTrue(n.hint().contains("--catalog"), n.hint());
        assertEquals(8, n.location().line());
    }

    @Test
    void thePolicyScopeHasItsOwnUnconfirmedPlacements() {
        Compilation c = compile(Catalog.builtIn());
        List<UnconfirmedPlacements.Found> found = UnconfirmedPlacements.in(c.catalog(), c.registry(Scope.POLICY));
        assertEquals(List.of("rds.loopbackVirtualization.enabled"), found.stream().map(f -> f.setting().id()).toList());
    }

    @Test
    void anOverrideWithoutUnconfirmedEndsTheNote(@TempDir Path tmp) throws IOException {
        Path site = tmp.resolve("site.yaml");
        Files.writeString(site, """
                settings:
                  - id: rds.ipVirtualization.programs
                    vendor: microsoft
                    source: /spec/rdsIpVirtualization/programs
                    when: [/spec/rdsIpVirtualization/enabled]
                    type: REG_MULTI_SZ
                    policy: {key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP', value: PerApp}
                    local: {key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP', value: PerApp}
                """);
        Diagnostics d = new Diagnostics();
        Catalog catalog = Catalog.withUserFiles(List.of(site), d);
        assertTrue(d.isEmpty(), d.sorted()::toString);
        Compilation c = compile(catalog);
        assertEquals(List.of(), UnconfirmedPlacements.notes(c.catalog(), c.registry(Scope.LOCAL)));
    }
}
