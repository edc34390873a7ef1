package org.vipctl.apply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.catalog.Catalog;
import org.vipctl.plan.Fixtures;
import org.vipctl.plan.HostFacts;
import org.vipctl.plan.Plan;
import org.vipctl.plan.Planner;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryState;
import org.vipctl.target.InMemoryRegistry;
import org.vipctl.target.RegFileRegistry;
import org.vipctl.target.Registry;
import org.vipctl.target.RegistryException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vipctl.plan.Fixtures.LOCAL_VIP;

class ApplierTest {

    @TempDir
    Path tmp;

    private final Planner planner = new Planner(Catalog.builtIn(), HostFacts.unknown());
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);

    private ApplyResult apply(Registry reg, RegistryState desired) {
        Plan plan = planner.plan(desired, reg);
        return new Applier(reg, new BackupStore(tmp.resolve("state")), clock).apply(plan, Backup.APPLY);
    }

    /** A registry with some of the desired values already right, one wrong, and the value to delete present. */
    private static InMemoryRegistry partlyConfigured() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(LOCAL_VIP, "EnableVirtualIP", new RegValue.Dword(1));
        reg.write(LOCAL_VIP, "VirtualMode", new RegValue.Dword(0));
        reg.write(new RegKey(org.vipctl.registry.Hive.HKLM, org.vipctl.registry.View.BIT64, "SOFTWARE\\Contoso\\Crm"),
                "LegacyBindAll", new RegValue.Dword(1));
        return reg;
    }

    @Test
    void writesOnlyChangesAndASecondRunWritesNothing() {
        InMemoryRegistry reg = partlyConfigured();
        int before = reg.writes();
        ApplyResult first = apply(reg, Fixtures.desired());
        assertEquals(6, first.written().size(), "4 creates, 1 update, 1 delete");
        assertEquals(1, first.unchanged());
        assertEquals("6 changed, 1 unchanged", first.summary());
        assertEquals(before + 6, reg.writes());
        assertTrue(first.backup().isPresent());

        int afterFirst = reg.writes();
        ApplyResult second = apply(reg, Fixtures.desired());
        assertEquals("0 changed, 7 unchanged", second.summary());
        assertEquals(afterFirst, reg.writes(), "no write on the second run");
        assertTrue(second.backup().isEmpty(), "nothing to back up");
    }

    @Test
    void backupHoldsEveryTouchedValueIncludingAbsentOnes() {
        InMemoryRegistry reg = partlyConfigured();
        Path file = apply(reg, Fixtures.desired()).backup().orElseThrow();
        Backup b = BackupStore.load(file);
        assertEquals("mem", b.target());
        assertEquals(Backup.APPLY, b.kind());
        assertEquals(6, b.entries().size());
        Map<String, Optional<RegValue>> byName = new java.util.HashMap<>();
        b.entries().forEach(e -> byName.put(e.name(), e.before()));
        assertEquals(Optional.of(new RegValue.Dword(0)), byName.get("VirtualMode"));
        assertEquals(Optional.empty(), byName.get("PerApp"));
        assertEquals(Optional.of(new RegValue.Dword(1)), byName.get("LegacyBindAll"));
        assertFalse(byName.containsKey("EnableVirtualIP"), "unchanged values are not touched");
    }

    @Test
    void rollbackRestoresThePreviousStateAndIsIdempotent() {
        InMemoryRegistry reg = partlyConfigured();
        Map<String, RegValue> original = reg.snapshot();
        Path file = apply(reg, Fixtures.desired()).backup().orElseThrow();
        assertFalse(reg.snapshot().equals(original));

        BackupStore store = new BackupStore(tmp.resolve("state"));
        assertEquals(Optional.of(file), store.latest("mem"));
        RegistryState restore = Rollback.desiredState(BackupStore.load(file), file, "mem");
        ApplyResult r1 = new Applier(reg, store, clock).apply(planner.plan(restore, reg), Backup.ROLLBACK);
        assertEquals(6, r1.written().size());
        assertEquals(original, reg.snapshot());

        int writes = reg.writes();
        ApplyResult r2 = new Applier(reg, store, clock).apply(planner.plan(restore, reg), Backup.ROLLBACK);
        assertEquals(0, r2.written().size());
        assertEquals(writes, reg.writes());
        assertEquals(Optional.of(file), store.latest("mem"), "a rollback's own backup is never the default");
    }

    @Test
    void rollbackRefusesABackupOfAnotherTarget() {
        InMemoryRegistry reg = partlyConfigured();
        Path file = apply(reg, Fixtures.desired()).backup().orElseThrow();
        RegistryException e = assertThrows(RegistryException.class,
                () -> Rollback.desiredState(BackupStore.load(file), file, "regfile:/other.reg"));
        assertTrue(e.getMessage().contains("made for target mem"), e.getMessage());
    }

    @Test
    void aFailedWriteRestoresEverythingAlreadyWrittenForEveryK() {
        for (int k = 1; k <= 6; k++) {
            InMemoryRegistry reg = partlyConfigured();
            Map<String, RegValue> original = reg.snapshot();
            FailingRegistry failing = new FailingRegistry(reg, k);
            ApplyFailed e = assertThrows(ApplyFailed.class, () -> apply(failing, Fixtures.desired()), "k=" + k);
            assertEquals(original, reg.snapshot(), "state after failure at write " + k);
            assertEquals(k - 1, e.restored().size(), "k=" + k + ": " + e.getMessage());
            assertTrue(e.notRestored().isEmpty());
            assertTrue(e.getMessage().contains("access denied (injected)"), e.getMessage());
            if (k > 1) {
                assertTrue(e.getMessage().contains("Restored " + (k - 1) + " value(s) from backup"), e.getMessage());
            } else {
                assertTrue(e.getMessage().contains("Nothing had been changed"), e.getMessage());
            }
        }
    }

    @Test
    void aFailedWriteOnAFileTargetLeavesTheFileByteForByte() throws Exception {
        Path file = tmp.resolve("state.reg");
        RegFileRegistry seed = RegFileRegistry.open(file);
        seed.write(LOCAL_VIP, "VirtualMode", new RegValue.Dword(0));
        seed.write(LOCAL_VIP, "VirtualizeLoopbackAdresses", new RegValue.Sz("1"));
        byte[] before = Files.readAllBytes(file);
        for (int k = 1; k <= 6; k++) {
            RegFileRegistry reg = RegFileRegistry.open(file);
            int failAt = k;
            assertThrows(ApplyFailed.class, () -> apply(new FailingRegistry(reg, failAt), Fixtures.desired()));
            assertArrayEquals(before, Files.readAllBytes(file), "k=" + k);
        }
    }

    @Test
    void aReadBackMismatchCountsAsAFailedWrite() {
        InMemoryRegistry reg = partlyConfigured();
        Map<String, RegValue> original = reg.snapshot();
        Registry lying = new Registry() {
            public String target() { return reg.target(); }
            public Optional<RegValue> read(RegKey k, String n) {
                Optional<RegValue> v = reg.read(k, n);
                return n.equals("PerApp") && v.isPresent() ? Optional.of(new RegValue.MultiSz(List.of("crm.exe"))) : v;
            }
            public boolean keyExists(RegKey k) { return reg.keyExists(k); }
            public void write(RegKey k, String n, RegValue v) { reg.write(k, n, v); }
            public void delete(RegKey k, String n) { reg.delete(k, n); }
        };
        ApplyFailed e = assertThrows(ApplyFailed.class, () -> apply(lying, Fixtures.desired()));
        assertTrue(e.getMessage().contains("read-back of HKLM\\SYSTEM"), e.getMessage());
        assertTrue(e.getMessage().contains("PerApp"), e.getMessage());
        assertEquals(original, reg.snapshot());
    }

    @Test
    void noBackupNoWrite() throws Exception {
        InMemoryRegistry reg = partlyConfigured();
        int before = reg.writes();
        Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
        Applier applier = new Applier(reg, new BackupStore(notADirectory), clock);
        RegistryException e = assertThrows(RegistryException.class,
                () -> applier.apply(planner.plan(Fixtures.desired(), reg), Backup.APPLY));
        assertTrue(e.getMessage().startsWith("cannot save the backup in ") && e.getMessage().endsWith("; nothing was written"),
                e.getMessage());
        assertEquals(before, reg.writes());
    }
}
