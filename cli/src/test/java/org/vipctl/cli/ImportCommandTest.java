package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vipctl import as a command: what it prints, writes and exits with. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private static PolCommandTest.Result vipctl(String... args) {
        return PolCommandTest.vipctl(args);
    }

    private Path compiledExamples() {
        Path out = dir.resolve("build");
        PolCommandTest.Result c = vipctl("compile", "-o", out.toString(), PolCommandTest.repo().resolve("examples").toString());
        assertEquals(0, c.code(), c.err());
        return out;
    }

    @Test
    void writesOnePolicyPerSourceAndSummarises() throws Exception {
        Path out = compiledExamples();
        Path imported = dir.resolve("imported");
        PolCommandTest.Result r = vipctl("import", "-o", imported.toString(), out.resolve("gpo").toString(),
                out.resolve("citrix").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote " + imported.resolve("gpo.yaml")), r.out());
        assertTrue(r.out().contains("wrote " + imported.resolve("CTI-virtual-loopback.yaml")), r.out());
        assertTrue(r.out().endsWith("imported 10 values into 2 policies; 4 unrelated values left out\n"), r.out());
        PolCommandTest.Result v = vipctl("validate", imported.toString());
        assertEquals(0, v.code(), v.err() + v.out());
    }

    @Test
    void stdoutCarriesOnlyTheYamlAndTheSummaryGoesToStderr() {
        Path out = compiledExamples();
        PolCommandTest.Result r = vipctl("import", "--stdout", "--name", "farm", "--os", "windowsServer2022",
                out.resolve("gpo/Machine/Registry.pol").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# yaml-language-server: $schema="), r.out());
        assertTrue(r.out().contains("metadata:\n  name: farm\ntargets:\n  os: [windowsServer2022]\n"), r.out());
        assertTrue(r.err().contains("imported 8 values into 1 policy; 4 unrelated values left out"), r.err());
        assertTrue(r.err().contains(": warning: record at byte ") && r.err().contains("[VIP031]"), r.err());
    }

    @Test
    void aCorruptSourceIsALocatedErrorAndNothingIsWritten() throws Exception {
        Path good = compiledExamples().resolve("gpo/Machine/Registry.pol");
        byte[] bytes = Files.readAllBytes(good);
        Path bad = Files.write(dir.resolve("bad.pol"), java.util.Arrays.copyOf(bytes, bytes.length - 5));
        Path imported = dir.resolve("imported");
        PolCommandTest.Result r = vipctl("import", "-o", imported.toString(), good.toString(), bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("vipctl: error: " + bad + ": not a valid Registry.pol: "), r.err());
        assertTrue(r.err().contains("offset"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug");
        assertFalse(Files.exists(imported), "nothing written");
    }

    @Test
    void aBrokenRegFileNamesItsLine() throws Exception {
        Path reg = Files.writeString(dir.resolve("x.reg"), "Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\n\"a\"=hex(7):41,00,zz\r\n", StandardCharsets.UTF_8);
        PolCommandTest.Result r = vipctl("import", "--stdout", "regfile:" + reg);
        assertEquals(1, r.code());
        assertTrue(r.err().contains(reg + ":4: bad hex byte 'zz'"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anEmptyImportSaysSoAndWritesNothing() throws Exception {
        Path pol = Files.write(dir.resolve("Registry.pol"), new byte[] {'P', 'R', 'e', 'g', 1, 0, 0, 0});
        PolCommandTest.Result r = vipctl("import", "-o", dir.resolve("out").toString(), pol.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("imported 0 values into 0 policies; 0 unrelated values left out\n", r.out());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void usageErrors() throws Exception {
        Path pol = Files.write(dir.resolve("Registry.pol"), new byte[] {'P', 'R', 'e', 'g', 1, 0, 0, 0});
        assertEquals(64, vipctl("import", pol.toString()).code(), "-o or --stdout is required");
        assertEquals(64, vipctl("import", "-o", "x", "--stdout", pol.toString()).code());
        PolCommandTest.Result from = vipctl("import", "--stdout", "--from", "excel", pol.toString());
        assertEquals(64, from.code());
        assertTrue(from.err().contains("known: pol, gpo, gpo-backup, regfile, local-gpo, windows, citrix"), from.err());
        assertEquals(64, vipctl("import", "--stdout", "--name", "bad name", pol.toString()).code());
        assertEquals(64, vipctl("import", "--stdout", "--os", "windows95", pol.toString()).code());
    }

    @Test
    void helpHasExamplesAndTheSourceKinds() {
        PolCommandTest.Result r = vipctl("import", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Examples:\n  vipctl import build/vipctl/gpo -o policies"), r.out());
        assertTrue(r.out().contains("gpo-backup  a GPMC backup folder"), r.out());
        PolCommandTest.Result top = vipctl("--help");
        assertTrue(top.out().contains("  import "), top.out());
    }
}
