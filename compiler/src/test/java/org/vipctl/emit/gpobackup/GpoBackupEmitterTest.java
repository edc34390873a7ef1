package org.vipctl.emit.gpobackup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.OutputFiles;
import org.vipctl.files.AtomicFile;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolReader;
import org.vipctl.gpo.PolFromState;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.w3c.dom.Element;

/**
 * The GPMC backup of the test policy: golden bytes, stable ids, encodings and layout. The
 * comparison with real GPMC backups is in {@link RealBackupComparisonTest}. Regenerate the golden
 * files after an intended change with -Dvipctl.updateGolden=true and review the diff.
 */
class GpoBackupEmitterTest {

    static final Path GOLDEN = Path.of(System.getProperty("vipctl.repo", ".."),
            "compiler/src/test/resources/org/vipctl/emit/gpobackup/golden");

    static Compilation compile(String... resources) throws Exception {
        Diagnostics d = new Diagnostics();
        List<Path> paths = new ArrayList<>();
        for (String r : resources) {
            paths.add(Path.of(GpoBackupEmitterTest.class.getResource(r).toURI()));
        }
        Compilation c = Compilation.load(paths, Catalog.builtIn(), d);
        assertFalse(d.hasErrors(), d.sorted().toString());
        return c;
    }

    static OutputFiles emit(Compilation c) {
        OutputFiles out = new OutputFiles();
        Diagnostics d = new Diagnostics();
        new GpoBackupEmitter().emit(new EmitContext(c, d), out);
        assertFalse(d.hasErrors(), d.sorted().toString());
        return out;
    }

    private static String folderOf(OutputFiles out) {
        return out.files().keySet().stream().filter(k -> k.endsWith("/Backup.xml")).findFirst().orElseThrow()
                .split("/")[1];
    }

    @Test
    void writesManifestAndOneBackupFolderNamedByTheBackupId() throws Exception {
        OutputFiles out = emit(compile("rds-farm.yaml"));
        String id = folderOf(out);
        assertTrue(id.matches("\\{[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\\}"), id);
        assertEquals(new TreeSet<>(List.of("gpo-backup/manifest.xml", "gpo-backup/" + id + "/Backup.xml",
                "gpo-backup/" + id + "/bkupInfo.xml", "gpo-backup/" + id + "/gpreport.xml",
                "gpo-backup/" + id + "/DomainSysvol/GPO/Machine/registry.pol")), out.files().keySet());
        Element info = Dom.parse(out.files().get("gpo-backup/" + id + "/bkupInfo.xml"));
        assertEquals(id, Dom.child(info, "ID").getTextContent(), "the folder is the backup id, not the GPO GUID");
        assertNotEquals(id, Dom.child(info, "GPOGuid").getTextContent());
        assertEquals("rds-farm", Dom.child(info, "GPODisplayName").getTextContent());
    }

    @Test
    void registryPolIsWhatEmitPolWrites() throws Exception {
        Compilation c = compile("rds-farm.yaml");
        OutputFiles out = emit(c);
        byte[] pol = out.files().get("gpo-backup/" + folderOf(out) + "/DomainSysvol/GPO/Machine/registry.pol");
        assertArrayEquals(PolFromState.records(c.registry(Scope.POLICY), Hive.HKLM).toBytes(), pol);
        assertEquals(c.registry(Scope.POLICY).entries().size(), PolReader.read(pol).records().size());
    }

    @Test
    void sameNameGivesSameBytesAndAnotherNameOtherIds() throws Exception {
        OutputFiles one = emit(compile("rds-farm.yaml"));
        OutputFiles two = emit(compile("rds-farm.yaml"));
        assertEquals(one.files().keySet(), two.files().keySet());
        one.files().forEach((k, v) -> assertArrayEquals(v, two.files().get(k), k));

        GpoBackup a = new GpoBackup("farm-a", PolFile.empty(), RegistryState.empty(Scope.POLICY));
        GpoBackup b = new GpoBackup("farm-b", PolFile.empty(), RegistryState.empty(Scope.POLICY));
        assertNotEquals(a.gpoGuid(), b.gpoGuid());
        assertNotEquals(a.backupId(), b.backupId());
        assertNotEquals(a.gpoGuid(), a.backupId());
        assertEquals(a.gpoGuid(), new GpoBackup("farm-a", PolFile.empty(), RegistryState.empty(Scope.POLICY)).gpoGuid());
    }

    @Test
    void severalPoliciesMakeOneGpoNamedAfterAllOfThem() throws Exception {
        OutputFiles out = emit(compile("rds-farm.yaml", "loopback.yaml"));
        String id = folderOf(out);
        Element info = Dom.parse(out.files().get("gpo-backup/" + id + "/bkupInfo.xml"));
        assertEquals("rds-farm, loopback", Dom.child(info, "GPODisplayName").getTextContent());
        assertEquals(1, out.files().keySet().stream().filter(k -> k.endsWith("Backup.xml")).count());
    }

    @Test
    void encodingsAndLineEndsAreGpmcs() throws Exception {
        OutputFiles out = emit(compile("rds-farm.yaml"));
        String dir = "gpo-backup/" + folderOf(out) + "/";
        for (String utf8 : List.of("gpo-backup/manifest.xml", dir + "bkupInfo.xml", dir + "Backup.xml")) {
            byte[] bytes = out.files().get(utf8);
            assertFalse(bytes[0] == (byte) 0xEF, utf8 + " has no byte order mark");
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertFalse(text.replace("\r\n", "").contains("\n") || text.replace("\r\n", "").contains("\r"), utf8 + ": CRLF only");
        }
        String manifest = new String(out.files().get("gpo-backup/manifest.xml"), StandardCharsets.UTF_8);
        String info = new String(out.files().get(dir + "bkupInfo.xml"), StandardCharsets.UTF_8);
        assertTrue(manifest.startsWith("<Backups ") && !manifest.contains("\r\n"), "manifest.xml: one line, no declaration");
        assertTrue(info.startsWith("<BackupInst ") && info.endsWith("</BackupInst>\r\n") && info.indexOf("\r\n") == info.length() - 2,
                "bkupInfo.xml: one line ending in CRLF, no declaration");
        String backup = new String(out.files().get(dir + "Backup.xml"), StandardCharsets.UTF_8);
        assertTrue(backup.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><GroupPolicyBackupScheme ")
                && backup.endsWith("</GroupPolicyBackupScheme>"), backup);

        byte[] report = out.files().get(dir + "gpreport.xml");
        assertEquals((byte) 0xFF, report[0]);
        assertEquals((byte) 0xFE, report[1]);
        String text = new String(report, 2, report.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n<GPO "), text);
        assertFalse(text.replace("\r\n", "").contains("\n"), "gpreport.xml: CRLF only");
        Element gpo = Dom.parse(report);
        // a REG_SZ or a deletion is listed by its key only (no form for them is confirmed); a DWORD with its number
        List<Element> contoso = Dom.descendants(gpo, "KeyPath").stream()
                .filter(k -> k.getTextContent().equals("SOFTWARE\\Contoso\\App")).toList();
        assertEquals(2, contoso.size(), "one setting for Port, one for the key of Tag and Old");
        assertEquals("9000", Dom.descendants(gpo, "Number").stream()
                .filter(n -> Dom.sibling(n, "Name").equals("Port")).findFirst().orElseThrow().getTextContent());
    }

    @Test
    void halfWithoutSettingsStillHasItsEightByteRegistryPol() {
        GpoBackup b = new GpoBackup("empty", PolFile.empty(), RegistryState.empty(Scope.POLICY));
        Map<String, byte[]> files = b.files();
        byte[] pol = files.get(b.backupId() + "/DomainSysvol/GPO/Machine/registry.pol");
        assertArrayEquals(new byte[] {'P', 'R', 'e', 'g', 1, 0, 0, 0}, pol);
        String backup = new String(files.get(b.backupId() + "/Backup.xml"), StandardCharsets.UTF_8);
        assertTrue(backup.contains("<MachineExtensionGuids/>"), "no extension listed without settings: " + backup);
        assertTrue(backup.contains("bkp:Location=\"DomainSysvol\\GPO\\Machine\\registry.pol\""), backup);
    }

    @Test
    void matchesGoldenFiles() throws Exception {
        OutputFiles out = emit(compile("rds-farm.yaml"));
        if (Boolean.getBoolean("vipctl.updateGolden")) {
            for (Map.Entry<String, byte[]> f : out.files().entrySet()) {
                AtomicFile.write(GOLDEN.resolve(f.getKey().substring("gpo-backup/".length())), f.getValue());
            }
        }
        Set<String> golden = new TreeSet<>();
        try (var walk = Files.walk(GOLDEN)) {
            walk.filter(Files::isRegularFile).forEach(p -> golden.add("gpo-backup/" + GOLDEN.relativize(p).toString().replace('\\', '/')));
        }
        assertEquals(golden, out.files().keySet());
        for (Map.Entry<String, byte[]> f : out.files().entrySet()) {
            byte[] expected = Files.readAllBytes(GOLDEN.resolve(f.getKey().substring("gpo-backup/".length())));
            assertArrayEquals(expected, f.getValue(), f.getKey() + " differs from the golden file (byte for byte)");
        }
    }
}
