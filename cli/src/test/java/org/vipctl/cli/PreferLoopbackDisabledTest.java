package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;

/**
 * {@code citrixPreferLoopback: {enabled: false}} turns prefer loopback off everywhere the same
 * way: PreferLoopback = 0 and PreferLoopbackProcesses removed, in the .reg file, in Registry.pol
 * and in what plan and apply do. A list given with enabled: false is a warning (VIP034).
 */
class PreferLoopbackDisabledTest {

    @TempDir
    Path tmp;

    private static final String HEAD = """
            apiVersion: vipctl/v1
            kind: VipPolicy
            metadata: {name: cti}
            targets: {os: [windowsServer2022]}
            spec:
              rdsIpVirtualization: {enabled: true, mode: perSession, networkAdapter: 192.0.2.96/24}
              citrixVirtualLoopback: {enabled: true, programs: [cti.exe]}
            """;

    private Path policy(String prefer) throws IOException {
        Path p = tmp.resolve("cti.yaml");
        Files.writeString(p, HEAD + prefer);
        return p;
    }

    @Test
    void theRegFileAndRegistryPolDeleteTheProcessList() throws Exception {
        Path p = policy("  citrixPreferLoopback: {enabled: false, processes: [cti.exe]}\n");
        Path out = tmp.resolve("out");
        ValidateCommandTest.Result r = ValidateCommandTest.run("compile", "--emit", "reg,pol", "-o", out.toString(),
                p.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.err().contains(p + ":8:54: warning: 'processes' is not written while prefer loopback is"
                + " disabled"), r.err());

        String reg = Files.readString(out.resolve("reg/cti.reg"), StandardCharsets.UTF_16LE);
        int key = reg.indexOf("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Citrix\\VIP]");
        assertTrue(key >= 0, reg);
        String section = reg.substring(key);
        assertTrue(section.contains("\"PreferLoopback\"=dword:00000000"), section);
        assertTrue(section.contains("\"PreferLoopbackProcesses\"=-"), section);

        PolFile pol = PolReader.read(Files.readAllBytes(out.resolve("gpo/Machine/Registry.pol")));
        assertTrue(pol.records().stream().anyMatch(x -> x instanceof PolRecord.DeleteValue d
                && d.key().equalsIgnoreCase("SOFTWARE\\Wow6432Node\\Citrix\\VIP")
                && d.valueName().equals("PreferLoopbackProcesses")), pol.records()::toString);
    }

    @Test
    void applyRemovesAnOldProcessListAndASecondApplyChangesNothing() throws Exception {
        Path state = tmp.resolve("server.reg");
        String target = "--target=regfile:" + state;
        String backups = "--state-dir=" + tmp.resolve("backups");
        Path on = policy("  citrixPreferLoopback: {enabled: true, processes: [cti.exe]}\n");
        assertEquals(ExitCodes.OK, ValidateCommandTest.run("apply", "--yes", target, backups, on.toString()).code());
        assertTrue(Files.readString(state, StandardCharsets.UTF_16LE).contains("PreferLoopbackProcesses"));

        Path off = policy("  citrixPreferLoopback: {enabled: false}\n");
        ValidateCommandTest.Result plan = ValidateCommandTest.run("plan", target, off.toString());
        assertTrue(plan.out().lines().anyMatch(l -> l.contains("PreferLoopbackProcesses") && l.contains("delete")),
                plan.out());
        ValidateCommandTest.Result apply = ValidateCommandTest.run("apply", "--yes", target, backups, off.toString());
        assertEquals(ExitCodes.OK, apply.code(), apply.err());
        String after = Files.readString(state, StandardCharsets.UTF_16LE);
        assertFalse(after.contains("PreferLoopbackProcesses"), after);
        assertTrue(after.contains("\"PreferLoopback\"=dword:00000000"), after);
        ValidateCommandTest.Result again = ValidateCommandTest.run("plan", "--detailed-exitcode", target, off.toString());
        assertEquals(ExitCodes.OK, again.code(), again.out());
    }
}
