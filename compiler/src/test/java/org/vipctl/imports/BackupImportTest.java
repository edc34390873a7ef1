package org.vipctl.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vipctl.Compilation;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.gpo.PolFromState;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;

/** GPMC backups of every shape import; broken or hostile ones stop with a located error. */
class BackupImportTest {

    static final String VIP = ImportMappingTest.VIP;
    static final String GUID = "{6AC1786C-016F-11D2-945F-00C04FB984F9}";
    static final String BACKUP = "{0B7C9D5E-1234-4F6A-8B9C-ABCDEF012345}";

    @TempDir
    Path dir;

    static final String POLICY = """
            apiVersion: vipctl/v1
            kind: VipPolicy
            metadata: {name: farm}
            spec:
              rdsIpVirtualization: {enabled: true, mode: perProgram, programs: [crm.exe, cti.exe], networkAdapter: 192.0.2.96/24}
              rdsLoopbackVirtualization: {enabled: true}
              registry:
                - {key: 'HKLM\\SOFTWARE\\Policies\\Contoso', name: Port, type: REG_DWORD, data: 9000}
            """;

    private static byte[] polOf(Compilation c) {
        return PolFromState.records(c.registry(Scope.POLICY), Hive.HKLM).toBytes();
    }

    @ParameterizedTest
    @CsvSource({"true,false,true,true", "false,false,true,true", "true,true,true,true", "false,true,false,false"})
    void everyShapeOfBackupImports(boolean crlf, boolean lower, boolean others, boolean info) throws Exception {
        Compilation p = Imports.compile(POLICY);
        Path b = BackupFolders.write(dir, BACKUP, GUID, "CRM farm - computer", polOf(p), null,
                new BackupFolders.Shape(crlf, lower, others, info));
        ImportResult r = Imports.run(Imports.options().withAll(true), b.toString());
        assertEquals(1, r.files().size());
        assertEquals("CRM-farm-computer", r.files().get(0).policy());
        String yaml = Imports.text(r, 0);
        assertTrue(yaml.contains("  description: CRM farm - computer\n"), yaml);
        assertTrue(yaml.contains("(GPO " + (lower ? GUID.toLowerCase() : GUID) + ")"), yaml);
        assertEquals(Imports.facts(p, Scope.POLICY), Imports.facts(Imports.compile(r), Scope.POLICY));
    }

    @Test
    void aFolderOfBackupsGivesOnePolicyPerGpoAndTheUserHalfIsCounted() throws Exception {
        Compilation p = Imports.compile(POLICY);
        byte[] user = new PolFile(List.of(PolRecord.value("Software\\Policies\\X", "A", new RegValue.Dword(1)))).toBytes();
        BackupFolders.write(dir, BACKUP, GUID, "Farm", polOf(p), user, BackupFolders.Shape.gpmc());
        BackupFolders.write(dir, "{11111111-2222-3333-4444-555555555555}", "{AAAAAAAA-2222-3333-4444-555555555555}",
                "Other", new PolFile(List.of(PolRecord.value("SOFTWARE\\Y", "B", new RegValue.Dword(2)))).toBytes(), null,
                BackupFolders.Shape.gpmc());
        Files.writeString(dir.resolve("manifest.xml"), "<Backups/>");
        ImportResult r = Imports.run(dir.toString());
        assertEquals(List.of("Farm"), r.files().stream().map(ImportResult.File::policy).toList());
        assertEquals(5, r.imported(), r.summary());
        assertEquals(3, r.unrelated(), r.summary());
        ImportResult all = Imports.run(Imports.options().withAll(true), dir.toString());
        assertEquals(List.of("Farm", "Other"), all.files().stream().map(ImportResult.File::policy).toList());
        assertEquals(1, all.notExpressible());
        assertTrue(all.diagnostics().stream().anyMatch(d -> d.ruleId().equals("VIP050")
                && d.location().file().endsWith("User/registry.pol")), all.diagnostics().toString());
    }

    @Test
    void truncatedBackupXmlIsALocatedError() throws Exception {
        Path b = BackupFolders.write(dir, BACKUP, GUID, "Farm", PolFile.empty().toBytes(), null, BackupFolders.Shape.gpmc());
        Path xml = b.resolve("Backup.xml");
        byte[] whole = Files.readAllBytes(xml);
        Files.write(xml, java.util.Arrays.copyOf(whole, whole.length / 2));
        ImportException e = assertThrows(ImportException.class, () -> Imports.run(b.toString()));
        assertTrue(e.getMessage().matches(".*Backup\\.xml:\\d+:\\d+: .*"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path b = BackupFolders.write(dir, BACKUP, GUID, "Farm", PolFile.empty().toBytes(), null, BackupFolders.Shape.gpmc());
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>"
                + "<GroupPolicyBackupScheme><GroupPolicyObject><GroupPolicyCoreSettings><DisplayName>&e;</DisplayName>"
                + "</GroupPolicyCoreSettings></GroupPolicyObject></GroupPolicyBackupScheme>";
        Files.writeString(b.resolve("Backup.xml"), xxe);
        ImportException e = assertThrows(ImportException.class, () -> Imports.run(b.toString()));
        assertTrue(e.getMessage().contains("Backup.xml:1:") && e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertTrue(!e.getMessage().contains("TOP-SECRET"));
        Files.writeString(b.resolve("Backup.xml"), "<GroupPolicyBackupScheme/>");
        Files.writeString(b.resolve("bkupInfo.xml"), "<!DOCTYPE BackupInst SYSTEM \"http://example.invalid/x.dtd\"><BackupInst/>");
        ImportException info = assertThrows(ImportException.class, () -> Imports.run(b.toString()));
        assertTrue(info.getMessage().contains("bkupInfo.xml:1:"), info.getMessage());
    }

    @Test
    void aLocationOutsideTheBackupIsRefused() throws Exception {
        Path b = BackupFolders.write(dir.resolve("in"), BACKUP, GUID, "Farm", PolFile.empty().toBytes(), null,
                BackupFolders.Shape.gpmc());
        Imports.write(dir.resolve("outside.pol"), PolFile.empty().toBytes());
        Path xml = b.resolve("Backup.xml");
        Files.writeString(xml, Files.readString(xml).replace("bkp:Location=\"DomainSysvol\\GPO\\Machine\\registry.pol\"",
                "bkp:Location=\"..\\..\\outside.pol\""));
        ImportException e = assertThrows(ImportException.class, () -> Imports.run(b.toString()));
        assertTrue(e.getMessage().contains("not in the backup folder"), e.getMessage());
    }

    @Test
    void aCorruptRegistryPolNamesItsOffset() throws Exception {
        byte[] good = new PolFile(List.of(PolRecord.value(VIP, "EnableVirtualIP", new RegValue.Dword(1)))).toBytes();
        Path b = BackupFolders.write(dir, BACKUP, GUID, "Farm", java.util.Arrays.copyOf(good, good.length - 3), null,
                BackupFolders.Shape.gpmc());
        ImportException e = assertThrows(ImportException.class, () -> Imports.run(b.toString()));
        assertTrue(e.getMessage().contains("registry.pol: not a valid Registry.pol: ") && e.getMessage().contains("offset"),
                e.getMessage());
        Path bad = Imports.write(dir.resolve("bad.pol"), "PReg\u0002\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        ImportException v = assertThrows(ImportException.class, () -> Imports.run(bad.toString()));
        assertTrue(v.getMessage().contains("unsupported PReg version 2") && v.getMessage().contains("offset 4"), v.getMessage());
    }

    @Test
    void aRegFileWithABrokenEscapeNamesItsLine() throws Exception {
        Path reg = Imports.write(dir.resolve("broken.reg"), ("Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso]\r\n\"Path\"=\"C:\\Program Files\\\"\r\n").getBytes(StandardCharsets.UTF_8));
        ImportException e = assertThrows(ImportException.class, () -> Imports.run(reg.toString()));
        assertTrue(e.getMessage().contains("broken.reg:4: missing closing quote"), e.getMessage());
    }

    @Test
    void unknownSourcesSayWhatIsAccepted() throws Exception {
        Path txt = Imports.write(dir.resolve("notes.txt"), "hello".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(ImportException.class, () -> Imports.run(txt.toString())).getMessage().contains("--from"));
        assertTrue(assertThrows(ImportException.class, () -> Imports.run(dir.toString())).getMessage().contains("GPO backup"));
        assertTrue(assertThrows(ImportException.class, () -> Imports.run(dir.resolve("missing").toString()))
                .getMessage().contains("no such file or folder"));
        assertTrue(assertThrows(ImportException.class, () -> Imports.run("windows")).getMessage().contains("Windows"));
    }
}
