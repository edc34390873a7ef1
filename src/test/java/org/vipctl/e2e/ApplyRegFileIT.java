package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan / apply / rollback end to end, through the packaged jar, with a .reg file as the registry:
 * the sequence a server goes through, checked on the file's bytes.
 */
class ApplyRegFileIT {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    private Run vipctl(String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("vipctl.jar", "");
        Assumptions.assumeTrue(Files.isRegularFile(Path.of(jar)), "packaged jar not built: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        int code = p.waitFor();
        Run r = new Run(code, Files.readString(out), Files.readString(err));
        System.out.println("$ vipctl " + String.join(" ", args) + "\n" + r.out() + r.err() + "[exit " + code + "]\n");
        return r;
    }

    private Path examples() {
        return Path.of(System.getProperty("vipctl.repo", ".")).resolve("examples").toAbsolutePath().normalize();
    }

    private static String text(Path regFile) throws IOException {
        byte[] b = Files.readAllBytes(regFile);
        return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }

    private static void edit(Path regFile, String from, String to) throws IOException {
        String t = text(regFile);
        assertTrue(t.contains(from), "state file should contain " + from + ":\n" + t);
        Files.write(regFile, ("\uFEFF" + t.replace(from, to)).getBytes(StandardCharsets.UTF_16LE));
    }

    private static List<JsonNode> changes(String planJson) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(planJson).get("changes").forEach(c -> {
            if (!c.get("action").asText().equals("no-op")) {
                out.add(c);
            }
        });
        return out;
    }

    @Test
    void applyIsIdempotentDriftIsSeenAndRollbackRestoresTheFileByteForByte() throws Exception {
        Path state = tmp.resolve("server.reg");
        String target = "--target=regfile:" + state;
        String stateDir = "--state-dir=" + tmp.resolve("backups");
        String ex = examples().toString();

        Run plan0 = vipctl("plan", "--json", target, ex);
        assertEquals(0, plan0.code(), plan0.err());
        int n = changes(plan0.out()).size();
        assertTrue(n > 0);
        assertTrue(changes(plan0.out()).stream().allMatch(c -> c.get("action").asText().equals("create")));

        Run noYes = vipctl("apply", target, stateDir, ex);
        assertEquals(1, noYes.code());
        assertTrue(noYes.err().contains("pass --yes"), noYes.err());
        assertFalse(Files.exists(state), "nothing written without confirmation");

        Run apply1 = vipctl("apply", "--yes", target, stateDir, ex);
        assertEquals(0, apply1.code(), apply1.err());
        assertTrue(apply1.out().contains("Apply complete: " + n + " changed,"), apply1.out());
        byte[] afterFirst = Files.readAllBytes(state);
        assertTrue(text(state).startsWith("Windows Registry Editor Version 5.00\r\n"));
        assertTrue(text(state).contains("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Citrix\\VIP]"), text(state));

        Files.setLastModifiedTime(state, FileTime.fromMillis(0));
        Run apply2 = vipctl("apply", "--yes", target, stateDir, ex);
        assertEquals(0, apply2.code(), apply2.err());
        assertTrue(apply2.out().contains("Apply complete: 0 changed, "), apply2.out());
        assertFalse(apply2.out().contains("wrote "), apply2.out());
        assertArrayEquals(afterFirst, Files.readAllBytes(state));
        assertEquals(0, Files.getLastModifiedTime(state).toMillis(), "the file was not rewritten: no write happened");

        Run clean = vipctl("plan", "--detailed-exitcode", target, ex);
        assertEquals(0, clean.code(), clean.out());

        // one value changed by hand
        edit(state, "\"VirtualMode\"=dword:00000001", "\"VirtualMode\"=dword:00000000");
        byte[] drifted = Files.readAllBytes(state);
        Run drift = vipctl("plan", "--json", target, ex);
        List<JsonNode> d = changes(drift.out());
        assertEquals(1, d.size(), drift.out());
        assertEquals("update", d.get(0).get("action").asText());
        assertEquals("VirtualMode", d.get(0).get("name").asText());
        assertEquals(0, d.get(0).at("/before/data").asInt());
        assertEquals(1, d.get(0).at("/after/data").asInt());
        Run detailed = vipctl("plan", "--detailed-exitcode", target, ex);
        assertEquals(2, detailed.code());
        assertTrue(detailed.out().contains("  HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP\n"
                + "    ~ update VirtualMode (data): REG_DWORD 0 (0x00000000) -> REG_DWORD 1 (0x00000001)"),
                detailed.out());

        Run apply3 = vipctl("apply", "--yes", target, stateDir, ex);
        assertTrue(apply3.out().contains("Apply complete: 1 changed, " + (n - 1 + countNoOps(plan0.out())) + " unchanged."), apply3.out());
        assertArrayEquals(afterFirst, Files.readAllBytes(state));

        Run rollback1 = vipctl("rollback", "--yes", target, stateDir);
        assertEquals(0, rollback1.code(), rollback1.err());
        assertTrue(rollback1.out().contains("Rollback complete: 1 changed, 0 unchanged."), rollback1.out());
        assertArrayEquals(drifted, Files.readAllBytes(state), "rollback restores the pre-apply file byte for byte");

        Run rollback2 = vipctl("rollback", "--yes", target, stateDir);
        assertEquals(0, rollback2.code(), rollback2.err());
        assertTrue(rollback2.out().contains("Rollback complete: 0 changed, 1 unchanged."), rollback2.out());
        assertArrayEquals(drifted, Files.readAllBytes(state));
    }

    @Test
    void typeDriftIsDetectedAndFixed() throws Exception {
        Path state = tmp.resolve("server.reg");
        String target = "--target=regfile:" + state;
        String stateDir = "--state-dir=" + tmp.resolve("backups");
        Path policy = examples().resolve("licence-loopback.yaml");
        assertEquals(0, vipctl("apply", "--yes", target, stateDir, policy.toString()).code());
        edit(state, "\"VirtualizeLoopbackAdresses\"=dword:00000001", "\"VirtualizeLoopbackAdresses\"=\"1\"");

        Run plan = vipctl("plan", "--json", "--detailed-exitcode", target, policy.toString());
        assertEquals(2, plan.code());
        List<JsonNode> d = changes(plan.out());
        assertEquals(1, d.size());
        assertEquals("REG_SZ", d.get(0).at("/before/type").asText());
        assertEquals("REG_DWORD", d.get(0).at("/after/type").asText());
        assertTrue(d.get(0).get("type_changed").asBoolean());

        Run fix = vipctl("apply", "--yes", target, stateDir, policy.toString());
        assertTrue(fix.out().contains("(type and data): REG_SZ \"1\" -> REG_DWORD 1 (0x00000001)"), fix.out());
        assertTrue(fix.out().contains("Apply complete: 1 changed, 0 unchanged."), fix.out());
        assertTrue(text(state).contains("\"VirtualizeLoopbackAdresses\"=dword:00000001"));
        assertEquals(0, vipctl("plan", "--detailed-exitcode", target, policy.toString()).code());
    }

    @Test
    void targetErrorsAreClear() throws Exception {
        Run none = vipctl("plan", examples().toString());
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertEquals(64, none.code());
            assertTrue(none.err().contains("no default target") && none.err().contains("regfile:FILE"), none.err());
        }
        Run bad = vipctl("plan", "--target=nowhere", examples().toString());
        assertEquals(64, bad.code());
        assertTrue(bad.err().contains("unknown target 'nowhere'"), bad.err());
        Path broken = tmp.resolve("broken.reg");
        Files.writeString(broken, "Windows Registry Editor Version 5.00\r\n[HKEY_LOCAL_MACHINE\\A]\r\n\"x\"=dword:zz\r\n");
        Run parse = vipctl("plan", "--target=regfile:" + broken, examples().toString());
        assertEquals(1, parse.code());
        assertTrue(parse.err().contains("broken.reg:3: dword:"), parse.err());
        assertFalse(parse.err().contains("at org."), "no stack trace");
    }

    @Test
    void aSecondApplyOnTheSameTargetFailsFastWhileTheFirstHoldsTheLock() throws Exception {
        Path state = tmp.resolve("server.reg");
        Path backups = tmp.resolve("backups");
        try (org.vipctl.files.LockFile held = org.vipctl.files.LockFile.acquire(org.vipctl.files.LockFile.beside(state), "regfile:" + state)) {
            Run second = vipctl("apply", "--yes", "--target=regfile:" + state, "--state-dir=" + backups, examples().toString());
            assertEquals(1, second.code());
            assertTrue(second.err().contains("another vipctl run is changing regfile:" + state.toAbsolutePath()),
                    second.err());
            assertTrue(second.err().contains("pid " + ProcessHandle.current().pid()), second.err());
        }
        assertFalse(Files.exists(state), "the second apply wrote nothing");
    }

    @Test
    void localGpoTargetConvergesAndRollsBack() throws Exception {
        Path gpo = tmp.resolve("GroupPolicy");
        String target = "--target=local-gpo:" + gpo;
        String stateDir = "--state-dir=" + tmp.resolve("backups");
        String ex = examples().toString();
        Run first = vipctl("apply", "--yes", target, stateDir, ex);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("(scope policy)"), first.out());
        assertTrue(first.out().contains("gpupdate /target:computer"), first.out());
        Path pol = gpo.resolve("Machine").resolve("Registry.pol");
        byte[] afterFirst = Files.readAllBytes(pol);
        byte[] iniAfterFirst = Files.readAllBytes(gpo.resolve("GPT.INI"));
        Run second = vipctl("apply", "--yes", target, stateDir, ex);
        assertTrue(second.out().contains("Apply complete: 0 changed, "), second.out());
        assertArrayEquals(afterFirst, Files.readAllBytes(pol));
        assertArrayEquals(iniAfterFirst, Files.readAllBytes(gpo.resolve("GPT.INI")), "no version bump without a change");
        Run rollback = vipctl("rollback", "--yes", target, stateDir);
        assertEquals(0, rollback.code(), rollback.err());
        assertEquals(8, Files.size(pol), "only the PReg header is left: every value the apply created is gone");
    }

    private static long countNoOps(String planJson) throws IOException {
        try (Stream<JsonNode> s = Stream.of(new ObjectMapper().readTree(planJson).get("changes"))) {
            long[] n = {0};
            s.forEach(a -> a.forEach(c -> n[0] += c.get("action").asText().equals("no-op") ? 1 : 0));
            return n[0];
        }
    }
}
