package org.vipctl.format.pol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.EmitFixtures;
import org.vipctl.gpo.GpoFolder;
import org.vipctl.gpo.PolFromState;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Samba's PReg parser, an implementation independent of this one, must read every file vipctl
 * writes, see the same records, and repack them to identical bytes. Skipped without python3-samba.
 */
class SambaCrossCheckTest {

    private static final String PYTHON = "/usr/bin/python3";

    @BeforeAll
    static void sambaAvailable() throws Exception {
        boolean ok = false;
        if (Files.isExecutable(Path.of(PYTHON))) {
            Process p = new ProcessBuilder(PYTHON, "-c", "import samba.dcerpc.preg").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        }
        assumeTrue(ok, "Samba's Python bindings are not installed (apt-get install python3-samba); cross-check skipped");
    }

    private static List<String> samba(Path dir, Path file) throws IOException, InterruptedException {
        Path script = dir.resolve("samba_check.py");
        try (InputStream in = SambaCrossCheckTest.class.getResourceAsStream("samba_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder(PYTHON, script.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    private static List<String> ours(PolFile f) {
        List<String> lines = new ArrayList<>();
        lines.add("OK " + f.records().size());
        for (PolRecord r : f.records()) {
            lines.add(hex(r.raw().key()) + "\t" + hex(r.raw().name()) + "\t" + Integer.toUnsignedString(r.raw().type()));
        }
        return lines;
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_16LE));
    }

    private static void check(Path tmp, byte[] bytes) throws Exception {
        Path f = tmp.resolve("Registry.pol");
        Files.write(f, bytes);
        assertEquals(ours(PolReader.read(bytes)), samba(tmp, f));
    }

    @Test
    void everyTypeAndDirectiveWeWrite(@TempDir Path tmp) throws Exception {
        check(tmp, PolWriter.write(PolCodecTest.everyKind()));
    }

    @Test
    void theAllTypesPolicyWithItsKeyOnlyEntry(@TempDir Path tmp) throws Exception {
        PolFile pol = PolFromState.records(EmitFixtures.allTypes().registry(Scope.POLICY), Hive.HKLM);
        assertEquals(1, pol.records().stream().filter(r -> r instanceof PolRecord.KeyOnly).count(), pol.records()::toString);
        check(tmp, pol.toBytes());
    }

    @Test
    void theGpoFolderCompiledFromPolicies(@TempDir Path tmp) throws Exception {
        Path policy = Path.of(getClass().getResource("/org/vipctl/emit/pol/farm-v1.yaml").toURI());
        Diagnostics d = new Diagnostics();
        Compilation c = Compilation.load(List.of(policy), Catalog.builtIn(), d);
        assertEquals(false, d.hasErrors(), d.sorted().toString());
        PolFile pol = PolFromState.records(c.registry(Scope.POLICY), Hive.HKLM);
        assertEquals(true, pol.records().size() >= 8, "the test policy writes several values");
        check(tmp, GpoFolder.fresh(pol).get(GpoFolder.POL_PATH));
    }

    @Test
    void theRealWindowsFiles(@TempDir Path tmp) throws Exception {
        Path dir = PolCodecTest.shared().resolve("reference/pol");
        assumeTrue(Files.isDirectory(dir), "reference files not found beside the repository (../shared)");
        for (String name : List.of("goldstar611-Registry.pol", "yuyaryshev-Machine-Registry.pol")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            check(tmp, PolReader.read(bytes).toBytes());
        }
    }
}
