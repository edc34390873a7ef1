package org.vipctl.emit.gpobackup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.emit.OutputFiles;
import org.vipctl.gpo.GpoBackup;

/** What the writer writes, the GPMC backup reader that import uses reads back: the same GPO, the same registry.pol. */
class BackupReaderRoundTripTest {

    @Test
    void theReaderFindsTheGpoAndItsRegistryPol(@TempDir Path tmp) throws Exception {
        OutputFiles out = GpoBackupEmitterTest.emit(GpoBackupEmitterTest.compile("rds-farm.yaml", "loopback.yaml"));
        out.writeTo(tmp);
        List<GpoBackup> read = GpoBackup.readAll(tmp.resolve("gpo-backup"));
        assertEquals(1, read.size());
        GpoBackup b = read.get(0);
        String folder = b.folder().getFileName().toString();
        assertEquals(folder, b.backupId(), "the folder is the backup id");
        assertEquals("rds-farm, loopback", b.displayName());
        assertTrue(b.gpoGuid().matches("\\{[0-9A-F-]{36}\\}") && !b.gpoGuid().equals(b.backupId()), b.gpoGuid());
        assertTrue(b.userPol().isEmpty());
        assertArrayEquals(out.files().get("gpo-backup/" + folder + "/DomainSysvol/GPO/Machine/registry.pol"),
                Files.readAllBytes(b.machinePol().orElseThrow()));
    }
}
