package org.vipctl.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.format.pol.RawRecord;
import org.vipctl.format.reg.RegFileWriter;
import org.vipctl.gpo.PolFromState;
import org.vipctl.model.TargetOs;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;

/** How values of a source become typed fields, registry entries or diagnostics. */
class ImportMappingTest {

    static final String VIP = "SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP";
    static final String LOOPBACK = "SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP";

    @TempDir
    Path dir;

    private Path pol(String name, PolRecord... records) throws Exception {
        return Imports.write(dir.resolve(name), new PolFile(List.of(records)).toBytes());
    }

    private static PolRecord dword(String key, String name, int v) {
        return PolRecord.value(key, name, new RegValue.Dword(v));
    }

    private static List<String> rules(ImportResult r) {
        return r.diagnostics().stream().map(Diagnostic::ruleId).toList();
    }

    @Test
    void catalogValuesBecomeTypedFieldsWithTheirRecordOffsets() throws Exception {
        Path f = pol("Registry.pol",
                dword(VIP, "EnableVirtualIP", 1),
                dword(VIP, "VirtualMode", 0),
                PolRecord.value(VIP, "VIPAdapter", new RegValue.Sz("192.0.2.96/24")),
                dword(LOOPBACK, "VirtualizeLoopbackAdresses", 1));
        ImportResult r = Imports.run(f.toString());
        String yaml = Imports.text(r, 0);
        assertTrue(yaml.contains("  rdsIpVirtualization:\n    # HKLM\\" + VIP + "\n"
                + "    enabled: true  # EnableVirtualIP, record at byte 8\n"), yaml);
        assertTrue(yaml.contains("    mode: perSession  # VirtualMode, record at byte "), yaml);
        assertTrue(yaml.contains("    networkAdapter: 192.0.2.96/24  # VIPAdapter"), yaml);
        assertTrue(yaml.contains("  rdsLoopbackVirtualization:\n"), yaml);
        assertFalse(yaml.contains("registry:"), yaml);
        assertEquals(4, r.imported());
        Compilation c = Imports.compile(r);
        assertTrue(c.policies().get(0).spec().rdsIpVirtualization().orElseThrow().enabled());
        long[] offsets = new PolFile(List.of(dword(VIP, "EnableVirtualIP", 1), dword(VIP, "VirtualMode", 0))).offsets();
        assertTrue(yaml.contains("record at byte " + offsets[1]), yaml);
    }

    @Test
    void disabledFormAndDeletionsComeBackAsTheyWereWritten() throws Exception {
        // what gpedit writes for a Disabled policy with elements: the off value and **del. of each element
        Path f = pol("Registry.pol",
                dword(VIP, "EnableVirtualIP", 0),
                PolRecord.deleteValue(VIP, "VirtualMode"),
                PolRecord.deleteValue(VIP, "PerApp"));
        ImportResult r = Imports.run(f.toString());
        String yaml = Imports.text(r, 0);
        assertTrue(yaml.contains("  rdsIpVirtualization:\n    # HKLM\\" + VIP + "\n    enabled: false"), yaml);
        assertTrue(yaml.contains("{key: 'HKLM\\" + VIP + "', name: PerApp, ensure: absent}"), yaml);
        assertTrue(yaml.contains("{key: 'HKLM\\" + VIP + "', name: VirtualMode, ensure: absent}"), yaml);
        Compilation c = Imports.compile(r);
        assertEquals(Imports.records(read(f)),
                Imports.records(PolFromState.records(c.registry(Scope.POLICY), Hive.HKLM)));
    }

    @Test
    void aFieldWhoseConditionIsNotMetStaysARegistryEntry() throws Exception {
        Path f = pol("Registry.pol",
                dword(VIP, "EnableVirtualIP", 0),
                PolRecord.value(VIP, "VIPAdapter", new RegValue.Sz("192.0.2.96/24")));
        ImportResult r = Imports.run(f.toString());
        String yaml = Imports.text(r, 0);
        assertTrue(yaml.contains("name: VIPAdapter, type: REG_SZ, data: 192.0.2.96/24}"), yaml);
        assertTrue(rules(r).contains("VIP100"), r.diagnostics().toString());
        assertEquals(Imports.records(read(f)),
                Imports.records(PolFromState.records(Imports.compile(r).registry(Scope.POLICY), Hive.HKLM)));
    }

    @Test
    void aTypeTheCatalogContradictsIsKeptWithItsTypeAndReported() throws Exception {
        Path f = pol("Registry.pol", PolRecord.value(VIP, "EnableVirtualIP", new RegValue.Sz("1")),
                dword(LOOPBACK, "VirtualizeLoopbackAdresses", 7));
        ImportResult r = Imports.run(f.toString());
        String yaml = Imports.text(r, 0);
        assertTrue(yaml.contains("name: EnableVirtualIP, type: REG_SZ, data: '1'}"), yaml);
        assertTrue(yaml.contains("name: VirtualizeLoopbackAdresses, type: REG_DWORD, data: 7}"), yaml);
        Diagnostic type = r.diagnostics().stream().filter(d -> d.ruleId().equals("VIP051")).findFirst().orElseThrow();
        assertTrue(type.message().startsWith("record at byte 8: 'EnableVirtualIP' is REG_SZ"), type.message());
        assertEquals(f.toString(), type.location().file());
        assertTrue(rules(r).contains("VIP012"), r.diagnostics().toString());
        assertEquals(Imports.records(read(f)),
                Imports.records(PolFromState.records(Imports.compile(r).registry(Scope.POLICY), Hive.HKLM)));
    }

    @Test
    void whatTheValidatorRefusesBecomesRegistryEntriesWithItsRuleId() throws Exception {
        Path f = pol("Registry.pol",
                dword(VIP, "EnableVirtualIP", 1),
                dword(VIP, "VirtualMode", 1),
                PolRecord.value(VIP, "PerApp", new RegValue.MultiSz(List.of("C:\\Apps\\crm.exe"))),
                PolRecord.value(VIP, "VIPAdapter", new RegValue.Sz("192.0.2.96/24")));
        ImportResult r = Imports.run(f.toString());
        String yaml = Imports.text(r, 0);
        assertFalse(yaml.contains("rdsIpVirtualization:"), yaml);
        assertTrue(yaml.contains("name: PerApp, type: REG_MULTI_SZ, data: ['C:\\Apps\\crm.exe']}"), yaml);
        assertTrue(rules(r).contains("VIP022"), r.diagnostics().toString());
        assertFalse(r.hasErrors());
        assertEquals(Imports.records(read(f)),
                Imports.records(PolFromState.records(Imports.compile(r).registry(Scope.POLICY), Hive.HKLM)));
    }

    @Test
    void keyWideDirectivesUnderCatalogKeysAreReportedOthersCounted() throws Exception {
        Path f = pol("Registry.pol",
                PolRecord.deleteAllValues(VIP),
                dword(VIP, "EnableVirtualIP", 0),
                PolRecord.deleteAllValues("SOFTWARE\\Contoso"),
                dword("SOFTWARE\\Contoso", "Port", 9000));
        ImportResult r = Imports.run(f.toString());
        assertEquals(1, r.imported());
        assertEquals(2, r.unrelated());
        assertEquals(1, r.notExpressible());
        Diagnostic d = r.diagnostics().stream().filter(x -> x.ruleId().equals("VIP101")).findFirst().orElseThrow();
        assertTrue(d.message().contains("record at byte 8") && d.message().contains("**delvals."), d.message());
        assertEquals("imported 1 value into 1 policy; 2 unrelated values left out; 1 value could not be expressed"
                + " (see the warnings)", r.summary());
    }

    @Test
    void withAllEveryMachineValueComesAlongAndCompilesBackToTheSameRecords() throws Exception {
        Path f = pol("Registry.pol",
                dword("Software\\Policies\\Contoso", "Port", 9000),
                PolRecord.value("Software\\Policies\\Contoso", "Hosts", new RegValue.MultiSz(List.of("a", "b c"))),
                PolRecord.value("Software\\Policies\\Contoso", "Blob", new RegValue.Binary(new byte[] {1, 2, (byte) 0xff})),
                PolRecord.value("Software\\Policies\\Contoso", "Big", new RegValue.Qword(-1)),
                PolRecord.value("Software\\Policies\\Contoso", "Path", new RegValue.ExpandSz("%SystemRoot%\\x")),
                PolRecord.value("Software\\Policies\\Contoso", "", new RegValue.Sz("default: value # not a comment")),
                PolRecord.deleteValue("Software\\Policies\\Contoso", "Old"),
                PolRecord.deleteValues("Software\\Policies\\Contoso", List.of("A", "B")),
                PolRecord.keyOnly("Software\\Policies\\Empty"));
        ImportResult r = Imports.run(Imports.options().withAll(true), f.toString());
        assertEquals(10, r.imported());
        assertEquals(0, r.notExpressible(), r.diagnostics().toString());
        assertTrue(Imports.text(r, 0).contains("    - {key: 'HKLM\\Software\\Policies\\Empty'}"), Imports.text(r, 0));
        Compilation c = Imports.compile(r);
        TreeSet<String> want = Imports.records(read(f));
        want.removeIf(s -> s.contains("**DeleteValues"));
        want.add(PolRecord.deleteValue("Software\\Policies\\Contoso", "A").raw().toString());
        want.add(PolRecord.deleteValue("Software\\Policies\\Contoso", "B").raw().toString());
        assertEquals(want, Imports.records(PolFromState.records(c.registry(Scope.POLICY), Hive.HKLM)));
    }

    @Test
    void dataAPolicyCannotHoldIsReportedNotMangled() throws Exception {
        Path f = pol("Registry.pol",
                PolRecord.value("SOFTWARE\\X", "None", new RegValue.None()),
                PolRecord.value("SOFTWARE\\X", "Big", new RegValue.DwordBigEndian(5)),
                PolRecord.of(new RawRecord("SOFTWARE\\X", "Cut", RegType.REG_SZ.code(), new byte[] {0, (byte) 0xd8, 0, 0})),
                PolRecord.value("SOFTWARE\\X", "Nul", new RegValue.Sz("a\0b")),
                PolRecord.value("SOFTWARE\\X", "Hole", new RegValue.MultiSz(List.of("a", "", "b"))),
                PolRecord.value("SOFTWARE\\X", "**fake", new RegValue.Dword(1)));
        ImportResult r = Imports.run(Imports.options().withAll(true), f.toString());
        assertEquals(0, r.files().size(), () -> Imports.text(r, 0));
        assertEquals(6, r.notExpressible(), r.diagnostics().toString());
        assertTrue(rules(r).containsAll(List.of("VIP012", "VIP051", "VIP052")), r.diagnostics().toString());
    }

    @Test
    void aRegFileIsReadInTheLocalScope() throws Exception {
        Compilation p = Imports.compile("""
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: crm}
                spec:
                  rdsIpVirtualization: {enabled: true, mode: perProgram, programs: [crm.exe], networkAdapter: 192.0.2.96/24}
                  citrixPreferLoopback: {enabled: false}
                """);
        Path reg = Imports.write(dir.resolve("crm.reg"), RegFileWriter.write(p.registry(Scope.LOCAL), List.of("x"), true));
        ImportResult r = Imports.run(Imports.options().withOs(List.of(TargetOs.WINDOWS_SERVER_2022)), "regfile:" + reg);
        String yaml = Imports.text(r, 0);
        assertTrue(yaml.contains("metadata:\n  name: crm\ntargets:\n  os: [windowsServer2022]\n"), yaml);
        assertTrue(yaml.contains("    programs: [crm.exe]  # PerApp, line "), yaml);
        assertTrue(yaml.contains("  citrixPreferLoopback:\n    # HKLM\\SOFTWARE\\Wow6432Node\\Citrix\\VIP\n"
                + "    enabled: false  # PreferLoopback, line "), yaml);
        assertEquals(Imports.facts(p, Scope.LOCAL), Imports.facts(Imports.compile(r), Scope.LOCAL));
    }

    @Test
    void aPolicyScopeValueInARegFileIsARegistryEntryThatWritesTheSameKey() throws Exception {
        Compilation p = Imports.compile("""
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: gp}
                spec:
                  rdsLoopbackVirtualization: {enabled: true}
                  registry:
                    - {key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP', name: EnableVirtualIP, type: REG_DWORD, data: 1}
                """);
        Path reg = Imports.write(dir.resolve("gp.reg"), RegFileWriter.write(p.registry(Scope.LOCAL), List.of(), false));
        ImportResult r = Imports.run(reg.toString());
        assertTrue(Imports.text(r, 0).contains("name: EnableVirtualIP, type: REG_DWORD, data: 1}"), Imports.text(r, 0));
        assertTrue(rules(r).contains("VIP100"));
        assertEquals(Imports.facts(p, Scope.LOCAL), Imports.facts(Imports.compile(r), Scope.LOCAL));
    }

    @Test
    void theSameSourceGivesTheSameBytes() throws Exception {
        Path f = pol("Registry.pol", dword(VIP, "EnableVirtualIP", 0), dword("SOFTWARE\\B", "b", 1),
                dword("SOFTWARE\\a", "Z", 1), dword("SOFTWARE\\a", "y", 2));
        ImportResult one = Imports.run(Imports.options().withAll(true), f.toString());
        ImportResult two = Imports.run(Imports.options().withAll(true), f.toString());
        assertEquals(Imports.text(one, 0), Imports.text(two, 0));
        String yaml = Imports.text(one, 0);
        assertTrue(yaml.indexOf("name: y,") < yaml.indexOf("name: Z,") && yaml.indexOf("name: Z,") < yaml.indexOf("SOFTWARE\\B'"), yaml);
    }

    @Test
    void namesComeFromTheSourceAndStayUnique() throws Exception {
        Path a = Imports.write(dir.resolve("One/Machine/Registry.pol"), new PolFile(List.of(dword(VIP, "EnableVirtualIP", 0))).toBytes());
        Path b = Imports.write(dir.resolve("one.pol"), new PolFile(List.of(dword(VIP, "EnableVirtualIP", 0))).toBytes());
        ImportResult r = Imports.run(a.toString(), b.toString(), dir.resolve("One").toString());
        assertEquals(List.of("One", "one-2", "One-3"), r.files().stream().map(ImportResult.File::policy).toList());
        assertEquals("crm-farm", PolicyNames.fromText(" crm  farm! "));
        assertEquals("nul-policy", PolicyNames.fromText("nul"));
        assertEquals("Basic-MSFT-Windows-10-21H2-Computer", PolicyNames.fromText("Basic - MSFT Windows 10 21H2 - Computer"));
        assertEquals("imported", PolicyNames.fromText("{}"));
    }

    @Test
    void aNameForSeveralPoliciesIsRefused() throws Exception {
        Path a = pol("a.pol", dword(VIP, "EnableVirtualIP", 0));
        Path b = pol("b.pol", dword(VIP, "EnableVirtualIP", 0));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Imports.run(Imports.options().withName(Optional.of("x")), a.toString(), b.toString()));
        assertTrue(e.getMessage().contains("--name"), e.getMessage());
    }

    @Test
    void theLiveRegistryIsReadAtTheCatalogKeysThroughTheirViews() {
        java.util.Map<String, java.util.Map<String, RegValue>> keys = new java.util.HashMap<>();
        keys.put("HKLM\\" + LOOPBACK + "|64", new java.util.LinkedHashMap<>(java.util.Map.of(
                "EnableVirtualIP", new RegValue.Dword(0), "VirtualizeLoopbackAdresses", new RegValue.Dword(1),
                "Unknown", new RegValue.Sz("x"))));
        keys.put("HKLM\\" + VIP + "|64", java.util.Map.of("EnableVirtualIP", new RegValue.Dword(1)));
        keys.put("HKLM\\SOFTWARE\\Citrix\\VIP|32", java.util.Map.of("PreferLoopback", new RegValue.Dword(0)));
        java.util.List<String> asked = new java.util.ArrayList<>();
        ListableRegistry live = new ListableRegistry() {
            public String target() {
                return "windows";
            }

            public java.util.List<String> valueNames(org.vipctl.registry.RegKey key) {
                asked.add(key.toString());
                return java.util.List.copyOf(keys.getOrDefault(key.hive() + "\\" + key.path() + "|" + key.view().bits(),
                        java.util.Map.of()).keySet());
            }

            public Optional<RegValue> read(org.vipctl.registry.RegKey key, String name) {
                return Optional.ofNullable(keys.get(key.hive() + "\\" + key.path() + "|" + key.view().bits()).get(name));
            }
        };
        ImportResult r = Imports.run(Imports.options().withWindows(() -> live), "windows");
        String yaml = Imports.text(r, 0);
        assertTrue(asked.contains("HKLM\\SOFTWARE\\Citrix\\VIP (32-bit view)"), asked.toString());
        // EnableVirtualIP is 0 at the local key and 1 at the Group Policy key: typed, the policy would write
        // both to the policy key (VIP061), so both stay registry entries, each at its own key
        assertTrue(yaml.contains("{key: 'HKLM\\" + LOOPBACK + "', name: EnableVirtualIP, type: REG_DWORD, data: 0}"), yaml);
        assertFalse(yaml.contains("rdsIpVirtualization:"), yaml);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.ruleId().equals("VIP061") && !d.isError()), r.diagnostics().toString());
        assertFalse(r.hasErrors());
        assertTrue(yaml.contains("  citrixPreferLoopback:\n    # HKLM\\SOFTWARE\\Wow6432Node\\Citrix\\VIP\n    enabled: false"), yaml);
        assertTrue(yaml.contains("{key: 'HKLM\\" + LOOPBACK + "', name: Unknown, type: REG_SZ, data: x}"), yaml);
        assertTrue(yaml.contains("{key: 'HKLM\\" + VIP + "', name: EnableVirtualIP, type: REG_DWORD, data: 1}"), yaml);
        assertTrue(rules(r).contains("VIP100"), "the Group Policy key's value is noted");
        assertTrue(yaml.contains("metadata:\n  name: windows\n"), yaml);
        Imports.compile(r);
    }

    private static PolFile read(Path f) throws Exception {
        return org.vipctl.format.pol.PolReader.read(f);
    }
}
