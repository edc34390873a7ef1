package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Damaged files of every kind vipctl reads: each is one line that names the file, says where
 * (a line, an offset or a JSON Pointer) and what was expected, and how to get out; never Java's own
 * words ({@code NumberFormatException}, {@code No enum constant}, a parser's raw message).
 */
class ErrorMessagesTest {

    @TempDir
    Path tmp;

    private static final Pattern LEAK = Pattern.compile(
            "Exception|No enum constant|java\\.|internal error|could not be parsed at index|hexadecimal digit|\\tat ");

    private static final String BACKUP = "{\"format_version\":2,\"kind\":\"apply\",\"created\":\"2026-01-01T00:00:00Z\","
            + "\"target\":\"regfile:TARGET\",\"scope\":\"local\",\"values\":[{\"hive\":\"HKLM\",\"view\":64,"
            + "\"key\":\"SOFTWARE\\\\X\",\"name\":\"n\",\"before\":{\"type\":\"REG_DWORD\",\"data\":1}}]}";

    private String run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(expectedCode, code, () -> String.join(" ", args) + "\n" + err);
        List<String> lines = err.toString().lines().filter(l -> !l.startsWith("Try '")).toList();
        assertEquals(1, lines.size(), () -> "one line: " + err);
        assertFalse(LEAK.matcher(err.toString()).find(), () -> "Java's own words reach the user: " + err);
        return lines.get(0);
    }

    private Path examples() {
        return Path.of(System.getProperty("vipctl.repo", "..")).resolve("examples");
    }

    /**
     * The record with the checksum vipctl gives the records it writes (SHA-256 of the compact JSON
     * without the checksum field), so the damage is found by the field checks rather than by the
     * checksum; text that is no JSON stays as it is.
     */
    private static String sealed(String json) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode n;
        try {
            n = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json;
        }
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(n));
        n.put("checksum", "sha256:" + java.util.HexFormat.of().formatHex(digest));
        return mapper.writeValueAsString(n);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "scope not a scope|\"scope\":\"local\"|\"scope\":\"galaxy\"|/scope must be local or policy, not 'galaxy'",
        "dword past any long|\"data\":1|\"data\":99999999999999999999999|/values/0: REG_DWORD data must be 0..4294967295",
        "time that is no time|2026-01-01T00:00:00Z|yesterday|/created must be a UTC time such as 2026-01-01T12:00:00Z",
        "binary that is no hex|\"type\":\"REG_DWORD\",\"data\":1|\"type\":\"REG_BINARY\",\"data\":\"zz\"|/values/0: REG_BINARY data must be pairs of hex digits",
        "view that is no view|\"view\":64|\"view\":99|/values/0: registry view must be 64 or 32",
        "value that is no object|\"values\":[|\"values\":[7,|/values/0: each value must be an object",
        "no JSON at all|{\"format_version\"|nonsense{\"format_version\"|:1:10: not valid JSON"})
    void aDamagedBackupNamesTheFileTheFieldAndTheWayOut(String what, String from, String to, String expected)
            throws Exception {
        Path target = tmp.resolve("t.reg");
        Path backup = tmp.resolve("state/b.json");
        Files.createDirectories(backup.getParent());
        Files.writeString(backup, sealed(BACKUP.replace("TARGET", target.toString()).replace(from, to)));
        String line = run(1, "rollback", "--yes", "--target=regfile:" + target, "--state-dir=" + backup.getParent(), backup.toString());
        assertTrue(line.contains(backup.toString()), line);
        assertTrue(line.contains(expected), () -> what + ": " + line);
        assertTrue(line.contains("restore it from a copy, or name another backup"), line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "version that is no number|[General]\\r\\nVersion=abc\\r\\n|Version=abc is not a decimal 32-bit number (0 to 4294967295); set it",
        "version past 32 bits|[General]\\r\\nVersion=4294967296\\r\\n|Version=4294967296 is not a decimal 32-bit number"})
    void aDamagedGptIniIsRefusedWhenTheGpoIsOpenedNamingTheFile(String what, String ini, String expected) throws Exception {
        Path gpo = tmp.resolve("gpo");
        Files.createDirectories(gpo);
        Files.writeString(gpo.resolve("GPT.INI"), ini.replace("\\r\\n", "\r\n"), StandardCharsets.ISO_8859_1);
        String line = run(1, "plan", "--target=local-gpo:" + gpo, examples().toString());
        assertTrue(line.startsWith("vipctl: error: " + gpo.resolve("GPT.INI") + ": " + expected), () -> what + ": " + line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad dword|Windows Registry Editor Version 5.00\\r\\n\\r\\n[HKEY_LOCAL_MACHINE\\X]\\r\\n\"a\"=dword:zz\\r\\n|:4: dword: needs 1 to 8 hex digits, got 'zz'",
        "no header|[HKEY_BOGUS\\X]\\r\\n|:1: missing header line 'Windows Registry Editor Version 5.00'"})
    void aDamagedRegfileTargetNamesItsLine(String what, String text, String expected) throws Exception {
        Path reg = tmp.resolve("t.reg");
        Files.writeString(reg, text.replace("\\r\\n", "\r\n"), StandardCharsets.UTF_8);
        String line = run(1, "plan", "--target=regfile:" + reg, examples().toString());
        assertTrue(line.contains(reg + expected), () -> what + ": " + line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "short header|50526567|shorter than the 8-byte PReg header",
        "wrong signature|5052656801000000|bad signature",
        "junk after header|50526567010000005b6a|record at offset 8"})
    void aDamagedRegistryPolNamesItsOffset(String what, String hex, String expected) throws Exception {
        Path pol = tmp.resolve("Registry.pol");
        Files.write(pol, java.util.HexFormat.of().parseHex(hex));
        String show = run(1, "pol", "show", pol.toString());
        assertTrue(show.contains(pol + ": not a valid Registry.pol: ") && show.contains(expected), () -> what + ": " + show);
        String diff = run(1, "pol", "diff", pol.toString(), pol.toString());
        assertTrue(diff.contains(expected), diff);
    }
}
