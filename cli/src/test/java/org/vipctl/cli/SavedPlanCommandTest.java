package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.View;
import org.vipctl.target.RegFileRegistry;

/** {@code plan -out FILE} and {@code apply FILE}: exactly the reviewed plan, or nothing. */
class SavedPlanCommandTest {

    private static final RegKey VIP = new RegKey(Hive.HKLM, View.BIT64,
            "SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP");

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private String examples() {
        return Path.of(System.getProperty("vipctl.repo", "..")).resolve("examples").toString();
    }

    private Path plan(Path state) {
        Path file = tmp.resolve("plan.vipctl");
        Result r = run("plan", "-out", file.toString(), "--target", "regfile:" + state, examples());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("Saved the plan to " + file), r.err());
        return file;
    }

    private Result apply(Path planFile) {
        return run("apply", "--state-dir", tmp.resolve("state").toString(), planFile.toString());
    }

    @Test
    void theSavedPlanIsAppliedAsPlannedAndHoldsBothSums() throws Exception {
        Path state = tmp.resolve("server.reg");
        RegFileRegistry.open(state).write(VIP, "VirtualMode", new RegValue.Dword(0));
        Path file = plan(state);
        JsonNode saved = new ObjectMapper().readTree(file.toFile());
        assertEquals("vipctl-plan", saved.path("kind").asText());
        for (String sum : new String[] {"desired_sha256", "current_sha256", "sha256"}) {
            assertTrue(saved.path(sum).asText().matches("[0-9a-f]{64}"), sum);
        }
        assertEquals("regfile:" + state.toAbsolutePath().normalize(), saved.path("target").asText());

        Result r = apply(file);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Applying the plan saved "), r.out());
        assertTrue(r.out().contains("Apply complete: "), r.out());
        // the target now holds what the plan said, and planning the policies again finds nothing to do
        assertEquals(Optional.of(new RegValue.Dword(1)), RegFileRegistry.open(state).read(VIP, "VirtualMode"));
        Result again = run("plan", "--detailed-exitcode", "--target", "regfile:" + state, examples());
        assertEquals(0, again.code(), again.out());
    }

    @Test
    void aTargetChangedAfterThePlanIsRefusedAndLeftAsItIs() throws Exception {
        Path state = tmp.resolve("server.reg");
        Path file = plan(state);
        RegFileRegistry.open(state).write(VIP, "VirtualMode", new RegValue.Dword(2));
        byte[] before = Files.readAllBytes(state);
        Result r = apply(file);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().startsWith("vipctl: error: regfile:" + state.toAbsolutePath().normalize()
                + " changed since the plan was made ("), r.err());
        assertTrue(r.err().contains("VirtualMode was (absent) when planned, is REG_DWORD 2"), r.err());
        assertTrue(r.err().contains("nothing written; make a new plan"), r.err());
        assertArrayEquals(before, Files.readAllBytes(state));
        assertEquals(false, Files.exists(tmp.resolve("state")) && Files.list(tmp.resolve("state"))
                .anyMatch(p -> p.toString().endsWith("-apply.json")), "no backup: nothing was about to be written");
    }

    @Test
    void aTamperedPlanIsRefused() throws Exception {
        Path state = tmp.resolve("server.reg");
        Path file = plan(state);
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(file.toFile());
        // change what a value is set to, in the part the apply would write
        for (JsonNode d : doc.path("desired")) {
            if (d.path("name").asText().equals("VIPAdapter")) {
                ((ObjectNode) d.path("value")).put("data", "203.0.113.0/24");
            }
        }
        Path tampered = tmp.resolve("tampered.vipctl");
        Files.writeString(tampered, json.writeValueAsString(doc));
        Result r = apply(tampered);
        assertEquals(1, r.code());
        assertEquals("vipctl: error: " + tampered + ": the plan file was changed after vipctl wrote it (its sha256 does"
                + " not match its content); make a new plan\n", r.err());
        assertEquals(false, Files.exists(state), "nothing written");

        // a new layout of the same content is not a change
        Path reformatted = tmp.resolve("reformatted.vipctl");
        Files.writeString(reformatted, json.writeValueAsString(json.readTree(file.toFile())), StandardCharsets.UTF_8);
        assertEquals(0, apply(reformatted).code());
    }

    @Test
    void aPlanForAnotherTargetOrWithAScopeIsAUsageError() throws Exception {
        Path state = tmp.resolve("server.reg");
        Path file = plan(state);
        Result other = run("apply", "--state-dir", tmp.resolve("state").toString(), "--target", "regfile:" + tmp.resolve("other.reg"),
                file.toString());
        assertEquals(64, other.code(), other.err());
        assertTrue(other.err().contains("is not the target of the saved plan"), other.err());
        Result scoped = run("apply", "--state-dir", tmp.resolve("state").toString(), "--scope", "policy", file.toString());
        assertEquals(64, scoped.code(), scoped.err());
    }
}
