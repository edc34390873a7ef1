package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollback restores exactly the values its backup lists, and only from a backup vipctl wrote: an
 * edited record is refused; every other byte of the target stays as it is.
 */
class RollbackTrustTest {

    private static final String SEED = "Windows Registry Editor Version 5.00\r\n\r\n"
            + "; kept by the image build\r\n"
            + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Empty]\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Crm]\r\n"
            + "\"Other\"=\"x\"\r\n"
            + "; the old listener\r\n"
            + "\"LegacyBindAll\"=dword:00000001\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Fabrikam]\r\n"
            + "\"Keep\"=hex(7):61,00,00,00,00,00\r\n\r\n";

    @TempDir
    Path tmp;

    private Path seeded() throws Exception {
        Path target = tmp.resolve("server.reg");
        Files.write(target, ("\uFEFF" + SEED).getBytes(StandardCharsets.UTF_16LE));
        return target;
    }

    private Cli.Result applyExamples(Path target) {
        return Cli.run("apply", "--yes", "--target=regfile:" + target, "--state-dir=" + tmp.resolve("state"),
                Cli.examples().resolve("custom-registry.yaml").toString(), Cli.examples().resolve("licence-loopback.yaml").toString());
    }

    private Path backup() throws Exception {
        try (Stream<Path> s = Files.list(tmp.resolve("state"))) {
            return s.filter(p -> p.getFileName().toString().endsWith("-apply.json")).findFirst().orElseThrow();
        }
    }

    @Test
    void rollbackPutsBackTheFileByteForByteKeepingCommentsAndEmptyKeys() throws Exception {
        Path target = seeded();
        byte[] before = Files.readAllBytes(target);
        Cli.Result apply = applyExamples(target);
        assertEquals(0, apply.code(), apply.toString());
        String applied = new String(Files.readAllBytes(target), StandardCharsets.UTF_16LE);
        assertTrue(applied.contains("; kept by the image build\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Empty]\r\n"), applied);
        assertTrue(applied.contains("\"Other\"=\"x\"\r\n; the old listener\r\n"), "apply keeps what it does not change: " + applied);

        Cli.Result rollback = Cli.run("rollback", "--yes", "--target=regfile:" + target, "--state-dir=" + tmp.resolve("state"));
        assertEquals(0, rollback.code(), rollback.toString());
        assertArrayEquals(before, Files.readAllBytes(target),
                new String(Files.readAllBytes(target), StandardCharsets.UTF_16LE));
    }

    @Test
    void anEditedBackupIsRefusedAndNothingIsWritten() throws Exception {
        Path target = seeded();
        assertEquals(0, applyExamples(target).code());
        byte[] applied = Files.readAllBytes(target);
        Path backup = backup();
        String json = Files.readString(backup);
        String run = "{\"hive\": \"HKLM\", \"view\": 64, \"key\": \"SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\","
                + " \"name\": \"updater\", \"before\": {\"type\": \"REG_SZ\", \"data\": \"C:\\\\Users\\\\Public\\\\x.exe\"}},";
        Files.writeString(backup, json.replace("\"values\" : [", "\"values\" : [" + run));
        assertTrue(Files.readString(backup).contains("CurrentVersion"), "the test edited the record");

        Cli.Result r = Cli.run("rollback", "--yes", "--target=regfile:" + target, "--state-dir=" + tmp.resolve("state"), backup.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.oneErrorLine(), r.toString());
        assertTrue(r.err().contains(backup.toString()) && r.err().contains("changed since vipctl wrote it"), r.err());
        assertArrayEquals(applied, Files.readAllBytes(target), "nothing written");
    }

    @Test
    void aBackupOfAnotherKindOfFileIsRefused() throws Exception {
        Path target = seeded();
        Path fake = Files.writeString(tmp.resolve("fake.json"), "{\"format_version\": 1, \"kind\": \"apply\", \"created\":"
                + " \"2026-01-01T00:00:00Z\", \"target\": \"regfile:" + target.toString().replace("\\", "\\\\")
                + "\", \"scope\": \"local\", \"values\": [{\"hive\": \"HKLM\", \"view\": 64, \"key\":"
                + " \"SOFTWARE\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Run\", \"name\": \"x\", \"before\":"
                + " {\"type\": \"REG_SZ\", \"data\": \"x.exe\"}}]}");
        byte[] before = Files.readAllBytes(target);
        Cli.Result r = Cli.run("rollback", "--yes", "--target=regfile:" + target, "--state-dir=" + tmp.resolve("state"), fake.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.oneErrorLine(), r.toString());
        assertArrayEquals(before, Files.readAllBytes(target));
    }
}
