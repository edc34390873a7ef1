package org.vipctl.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.plan.Fixtures;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;
import org.vipctl.target.RegistryException;

class BackupStoreTest {

    @TempDir
    Path dir;

    private static Backup backup(String kind, String at, String target) {
        return new Backup(kind, Instant.parse(at), target, Scope.LOCAL, List.of(
                new Backup.Entry(Fixtures.LOCAL_VIP, "EnableVirtualIP", Optional.of(new RegValue.Dword(0))),
                new Backup.Entry(Fixtures.CITRIX_VIP, "PreferLoopbackProcesses", Optional.empty())));
    }

    @Test
    void savesAndLoadsExactly() {
        BackupStore store = new BackupStore(dir);
        Backup b = backup(Backup.APPLY, "2026-01-01T10:00:00Z", "windows");
        Path p = store.save(b);
        assertEquals("20260101T100000000Z-apply.json", p.getFileName().toString());
        assertEquals(b, BackupStore.load(p));
        Path second = store.save(b);
        assertNotEquals(p, second, "same instant: a new file, never an overwrite");
    }

    @Test
    void latestIsTheNewestApplyBackupOfTheTarget() {
        BackupStore store = new BackupStore(dir);
        store.save(backup(Backup.APPLY, "2026-01-01T10:00:00Z", "windows"));
        Path newest = store.save(backup(Backup.APPLY, "2026-01-02T10:00:00Z", "windows"));
        store.save(backup(Backup.ROLLBACK, "2026-01-03T10:00:00Z", "windows"));
        store.save(backup(Backup.APPLY, "2026-01-04T10:00:00Z", "regfile:/x.reg"));
        assertEquals(Optional.of(newest), store.latest("windows"));
        assertEquals(Optional.empty(), store.latest("regfile:/other.reg"));
        assertEquals(Optional.empty(), new BackupStore(dir.resolve("missing")).latest("windows"));
    }

    @Test
    void aBrokenBackupIsAnErrorNamingTheFile() throws Exception {
        Path p = dir.resolve("x.json");
        com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper()
                .readTree("{\"format_version\":2,\"kind\":\"apply\",\"created\":\"2026-01-01T00:00:00Z\","
                + "\"target\":\"windows\",\"scope\":\"local\",\"values\":[{\"hive\":\"HKLM\",\"view\":64,\"key\":\"K\",\"name\":\"n\","
                + "\"before\":{\"type\":\"REG_DWORD\",\"data\":\"one\"}}]}");
        n.put("checksum", BackupStore.checksum(n));
        Files.writeString(p, n.toString());
        RegistryException e = assertThrows(RegistryException.class, () -> BackupStore.load(p));
        assertTrue(e.getMessage().contains("x.json") && e.getMessage().contains("REG_DWORD data must be a whole number"),
                e.getMessage());
        Files.writeString(p, "not json");
        e = assertThrows(RegistryException.class, () -> BackupStore.load(p));
        assertTrue(e.getMessage().startsWith("cannot read backup"), e.getMessage());
    }

    private Path saved(Backup b) {
        return new BackupStore(dir).save(b);
    }

    private static Backup backup(String target, RegKey key, String name) {
        return new Backup(Backup.APPLY, Instant.parse("2026-01-01T00:00:00Z"), target, Scope.LOCAL,
                List.of(new Backup.Entry(key, name, Optional.of(new RegValue.Dword(1)))));
    }

    @Test
    void aRecordChangedAfterItWasWrittenIsRefused() throws Exception {
        Path p = saved(backup("windows", new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Contoso"), "n"));
        assertEquals("n", BackupStore.load(p).entries().get(0).name());
        Files.writeString(p, Files.readString(p).replace("Contoso", "Microsoft\\\\Windows\\\\CurrentVersion\\\\Run"));
        assertTrue(Files.readString(p).contains("CurrentVersion"));
        RegistryException e = assertThrows(RegistryException.class, () -> BackupStore.load(p));
        assertTrue(e.getMessage().contains("changed since vipctl wrote it"), e.getMessage());
    }

    @Test
    void recordsAreCheckedLikePoliciesEvenWithAMatchingChecksum() {
        String[][] bad = {
            {"HKCU", "SOFTWARE\\Contoso", "n", "machine (HKLM) values only"},
            {"HKLM", "SOFTWARE\\\\Contoso", "n", "no empty key names"},
            {"HKLM", "SOFTWARE\\Contoso", "a\nb", "control characters"},
            {"HKLM", "SOFTWARE\\Contoso", "**del.n", "Group Policy directives"},
            {"HKLM", "SOFTWARE\\" + "k".repeat(256), "n", "longer than 255"},
        };
        for (String[] b : bad) {
            Path p = saved(backup("windows", new RegKey(Hive.parse(b[0]).orElseThrow(), View.BIT64, b[1]), b[2]));
            RegistryException e = assertThrows(RegistryException.class, () -> BackupStore.load(p), b[3]);
            assertTrue(e.getMessage().contains(b[3]), e.getMessage());
        }
        Path gpo = saved(backup("local-gpo:/gpo", new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Policies\\X"), "**del.n"));
        assertEquals("**del.n", BackupStore.load(gpo).entries().get(0).name(), "a GPO backup holds directive records");
    }

    @Test
    void aRecordOthersCouldWriteIsNotTrusted() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews()
                .contains("posix"));
        Path p = saved(backup("windows", new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Contoso"), "n"));
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        RegistryException e = assertThrows(RegistryException.class, () -> BackupStore.load(p));
        assertTrue(e.getMessage().contains("not trusted") && e.getMessage().contains("others may write it"), e.getMessage());
    }

    @Test
    void theNewestBackupIsChosenEvenWhenItIsDamagedSoRollbackStopsThere() throws Exception {
        BackupStore store = new BackupStore(dir);
        Path older = store.save(new Backup(Backup.APPLY, Instant.parse("2026-01-01T00:00:00Z"), "windows", Scope.LOCAL, List.of()));
        Path newer = store.save(new Backup(Backup.APPLY, Instant.parse("2026-01-02T00:00:00Z"), "windows", Scope.LOCAL, List.of()));
        Files.writeString(newer, Files.readString(newer).replace("\"local\"", "\"policy\""));
        assertEquals(Optional.of(newer), store.latest("windows"));
        assertThrows(RegistryException.class, () -> BackupStore.load(newer));
        assertEquals(0, BackupStore.load(older).entries().size());
    }
}
