package org.vipctl.gpo;

import org.vipctl.apply.Applier;
import org.vipctl.apply.ApplyResult;
import org.vipctl.apply.Backup;
import org.vipctl.apply.BackupStore;
import org.vipctl.apply.Rollback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vipctl.plan.Fixtures.POLICY_VIP;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.catalog.Catalog;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.plan.Fixtures;
import org.vipctl.plan.HostFacts;
import org.vipctl.plan.Plan;
import org.vipctl.plan.Planner;
import org.vipctl.target.RegistryException;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;

class LocalGpoRegistryTest {

    @TempDir
    Path gpo;

    private static final RegKey CITRIX_POLICY = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Wow6432Node\\Citrix\\VIP");

    /** A GPO someone else manages too: one foreign record before and one after ours. */
    private void seed() throws Exception {
        PolFile f = new PolFile(List.of(
                PolRecord.value("Software\\Policies\\Other", "Keep", new RegValue.Dword(5)),
                PolRecord.value(POLICY_VIP.path(), "EnableVirtualIP", new RegValue.Dword(0)),
                PolRecord.deleteValue(POLICY_VIP.path(), "VirtualMode"),
                PolRecord.value("Software\\Policies\\Other", "Last", new RegValue.Sz("x"))));
        Files.createDirectories(gpo.resolve("Machine"));
        Files.write(gpo.resolve("Machine/Registry.pol"), f.toBytes());
        Files.write(gpo.resolve("gpt.ini"), "[General]\r\nVersion=65537\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsWhatTheRegistryPolSetsWithDeletionsAsAbsent() throws Exception {
        seed();
        LocalGpoRegistry reg = LocalGpoRegistry.open(gpo);
        assertEquals("local-gpo:" + gpo.toAbsolutePath(), reg.target());
        assertEquals(Optional.of(new RegValue.Dword(0)), reg.read(POLICY_VIP, "enablevirtualip"));
        assertEquals(Optional.empty(), reg.read(POLICY_VIP, "VirtualMode"));
        assertTrue(reg.keyExists(new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Policies")));
        assertFalse(reg.keyExists(new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Contoso")));
    }

    @Test
    void writeReplacesInPlaceBumpsTheComputerVersionAndDeleteUndoesACreate() throws Exception {
        seed();
        byte[] original = Files.readAllBytes(gpo.resolve("Machine/Registry.pol"));
        LocalGpoRegistry reg = LocalGpoRegistry.open(gpo);
        reg.write(POLICY_VIP, "EnableVirtualIP", new RegValue.Dword(1));
        List<PolRecord> records = PolReader.read(gpo.resolve("Machine/Registry.pol")).records();
        assertEquals(4, records.size());
        assertEquals("EnableVirtualIP", ((PolRecord.Value) records.get(1)).name(), "replaced where it was");
        assertEquals(Optional.of(new RegValue.Dword(1)), reg.read(POLICY_VIP, "EnableVirtualIP"));
        GptIni ini = GptIni.parse(Files.readAllBytes(gpo.resolve("gpt.ini")));
        assertEquals(1, ini.userVersion());
        assertEquals(2, ini.computerVersion());
        assertTrue(ini.machineExtensionNames().contains("{35378EAC-683F-11D2-A89A-00C04FBBCFA2}"));

        reg.write(CITRIX_POLICY, "PreferLoopback", new RegValue.Dword(1));
        reg.delete(CITRIX_POLICY, "PreferLoopback");
        reg.write(POLICY_VIP, "EnableVirtualIP", new RegValue.Dword(0));
        assertArrayEquals(original, Files.readAllBytes(gpo.resolve("Machine/Registry.pol")), "foreign records untouched");
    }

    @Test
    void thirtyTwoBitViewKeysGoInAsWow6432NodePaths() {
        LocalGpoRegistry reg = LocalGpoRegistry.open(gpo.resolve("new"));
        reg.write(Fixtures.CITRIX_VIP, "PreferLoopbackProcesses", new RegValue.MultiSz(List.of("softphone.exe")));
        assertEquals(Optional.of(new RegValue.MultiSz(List.of("softphone.exe"))),
                reg.read(CITRIX_POLICY, "PreferLoopbackProcesses"));
        assertTrue(Files.isRegularFile(gpo.resolve("new/Machine/Registry.pol")));
        RegistryException e = assertThrows(RegistryException.class, () -> reg.write(
                new RegKey(Hive.HKCU, View.BIT64, "Software\\X"), "a", new RegValue.Dword(1)));
        assertTrue(e.getMessage().contains("HKLM"), e.getMessage());
    }

    @Test
    void applyTwiceAndRollBackThroughTheGpo() throws Exception {
        seed();
        byte[] original = Files.readAllBytes(gpo.resolve("Machine/Registry.pol"));
        RegistryState desired = new RegistryState(Scope.POLICY, List.of(
                Fixtures.set(POLICY_VIP, "EnableVirtualIP", new RegValue.Dword(1), "rds.ipVirtualization.enabled"),
                Fixtures.set(POLICY_VIP, "PromptOnIPLeaseFail", new RegValue.Dword(1), "rds.ipVirtualization.promptOnIpLeaseFail"),
                Fixtures.set(CITRIX_POLICY, "PreferLoopback", new RegValue.Dword(1), "citrix.preferLoopback.enabled")));
        Planner planner = new Planner(Catalog.builtIn(), HostFacts.unknown());
        BackupStore store = new BackupStore(gpo.resolveSibling(gpo.getFileName() + "-state"));
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        LocalGpoRegistry reg = LocalGpoRegistry.open(gpo);

        ApplyResult first = new Applier(reg, store, clock).apply(planner.plan(desired, reg), Backup.APPLY);
        assertEquals(3, first.written().size());
        int writes = reg.writes();
        Plan again = planner.plan(desired, reg);
        assertFalse(again.hasChanges());
        assertEquals(0, new Applier(reg, store, clock).apply(again, Backup.APPLY).written().size());
        assertEquals(writes, reg.writes());

        Path backup = first.backup().orElseThrow();
        RegistryState restore = Rollback.desiredState(BackupStore.load(backup), backup, reg.target());
        new Applier(reg, store, clock).apply(planner.plan(restore, reg), Backup.ROLLBACK);
        assertArrayEquals(original, Files.readAllBytes(gpo.resolve("Machine/Registry.pol")));
        assertInstanceOf(PolRecord.DeleteValue.class, PolReader.read(gpo.resolve("Machine/Registry.pol")).records().get(2));
    }

    @Test
    void aValueDeletedByPolicyComesBackAsNotConfiguredAfterRollback() throws Exception {
        seed();
        LocalGpoRegistry reg = LocalGpoRegistry.open(gpo);
        reg.write(POLICY_VIP, "VirtualMode", new RegValue.Dword(1));
        assertEquals(Optional.of(new RegValue.Dword(1)), reg.read(POLICY_VIP, "VirtualMode"));
        reg.delete(POLICY_VIP, "VirtualMode");
        assertEquals(Optional.empty(), reg.read(POLICY_VIP, "VirtualMode"));
        assertTrue(PolReader.read(gpo.resolve("Machine/Registry.pol")).records().stream()
                .noneMatch(r -> r.subject().equalsIgnoreCase("VirtualMode")), "no record about the value is left");
    }
}
