package org.vipctl.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.plan.Fixtures;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;
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
        Files.writeString(p, "{\"format_version\":1,\"kind\":\"apply\",\"created\":\"2026-01-01T00:00:00Z\","
                + "\"target\":\"windows\",\"values\":[{\"hive\":\"HKLM\",\"view\":64,\"key\":\"K\",\"name\":\"n\","
                + "\"before\":{\"type\":\"REG_DWORD\",\"data\":\"one\"}}]}");
        RegistryException e = assertThrows(RegistryException.class, () -> BackupStore.load(p));
        assertTrue(e.getMessage().contains("x.json") && e.getMessage().contains("REG_DWORD data must be a whole number"),
                e.getMessage());
        Files.writeString(p, "not json");
        e = assertThrows(RegistryException.class, () -> BackupStore.load(p));
        assertTrue(e.getMessage().startsWith("cannot read backup"), e.getMessage());
    }
}
