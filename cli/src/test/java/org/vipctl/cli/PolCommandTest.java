package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result vipctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    static Path repo() {
        return Path.of(System.getProperty("vipctl.repo", "..")).toAbsolutePath().normalize();
    }

    static Path reference(String name) {
        Path p = repo().resolve("../shared/reference/pol").resolve(name);
        assumeTrue(Files.exists(p), "reference file not found beside the repository: " + p);
        return p;
    }

    @Test
    void showListsTheRecordsOfARealFile() {
        Result r = vipctl("pol", "show", reference("goldstar611-Registry.pol").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\nComputer\nSOFTWARE\\Policies\\Microsoft\\Windows\\System\nEnableSmartScreen\nDWORD:0\n\n"), r.out());
        assertTrue(r.out().contains("\nComputer\nSOFTWARE\\Policies\\Microsoft\\Windows\\System\nShellSmartScreenLevel\nDELETE\n\n"), r.out());
        assertTrue(r.out().endsWith("; 20 records\n"), r.out());
    }

    @Test
    void showAsJson() throws Exception {
        Result r = vipctl("pol", "show", "--format", "json", reference("yuyaryshev-Machine-Registry.pol").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(21, root.get("count").asInt());
        assertEquals(21, root.get("records").size());
        JsonNode first = root.get("records").get(0);
        assertEquals("createKey", first.get("kind").asText());
        assertEquals("REG_NONE", first.get("type").asText());
        JsonNode del = null;
        for (JsonNode n : root.get("records")) {
            if (n.get("kind").asText().equals("deleteValue")) {
                del = n;
            }
        }
        assertEquals("**del.SpynetReporting", del.get("name").asText());
        assertEquals("SpynetReporting", del.get("valueName").asText());
        assertEquals("20000000", del.get("raw").asText());
    }

    @Test
    void corruptFileIsOneLineWithTheOffsetAndExit1(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("Registry.pol");
        Files.write(f, new byte[] {'P', 'R', 'e', 'g', 2, 0, 0, 0});
        Result r = vipctl("pol", "show", f.toString());
        assertEquals(1, r.code());
        assertEquals("vipctl: error: " + f + ": not a valid Registry.pol: unsupported PReg version 2, expected 1 (at byte offset 4)\n", r.err());
        Result missing = vipctl("pol", "diff", f.toString(), tmp.resolve("nope.pol").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("vipctl: error: "), missing.err());
    }

    @Test
    void diffExitCodes(@TempDir Path tmp) throws Exception {
        Path a = reference("goldstar611-Registry.pol");
        assertEquals(0, vipctl("pol", "diff", a.toString(), a.toString()).code());
        Result d = vipctl("pol", "diff", a.toString(), reference("yuyaryshev-Machine-Registry.pol").toString());
        assertEquals(2, d.code());
        assertTrue(d.out().endsWith("21 added, 20 removed, 0 changed\n"), d.out());
    }

    @Test
    void compileWritesAGpoFolderAndGpoDirUpdatesInPlaceOnce(@TempDir Path tmp) throws Exception {
        Path examples = repo().resolve("examples");
        assumeTrue(Files.isDirectory(examples), "examples/ not found");
        Path out = tmp.resolve("out");
        Result r = vipctl("compile", "--emit", "pol,gpo", "-o", out.toString(), examples.toString());
        assertEquals(0, r.code(), r.err());
        Path pol = out.resolve("gpo/Machine/Registry.pol");
        Path ini = out.resolve("gpo/GPT.INI");
        assertTrue(Files.exists(pol) && Files.exists(ini), r.out());
        assertTrue(Files.readString(ini).contains("Version=1\r\n"));

        Result show = vipctl("pol", "show", pol.toString());
        assertTrue(show.out().contains("EnableVirtualIP\nDWORD:1"), show.out());

        Path gpo = tmp.resolve("gpo");
        Files.createDirectories(gpo);
        Files.writeString(gpo.resolve("GPT.INI"), "[General]\r\nVersion=65538\r\n");
        String stateDir = "--state-dir=" + tmp.resolve("state");
        Result first = vipctl("compile", "--notes", "--emit", "gpo", "--gpo-dir", gpo.toString(), stateDir, "-o", tmp.resolve("o2").toString(), examples.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("computer version now 3 (Version=65539)"), first.out());
        assertFalse(first.out().contains("0 files from"), "nothing went to OUT, and it is not said as if: " + first.out());
        assertTrue(first.err().contains(": note: (policy scope) VirtualizeLoopbackAdresses is written to"),
                "the in-place update says what it writes to an unconfirmed place: " + first.err());
        byte[] polBytes = Files.readAllBytes(gpo.resolve("Machine/Registry.pol"));
        assertArrayEquals(Files.readAllBytes(pol), polBytes, "same records as the fresh folder");
        String iniText = Files.readString(gpo.resolve("GPT.INI"));
        assertTrue(iniText.contains("Version=65539\r\n"), iniText);

        Result second = vipctl("compile", "--emit", "gpo", "--gpo-dir", gpo.toString(), stateDir, "-o", tmp.resolve("o2").toString(), examples.toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("already up to date"), second.out());
        assertArrayEquals(polBytes, Files.readAllBytes(gpo.resolve("Machine/Registry.pol")));
        assertEquals(iniText, Files.readString(gpo.resolve("GPT.INI")));
        assertFalse(Arrays.asList(tmp.toFile().list()).contains("o2") && Files.exists(tmp.resolve("o2/gpo")),
                "with --gpo-dir nothing goes to OUT/gpo");
    }
}
