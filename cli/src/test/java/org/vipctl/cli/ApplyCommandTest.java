package org.vipctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.apply.Engine;
import org.vipctl.files.LockFile;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.target.RegFileRegistry;
import org.vipctl.target.Registry;
import org.vipctl.target.RegistryException;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyCommandTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private Path examples() {
        return Path.of(System.getProperty("vipctl.repo", "..")).resolve("examples");
    }

    private static Result run(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), factory, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Puts a registry that fails its k-th write behind --target regfile:... */
    private static CommandLine.IFactory failingAt(int k) {
        return new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == TargetOptions.class) {
                    return (K) new TargetOptions() {
                        @Override
                        Engine.Target target(boolean forWriting) {
                            Engine.Target real = super.target(forWriting);
                            return real.withOpen(() -> new FailOnWrite(real.open().get(), k));
                        }
                    };
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
    }

    @Test
    void aWriteFailingMidwayRestoresTheStateAndExitsOne() throws Exception {
        Path state = tmp.resolve("server.reg");
        RegFileRegistry seed = RegFileRegistry.open(state);
        seed.write(new RegKey(org.vipctl.registry.Hive.HKLM, org.vipctl.registry.View.BIT64,
                "SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP"), "VirtualMode", new RegValue.Dword(0));
        byte[] before = Files.readAllBytes(state);
        for (int k = 1; k <= 4; k++) {
            Result r = run(failingAt(k), "apply", "--yes", "--target=regfile:" + state,
                    "--state-dir=" + tmp.resolve("backups"), examples().toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().startsWith("vipctl: error: writing "), r.err());
            assertTrue(r.err().contains("access denied (injected)"), r.err());
            if (k > 1) {
                assertTrue(r.err().contains("Restored " + (k - 1) + " value(s) from backup " + tmp.resolve("backups")), r.err());
            }
            assertArrayEquals(before, Files.readAllBytes(state), "k=" + k);
        }
    }

    @Test
    void aSecondApplyOnTheSameTargetFailsFast() throws Exception {
        Path state = tmp.resolve("server.reg");
        Path backups = tmp.resolve("backups");
        try (LockFile held = LockFile.acquire(LockFile.beside(state), "regfile:" + state)) {
            Result r = run(CommandLine.defaultFactory(), "apply", "--yes", "--target=regfile:" + state,
                    "--state-dir=" + backups, examples().toString());
            assertEquals(1, r.code());
            assertTrue(r.err().contains("another vipctl run is changing regfile:"), r.err());
        }
        assertTrue(!Files.exists(state), "nothing written");
    }

    @Test
    void rollbackWithoutABackupSaysThereIsNothingToRestoreAndExitsZeroAsItsHelpSays() {
        Result r = run(CommandLine.defaultFactory(), "rollback", "--yes", "--target=regfile:" + tmp.resolve("s.reg"),
                "--state-dir=" + tmp.resolve("none"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Nothing to restore: no apply backup for regfile:"), r.out());
        Result help = run(CommandLine.defaultFactory(), "rollback", "--help");
        assertTrue(help.out().contains("0 restored, or nothing to restore (no backup"), help.out());
        Result named = run(CommandLine.defaultFactory(), "rollback", "--yes", "--target=regfile:" + tmp.resolve("s.reg"),
                tmp.resolve("none/missing-apply.json").toString());
        assertEquals(1, named.code(), "a named backup that is missing is an error: " + named.out());
    }

    @Test
    void rollbackPlansWithTheCatalogItIsGiven() throws Exception {
        Path state = tmp.resolve("server.reg");
        String target = "--target=regfile:" + state;
        String stateDir = "--state-dir=" + tmp.resolve("backups");
        assertEquals(0, run(CommandLine.defaultFactory(), "apply", "--yes", target, stateDir, examples().toString()).code());
        Path catalog = tmp.resolve("no-restart.yaml");
        Files.writeString(catalog, """
                settings:
                  - id: rds.ipVirtualization.enabled
                    vendor: microsoft
                    title: Turn on Remote Desktop IP Virtualization
                    source: /spec/rdsIpVirtualization/enabled
                    type: REG_DWORD
                    map: {"true": 1, "false": 0}
                    restartRequired: false
                    policy: {key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP', value: EnableVirtualIP}
                    local: {key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP', value: EnableVirtualIP}
                """);
        Path backup = Files.list(tmp.resolve("backups")).filter(p -> p.toString().endsWith("-apply.json")).findFirst().orElseThrow();
        Result withBuiltIn = run(CommandLine.defaultFactory(), "rollback", "--yes", target, "--state-dir=" + tmp.resolve("b2"), backup.toString());
        assertEquals(0, withBuiltIn.code(), withBuiltIn.err());
        assertTrue(restartWarning(withBuiltIn.out()).contains("EnableVirtualIP"), withBuiltIn.out());

        assertEquals(0, run(CommandLine.defaultFactory(), "apply", "--yes", target, stateDir, examples().toString()).code());
        Path latest = Files.list(tmp.resolve("backups")).filter(p -> p.toString().endsWith("-apply.json"))
                .max(java.util.Comparator.naturalOrder()).orElseThrow();
        Result withCatalog = run(CommandLine.defaultFactory(), "rollback", "--yes", target, "--state-dir=" + tmp.resolve("b3"),
                "--catalog=" + catalog, latest.toString());
        assertEquals(0, withCatalog.code(), withCatalog.err());
        String warning = restartWarning(withCatalog.out());
        assertTrue(warning.contains("VirtualMode"), "the other settings still need a restart: " + withCatalog.out());
        assertFalse(warning.contains("EnableVirtualIP"), "the user catalog says it needs none: " + withCatalog.out());
    }

    private static String restartWarning(String out) {
        return out.lines().filter(l -> l.contains("restart is needed")).findFirst().orElse("");
    }

    @Test
    void aKeyOnlyEntryIsPlannedAppliedOnceAndRolledBack() throws Exception {
        Path policy = Files.writeString(tmp.resolve("k.yaml"), "apiVersion: vipctl/v1\nkind: VipPolicy\nmetadata:\n  name: k\n"
                + "spec:\n  registry:\n    - key: HKLM\\SOFTWARE\\Contoso\\Empty\n");
        String target = "--target=regfile:" + tmp.resolve("s.reg");
        String stateDir = "--state-dir=" + tmp.resolve("st");
        Result plan = run(CommandLine.defaultFactory(), "plan", target, policy.toString());
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().contains("  HKLM\\SOFTWARE\\Contoso\\Empty\n    + create (the key itself, without a value)\n"), plan.out());
        Result json = run(CommandLine.defaultFactory(), "plan", "--format=json", target, policy.toString());
        assertTrue(json.out().contains("\"name\" : \"**createkey\""), json.out());

        Result apply = run(CommandLine.defaultFactory(), "apply", "--yes", target, stateDir, policy.toString());
        assertEquals(0, apply.code(), apply.err());
        assertTrue(apply.out().contains("wrote HKLM\\SOFTWARE\\Contoso\\Empty (key) exists (verified)\n"), apply.out());
        String file = new String(Files.readAllBytes(tmp.resolve("s.reg")), StandardCharsets.UTF_16LE);
        assertTrue(file.endsWith("[HKEY_LOCAL_MACHINE\\SOFTWARE\\Contoso\\Empty]\r\n\r\n"), file);
        Result again = run(CommandLine.defaultFactory(), "apply", "--yes", target, stateDir, policy.toString());
        assertTrue(again.out().contains("0 changed, 1 unchanged"), again.out());

        Result back = run(CommandLine.defaultFactory(), "rollback", "--yes", target, stateDir);
        assertEquals(0, back.code(), back.err());
        String after = new String(Files.readAllBytes(tmp.resolve("s.reg")), StandardCharsets.UTF_16LE);
        assertFalse(after.contains("Empty"), after);
    }

    @Test
    void applyWithoutStateDirOffWindowsIsAUsageError() {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"));
        Result r = run(CommandLine.defaultFactory(), "apply", "--yes", "--target=regfile:" + tmp.resolve("s.reg"),
                examples().toString());
        assertEquals(64, r.code());
        assertTrue(r.err().contains("--state-dir DIR is required"), r.err());
    }

    @Test
    void helpTextsRenderWithoutFormatWarnings() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : new String[] {"apply", "rollback"}) {
                Result r = run(CommandLine.defaultFactory(), command, "--help");
                assertEquals(0, r.code());
                assertTrue(r.out().replaceAll("\\s+", "").contains("%ProgramData%\\vipctl\\backups"), r.out());
            }
            CommandLine plan = Main.fullCommandLine().getSubcommands().get("plan");
            assertTrue(plan.getCommandSpec().findOption("--state-dir") == null, "plan keeps no state");
        } finally {
            System.setErr(original);
        }
        assertEquals("", captured.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static final class FailOnWrite implements Registry {
        private final Registry inner;
        private final int failAt;
        private int calls;

        FailOnWrite(Registry inner, int failAt) {
            this.inner = inner;
            this.failAt = failAt;
        }

        public String target() { return inner.target(); }
        public Optional<RegValue> read(RegKey key, String name) { return inner.read(key, name); }
        public boolean keyExists(RegKey key) { return inner.keyExists(key); }

        public void write(RegKey key, String name, RegValue value) {
            if (++calls == failAt) {
                throw new RegistryException("access denied (injected)");
            }
            inner.write(key, name, value);
        }

        public void delete(RegKey key, String name) {
            if (++calls == failAt) {
                throw new RegistryException("access denied (injected)");
            }
            inner.delete(key, name);
        }
    }
}
