package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile --emit gpo-backup} of the examples through the packaged jar, checked by other tools where installed. */
class GpoBackupIT {

    private static Path backupFolder(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve("gpo-backup"))) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    @Test
    void registryPolOfTheBackupIsTheCompiledOneAndARecompileGivesTheSameBytes(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        PackagedCli.Result r = PackagedCli.run("compile", "--emit", "gpo-backup,pol", "-o", a.toString(), "examples");
        assertEquals(0, r.code(), r.toString());
        assertEquals(0, PackagedCli.run("compile", "--emit", "gpo-backup", "-o", b.toString(), "examples").code());
        Path folder = backupFolder(a);
        assertArrayEquals(Files.readAllBytes(a.resolve("gpo/Machine/Registry.pol")),
                Files.readAllBytes(folder.resolve("DomainSysvol/GPO/Machine/registry.pol")));
        List<Path> files = files(a.resolve("gpo-backup"));
        assertEquals(5, files.size(), files.toString());
        for (Path f : files) {
            Path other = b.resolve("gpo-backup").resolve(a.resolve("gpo-backup").relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), "recompile: " + f);
        }
        String info = Files.readString(folder.resolve("bkupInfo.xml"), StandardCharsets.UTF_8);
        assertTrue(info.contains("<ID><![CDATA[" + folder.getFileName() + "]]></ID>"), info);
        assertTrue(info.contains("<GPODisplayName><![CDATA[crm-farm, cti-loopback, crm-client-settings, licence-loopback]]>"), info);
    }

    @Test
    void everyXmlFileIsWellFormedForXmllint(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/xmllint")), "xmllint not installed (apt-get install libxml2-utils)");
        assertEquals(0, PackagedCli.run("compile", "--emit", "gpo-backup", "-o", tmp.toString(), "examples").code());
        for (Path f : files(tmp.resolve("gpo-backup"))) {
            if (f.toString().endsWith(".xml")) {
                PackagedCli.Result x = PackagedCli.exec(List.of("/usr/bin/xmllint", "--noout", f.toString()), tmp, 60, StandardCharsets.UTF_8);
                assertEquals(0, x.code(), f + ": " + x);
            }
        }
    }

    @Test
    void sambaReadsTheBackupsRegistryPol(@TempDir Path tmp) throws Exception {
        Path tool = PackagedCli.repo().resolve("../shared/tools/samba_pol.py");
        assumeTrue(Files.isRegularFile(tool), "../shared/tools/samba_pol.py not found");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) && PackagedCli.exec(List.of("/usr/bin/python3", "-c",
                "import samba.dcerpc.preg"), tmp, 60, StandardCharsets.UTF_8).code() == 0,
                "Samba's Python bindings are not installed (apt-get install python3-samba)");
        assertEquals(0, PackagedCli.run("compile", "--emit", "gpo-backup", "-o", tmp.toString(), "examples").code());
        Path pol = backupFolder(tmp).resolve("DomainSysvol/GPO/Machine/registry.pol");
        PackagedCli.Result s = PackagedCli.exec(List.of("/usr/bin/python3", tool.toString(), pol.toString()), tmp, 60, StandardCharsets.UTF_8);
        assertEquals(0, s.code(), s.toString());
        PackagedCli.Result show = PackagedCli.run("pol", "show", pol.toString());
        assertEquals(0, show.code(), show.toString());
        long records = show.out().lines().filter(l -> l.equals("Computer")).count();
        assertTrue(records > 0, show.out());
        assertTrue(s.out().contains("records=" + records + " repack_identical=True"), "Samba sees every record: " + s.out());
    }

    /** Round trip through {@code vipctl import}, where the packaged jar has that command. */
    @Test
    void importReadsTheBackupBackToTheSameValues(@TempDir Path tmp) throws Exception {
        PackagedCli.Result help = PackagedCli.run("--help");
        assumeTrue(help.out().lines().anyMatch(l -> l.strip().startsWith("import ")),
                "this vipctl has no import command; the import round trip is skipped");
        Path out = tmp.resolve("out");
        assertEquals(0, PackagedCli.run("compile", "--emit", "gpo-backup", "-o", out.toString(), "examples").code());
        Path imported = tmp.resolve("imported");
        PackagedCli.Result im = PackagedCli.run("import", "--all", out.resolve("gpo-backup").toString(), "-o", imported.toString());
        assertEquals(0, im.code(), im.toString());
        Path again = tmp.resolve("again");
        PackagedCli.Result c = PackagedCli.run("compile", "--emit", "pol", "-o", again.toString(), imported.toString());
        assertEquals(0, c.code(), c.toString());
        PackagedCli.Result diff = PackagedCli.run("pol", "diff",
                backupFolder(out).resolve("DomainSysvol/GPO/Machine/registry.pol").toString(),
                again.resolve("gpo/Machine/Registry.pol").toString());
        assertEquals(0, diff.code(), "the imported policies compile back to the backup's values: " + diff);
    }

    private static List<Path> files(Path root) throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> w = Files.walk(root)) {
            w.filter(Files::isRegularFile).sorted().forEach(out::add);
        }
        return out;
    }
}
