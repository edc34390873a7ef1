package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.format.pol.PolReader;
import org.vipctl.gpo.GptIni;

/**
 * The CLI as a process against faults: a write that fails at the k-th file change, a process killed
 * at the k-th file change or at a random moment, two to four runs on one target at once, targets
 * that are symbolic links or read-only. After each, the invariant: the target (or the output
 * folder) is exactly as before or exactly as intended, and a failed run exits 1 with one line.
 *
 * <p>The quick run (part of {@code mvn -B verify}) tries a sample of the fault points; the soak run
 * tries every one and many more random kills:
 * {@code mvn -B verify -Dit.test=ChaosIT -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false -Dvipctl.chaos.soak=true}
 * ({@code src/test/chaos-soak.sh}). The seed of the random choices is printed; pass it back with
 * {@code -Dvipctl.chaos.seed=N} to repeat a run.
 */
class ChaosIT {

    private static final boolean SOAK = Boolean.getBoolean("vipctl.chaos.soak");
    private static final long SEED = Long.getLong("vipctl.chaos.seed", System.nanoTime());
    private static final Path EXAMPLES = PackagedCli.repo().resolve("examples");
    private static ExecutorService pool;

    @TempDir
    Path tmp;

    private final Random random = new Random(SEED);

    @BeforeAll
    static void start() {
        System.out.println("chaos: seed " + SEED + (SOAK ? ", soak run" : ", quick run"));
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    // ---- apply: a write that fails at the k-th file change, through a symbolic link ----

    @Test
    void applyThroughALinkWithAWriteFailureAtEveryFileChange() throws Exception {
        Path seed = seededRegFile(tmp.resolve("seed"));
        Path policy = Policies.custom(tmp.resolve("p"), "alpha", "A", 5, 100);
        byte[] before = Files.readAllBytes(seed);
        byte[] intended = applied(seed, policy);
        int n = count(dir -> applyArgs(link(dir, seed), dir, policy), tmp.resolve("count"));
        runAll(points(n, 8), k -> {
            Path dir = tmp.resolve("fail-" + k);
            Path link = link(dir, seed);
            PackagedCli.Result r = FaultyCli.run(FaultyCli.fault("fail@" + k, ""), applyArgs(link, dir, policy));
            assertTrue(Files.isSymbolicLink(link), "k=" + k + ": the link stays a link");
            Path real = dir.resolve("real").resolve("server.reg");
            assertOutcome(r, "k=" + k, Files.readAllBytes(real), before, intended);
            assertEquals(List.of(), temps(real.getParent()), "k=" + k);
            return null;
        });
    }

    // ---- compile -o: a write that fails at the k-th file change ----

    @Test
    void compileWithAWriteFailureAtAFileChangeLeavesTheFolderAsBeforeOrAsIntended() throws Exception {
        String[] oldInputs = {"crm-ip-virtualization.yaml", "licence-loopback.yaml"};
        String[] newInputs = {"crm-ip-virtualization.yaml", "custom-registry.yaml"};
        Map<String, String> before = compiled(tmp.resolve("ref-before"), oldInputs);
        Map<String, String> intended = compiled(tmp.resolve("ref-intended"), newInputs);
        int n = count(dir -> { prepareOut(dir, oldInputs); return compileArgs(dir.resolve("out"), newInputs); }, tmp.resolve("count"));
        runAll(points(n, 6), k -> {
            Path dir = tmp.resolve("fail-" + k);
            prepareOut(dir, oldInputs);
            PackagedCli.Result r = FaultyCli.run(FaultyCli.fault("fail@" + k, ""), compileArgs(dir.resolve("out"), newInputs));
            Map<String, String> after = tree(dir.resolve("out"));
            assertOutcome(r, "k=" + k, after, before, intended);
            if (r.code() != 0 || !besides(dir).equals(List.of("out"))) {
                // a failed run, or one that could not clear its staging folder: the next run tidies up
                PackagedCli.Result again = FaultyCli.run(List.of(), compileArgs(dir.resolve("out"), newInputs));
                assertEquals(0, again.code(), again.toString());
                assertEquals(intended, tree(dir.resolve("out")), "k=" + k + ": the next run converges");
            }
            assertEquals(List.of("out"), besides(dir), "k=" + k + ": nothing of vipctl's left beside the folder");
            return null;
        });
    }

    // ---- compile -o: killed at the k-th file change; the next run (even an invalid one) puts it back ----

    @Test
    void compileKilledAtAFileChangeIsUndoneOrFinishedByTheNextRun() throws Exception {
        String[] oldInputs = {"crm-ip-virtualization.yaml", "licence-loopback.yaml"};
        String[] newInputs = {"crm-ip-virtualization.yaml", "custom-registry.yaml"};
        Map<String, String> before = compiled(tmp.resolve("ref-before"), oldInputs);
        Map<String, String> intended = compiled(tmp.resolve("ref-intended"), newInputs);
        Path invalid = Files.writeString(tmp.resolve("invalid.yaml"), "apiVersion: vipctl/v0\n");
        int n = count(dir -> { prepareOut(dir, oldInputs); return compileArgs(dir.resolve("out"), newInputs); }, tmp.resolve("count"));
        runAll(points(n, 5), k -> {
            Path dir = tmp.resolve("kill-" + k);
            prepareOut(dir, oldInputs);
            PackagedCli.Result killed = FaultyCli.run(FaultyCli.fault("kill@" + k, ""), compileArgs(dir.resolve("out"), newInputs));
            assertEquals(137, killed.code(), "k=" + k + ": " + killed);
            PackagedCli.Result next = FaultyCli.run(List.of(), "compile", "-o", dir.resolve("out").toString(), invalid.toString());
            assertEquals(1, next.code(), next.toString());
            Map<String, String> after = tree(dir.resolve("out"));
            assertTrue(after.equals(before) || after.equals(intended), "k=" + k + ": neither as before nor as intended: "
                    + after.keySet() + " vs before " + before.keySet() + " / intended " + intended.keySet());
            assertEquals(List.of("out"), besides(dir), "k=" + k);
            return null;
        });
    }

    // ---- apply killed at a random moment, then rollback ----

    @Test
    void applyKilledAtARandomMomentThenRollbackRestoresTheTarget() throws Exception {
        Path seed = seededRegFile(tmp.resolve("seed"));
        Path policy = Policies.custom(tmp.resolve("p"), "alpha", "A", 40, 100);
        byte[] before = Files.readAllBytes(seed);
        List<Integer> rounds = new ArrayList<>();
        for (int i = 0; i < (SOAK ? 40 : 4); i++) {
            rounds.add(i);
        }
        List<Long> delays = rounds.stream().map(i -> 300L + random.nextInt(2200)).toList();
        runAll(rounds, i -> {
            Path dir = tmp.resolve("kill-" + i);
            Path target = Files.createDirectories(dir).resolve("server.reg");
            Files.write(target, before);
            FaultyCli.Running run = FaultyCli.start(List.of(), "apply", "--yes", "--target=regfile:" + target,
                    "--state-dir=" + dir.resolve("state"), policy.toString());
            Thread.sleep(delays.get(i));
            run.kill();
            run.await();
            PackagedCli.Result rollback = FaultyCli.run(List.of(), "rollback", "--yes", "--target=regfile:" + target,
                    "--state-dir=" + dir.resolve("state"));
            if (rollback.code() != 0) {
                assertOneLine(rollback, "round " + i + " (killed after " + delays.get(i) + " ms)");
                assertTrue(rollback.err().contains("no apply backup"), rollback.toString());
            }
            assertArrayEquals(before, Files.readAllBytes(target), "round " + i + " (killed after " + delays.get(i) + " ms)");
            assertEquals(List.of(), temps(dir), "round " + i);
            return null;
        });
    }

    // ---- a GPO folder killed at the k-th file change, then rollback ----

    @Test
    void gpoApplyKilledAtAFileChangeThenRollbackRestoresRegistryPol() throws Exception {
        Path seedGpo = tmp.resolve("seed-gpo");
        Path seedPolicy = Policies.custom(tmp.resolve("s"), "seed", "S", 2, 1);
        Path policy = Policies.custom(tmp.resolve("p"), "alpha", "A", 5, 100);
        PackagedCli.Result seeded = FaultyCli.run(List.of(), "apply", "--yes", "--target=local-gpo:" + seedGpo,
                "--state-dir=" + tmp.resolve("seed-state"), seedPolicy.toString());
        assertEquals(0, seeded.code(), seeded.toString());
        byte[] pol = Files.readAllBytes(seedGpo.resolve("Machine/Registry.pol"));
        byte[] ini = Files.readAllBytes(seedGpo.resolve("GPT.INI"));
        int n = count(dir -> gpoArgs(gpo(dir, pol, ini), dir, policy), tmp.resolve("count"));
        runAll(points(n, 4), k -> {
            Path dir = tmp.resolve("kill-" + k);
            Path gpo = gpo(dir, pol, ini);
            PackagedCli.Result killed = FaultyCli.run(FaultyCli.fault("kill@" + k, ""), gpoArgs(gpo, dir, policy));
            assertEquals(137, killed.code(), "k=" + k + ": " + killed);
            PackagedCli.Result rollback = FaultyCli.run(List.of(), "rollback", "--yes", "--target=local-gpo:" + gpo,
                    "--state-dir=" + dir.resolve("state"));
            if (rollback.code() != 0) {
                assertOneLine(rollback, "k=" + k);
            }
            assertEquals(PolReader.read(pol).records(), PolReader.read(Files.readAllBytes(gpo.resolve("Machine/Registry.pol"))).records(),
                    "k=" + k + ": the records are as before");
            long version = GptIni.parse(Files.readAllBytes(gpo.resolve("GPT.INI"))).version();
            assertTrue(version >= GptIni.parse(ini).version(), "k=" + k + ": the version only moves forward");
            assertEquals(List.of(), temps(gpo), "k=" + k);
            assertEquals(List.of(), temps(gpo.resolve("Machine")), "k=" + k);
            return null;
        });
    }

    // ---- two to four runs at once ----

    @Test
    void concurrentAppliesOnOneTargetLoseNothing() throws Exception {
        for (int round = 0; round < (SOAK ? 10 : 1); round++) {
            Path dir = tmp.resolve("round-" + round);
            Path target = Files.createDirectories(dir).resolve("server.reg");
            Files.write(target, Files.readAllBytes(seededRegFile(dir.resolve("seed"))));
            int runs = 2 + random.nextInt(3);
            List<FaultyCli.Running> started = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path policy = Policies.custom(dir.resolve("p" + i), "policy" + i, "P" + i + "x", 3, 10 * i);
                started.add(FaultyCli.start(List.of(), "apply", "--yes", "--target=regfile:" + target,
                        "--state-dir=" + dir.resolve("state" + i), policy.toString()));
            }
            int succeeded = 0;
            for (int i = 0; i < runs; i++) {
                PackagedCli.Result r = started.get(i).await();
                String values = new String(Files.readAllBytes(target), StandardCharsets.UTF_16LE);
                if (r.code() == 0) {
                    succeeded++;
                    for (int v = 0; v < 3; v++) {
                        assertTrue(values.contains("\"P" + i + "x" + v + "\"=dword:"), "run " + i + " lost value " + v);
                    }
                } else {
                    assertOneLine(r, "run " + i);
                    assertTrue(r.err().contains("another vipctl run is changing"), r.toString());
                    assertTrue(!values.contains("\"P" + i + "x0\""), "a refused run wrote nothing");
                }
            }
            assertTrue(succeeded >= 1, "one of " + runs + " runs got the lock");
        }
    }

    @Test
    void concurrentCompilesIntoOneFolderLeaveOneRunsOutputs() throws Exception {
        String[][] inputs = {
            {"crm-ip-virtualization.yaml", "licence-loopback.yaml"},
            {"crm-ip-virtualization.yaml", "custom-registry.yaml"},
            {"custom-registry.yaml"},
            {"crm-ip-virtualization.yaml"},
        };
        List<Map<String, String>> intended = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            Map<String, String> ref = compiled(tmp.resolve("ref-" + i), inputs[i]);
            ref.remove("notes.txt");
            intended.add(ref);
        }
        for (int round = 0; round < (SOAK ? 10 : 1); round++) {
            Path out = tmp.resolve("round-" + round).resolve("out");
            int runs = 2 + random.nextInt(3);
            List<FaultyCli.Running> started = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                started.add(FaultyCli.start(List.of(), compileArgs(out, inputs[i])));
            }
            List<Map<String, String>> allowed = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                PackagedCli.Result r = started.get(i).await();
                if (r.code() == 0) {
                    allowed.add(intended.get(i));
                } else {
                    assertOneLine(r, "run " + i);
                }
            }
            assertTrue(allowed.contains(tree(out)), "the folder holds one run's outputs exactly: " + tree(out).keySet());
        }
    }

    // ---- read-only targets and outputs ----

    @Test
    void readOnlyTargetsAndOutputsAreLeftAlone() throws Exception {
        Path seed = seededRegFile(tmp.resolve("seed"));
        Path target = Files.write(tmp.resolve("server.reg"), Files.readAllBytes(seed));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(target);
        PackagedCli.Result r = FaultyCli.run(List.of(), applyArgs(target, tmp.resolve("a"),
                Policies.custom(tmp.resolve("p"), "alpha", "A", 2, 1)));
        assertOneLine(r, "read-only regfile target");
        assertArrayEquals(before, Files.readAllBytes(target));

        String[] inputs = {"crm-ip-virtualization.yaml", "licence-loopback.yaml"};
        prepareOut(tmp.resolve("c"), inputs);
        Path out = tmp.resolve("c").resolve("out");
        Files.setPosixFilePermissions(out.resolve("reg/crm-farm.reg"), PosixFilePermissions.fromString("r--r--r--"));
        Map<String, String> outBefore = tree(out);
        PackagedCli.Result c = FaultyCli.run(List.of(), compileArgs(out, "crm-ip-virtualization.yaml", "custom-registry.yaml"));
        assertOneLine(c, "read-only output");
        assertTrue(c.err().contains("read-only"), c.toString());
        assertEquals(outBefore, tree(out));
    }

    // ---- helpers ----

    private interface Point {
        Void run(int k) throws Exception;
    }

    /** Runs {@code body} for every point, two at a time (the points are independent); the first failure fails the test. */
    private static void runAll(List<Integer> points, Point body) throws Exception {
        List<Future<Void>> futures = new ArrayList<>();
        for (int k : points) {
            Callable<Void> c = () -> body.run(k);
            futures.add(pool.submit(c));
        }
        for (Future<Void> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw (Exception) e.getCause();
            }
        }
        System.out.println("chaos: " + points.size() + " fault points " + points);
    }

    /** Every point from 1 to n in a soak run; otherwise the first, the last and {@code quick - 2} chosen at random. */
    private List<Integer> points(int n, int quick) {
        TreeSet<Integer> out = new TreeSet<>();
        if (SOAK || n <= quick) {
            for (int k = 1; k <= n; k++) {
                out.add(k);
            }
            return new ArrayList<>(out);
        }
        out.add(1);
        out.add(n);
        while (out.size() < quick) {
            out.add(1 + random.nextInt(n));
        }
        return new ArrayList<>(out);
    }

    private interface Args {
        String[] in(Path dir) throws IOException;
    }

    /** How many file changes a clean run makes (the fault points to try). */
    private static int count(Args args, Path dir) throws Exception {
        Path log = Files.createDirectories(dir).resolve("count.log");
        PackagedCli.Result r = FaultyCli.run(FaultyCli.counting(log, ""), args.in(dir));
        assertEquals(0, r.code(), r.toString());
        int n = Files.readAllLines(log).size();
        assertTrue(n > 0, "no file changes counted");
        return n;
    }

    /**
     * Standard error without the example policies' own findings (warnings about them, each located
     * in an example file, with its hint lines, and the count of the notes not listed): what the run
     * itself said.
     */
    private static String ownErr(PackagedCli.Result r) {
        String examples = EXAMPLES.toString();
        return r.err().lines().filter(l -> !l.startsWith(examples) && !l.startsWith(" ")
                        && !l.matches("\\d+ notes? \\(not listed; --notes lists (it|them)\\)"))
                .map(l -> l + "\n").reduce("", String::concat);
    }

    private static void assertOneLine(PackagedCli.Result r, String what) {
        assertEquals(1, r.code(), what + ": " + r);
        String err = ownErr(r);
        assertEquals(1, err.strip().lines().count(), what + ": one line: " + r);
        assertTrue(err.startsWith("vipctl: error: "), what + ": " + r);
        assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), what + ": no stack trace: " + r);
    }

    private static void assertOutcome(PackagedCli.Result r, String what, byte[] after, byte[] before, byte[] intended) {
        if (r.code() == 0) {
            assertArrayEquals(intended, after, what + ": exit 0 but not as intended: " + r);
        } else {
            assertOneLine(r, what);
            assertArrayEquals(before, after, what + ": failed but not as before: " + r);
        }
    }

    private static void assertOutcome(PackagedCli.Result r, String what, Map<String, String> after,
            Map<String, String> before, Map<String, String> intended) {
        if (r.code() == 0) {
            assertEquals(intended, after, what + ": exit 0 but not as intended: " + r);
        } else {
            assertOneLine(r, what);
            assertEquals(before, after, what + ": failed but not as before: " + r);
        }
    }

    /** A .reg target holding two values of its own, written by a clean apply. */
    private static Path seededRegFile(Path dir) throws Exception {
        Path target = Files.createDirectories(dir).resolve("server.reg");
        if (!Files.exists(target)) {
            PackagedCli.Result r = FaultyCli.run(List.of(), "apply", "--yes", "--target=regfile:" + target,
                    "--state-dir=" + dir.resolve("state"), Policies.custom(dir, "seed", "S", 2, 1).toString());
            assertEquals(0, r.code(), r.toString());
        }
        return target;
    }

    /** What a clean apply of {@code policy} makes of a copy of {@code seed}. */
    private byte[] applied(Path seed, Path policy) throws Exception {
        Path dir = tmp.resolve("intended");
        Path target = Files.createDirectories(dir).resolve("server.reg");
        Files.copy(seed, target);
        assertEquals(0, FaultyCli.run(List.of(), applyArgs(target, dir, policy)).code());
        return Files.readAllBytes(target);
    }

    /** {@code dir/link.reg} pointing at a fresh copy of {@code seed} in {@code dir/real}. */
    private static Path link(Path dir, Path seed) throws IOException {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("server.reg");
        Files.copy(seed, real, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path link = dir.resolve("link.reg");
        Files.deleteIfExists(link);
        return Files.createSymbolicLink(link, Path.of("real", "server.reg"));
    }

    private static String[] applyArgs(Path target, Path dir, Path policy) {
        return new String[] {"apply", "--yes", "--target=regfile:" + target, "--state-dir=" + dir.resolve("state"), policy.toString()};
    }

    private static Path gpo(Path dir, byte[] pol, byte[] ini) throws IOException {
        Path gpo = Files.createDirectories(dir.resolve("gpo").resolve("Machine")).getParent();
        Files.write(gpo.resolve("Machine/Registry.pol"), pol);
        Files.write(gpo.resolve("GPT.INI"), ini);
        return gpo;
    }

    private static String[] gpoArgs(Path gpo, Path dir, Path policy) {
        return new String[] {"apply", "--yes", "--target=local-gpo:" + gpo, "--state-dir=" + dir.resolve("state"), policy.toString()};
    }

    private static String[] compileArgs(Path out, String... inputs) {
        List<String> a = new ArrayList<>(List.of("compile", "--emit", "reg,pol,gpo", "-o", out.toString()));
        Arrays.stream(inputs).map(i -> EXAMPLES.resolve(i).toString()).forEach(a::add);
        return a.toArray(String[]::new);
    }

    private final Map<String, Path> prepared = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@code dir/out} as a clean compile of {@code inputs} leaves it, plus a file of the user's own
     * (compiled once, then copied).
     */
    private void prepareOut(Path dir, String... inputs) throws IOException {
        Path ref = prepared.computeIfAbsent(String.join(",", inputs), key -> {
            Path out = tmp.resolve("prepared-" + prepared.size()).resolve("out");
            try {
                PackagedCli.Result r = FaultyCli.run(List.of(), compileArgs(out, inputs));
                assertEquals(0, r.code(), r.toString());
                assertEquals("", ownErr(r), "only the examples' own findings on stderr");
                Files.writeString(out.resolve("notes.txt"), "the user's own");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
        Path out = Files.createDirectories(dir).resolve("out");
        try (Stream<Path> s = Files.walk(ref)) {
            for (Path p : s.toList()) {
                Path to = out.resolve(ref.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    /** The tree a clean compile of {@code inputs} leaves, with the user's file of {@link #prepareOut}. */
    private Map<String, String> compiled(Path dir, String... inputs) throws IOException {
        prepareOut(dir, inputs);
        return tree(dir.resolve("out"));
    }

    /** Every file and folder below {@code dir} with a checksum of each file: what "exactly" compares. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                out.put(rel, Files.isDirectory(p) ? "<dir>" : sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    /** What is beside the output folder apart from its lock file (a staging or trash folder would show here). */
    private static List<String> besides(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".vipctl.lock")).sorted().toList();
        }
    }

    private static List<String> temps(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).sorted().toList();
        }
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
