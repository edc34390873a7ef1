package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.registry.RegValue;
import org.vipctl.target.RegFileRegistry;

/**
 * Two runs on one target at the same time: the first is held (by the faulty file system) right
 * after it has read the target, while the second runs. Neither may lose the other's values: the
 * second must wait its turn or fail on the lock, whatever state directory each uses.
 */
class ConcurrentRunsIT {

    @TempDir
    Path tmp;

    @Test
    void anApplyHeldAfterReadingTheTargetKeepsASecondApplyWithAnotherStateDirOut() throws Exception {
        Path target = tmp.resolve("server.reg");
        Path a = Policies.custom(tmp.resolve("a"), "alpha", "A", 3, 100);
        Path b = Policies.custom(tmp.resolve("b"), "beta", "B", 3, 200);
        Path log = tmp.resolve("a-writes.log");
        List<String> holdA = new java.util.ArrayList<>(FaultyCli.fault("pause@1/3000", "-apply.json"));
        holdA.add("-Dvipctl.fault.log=" + log);
        FaultyCli.Running first = FaultyCli.start(holdA, "apply", "--yes", "--target=regfile:" + target,
                "--state-dir=" + tmp.resolve("state-a"), a.toString());
        waitFor(log);
        PackagedCli.Result second = FaultyCli.run(List.of(), "apply", "--yes", "--target=regfile:" + target,
                "--state-dir=" + tmp.resolve("state-b"), b.toString());
        PackagedCli.Result firstResult = first.await();

        assertEquals(0, firstResult.code(), firstResult.toString());
        RegFileRegistry reg = RegFileRegistry.open(target);
        assertHas(reg, "A", 3, 100);
        if (second.code() == 0) {
            assertHas(reg, "B", 3, 200);
        } else {
            assertEquals(1, second.code(), second.toString());
            assertOneLine(second, "another vipctl run is changing regfile:");
        }
    }

    @Test
    void aCompileHeldInTheMiddleKeepsASecondCompileIntoTheSameFolderFromMixingOutputs() throws Exception {
        Path out = tmp.resolve("out");
        Path examples = PackagedCli.repo().resolve("examples");
        Path log = tmp.resolve("a-writes.log");
        List<String> holdA = new java.util.ArrayList<>(FaultyCli.fault("pause@3/3000", out.toString()));
        holdA.add("-Dvipctl.fault.log=" + log);
        FaultyCli.Running first = FaultyCli.start(holdA, "compile", "--emit=reg", "-o", out.toString(),
                examples.resolve("licence-loopback.yaml").toString());
        waitFor(log);
        PackagedCli.Result second = FaultyCli.run(List.of(), "compile", "--emit=reg", "-o", out.toString(),
                examples.resolve("custom-registry.yaml").toString());
        PackagedCli.Result firstResult = first.await();

        assertEquals(0, firstResult.code(), firstResult.toString());
        if (second.code() != 0) {
            assertEquals(1, second.code(), second.toString());
            assertOneLine(second, "another vipctl run is changing");
        }
        // whichever finished last decides the folder; nothing of the other is left in it
        Map<String, byte[]> tree = tree(out);
        boolean alpha = tree.containsKey("reg/licence-loopback.reg");
        boolean beta = tree.containsKey("reg/crm-client-settings.reg");
        assertTrue(alpha ^ beta, "one compile's outputs, not a mix: " + tree.keySet());
    }

    static void assertOneLine(PackagedCli.Result r, String fragment) {
        assertTrue(r.err().contains(fragment), r.toString());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r);
    }

    private static void assertHas(RegFileRegistry reg, String prefix, int count, int base) {
        for (int i = 0; i < count; i++) {
            Optional<RegValue> v = reg.read(Policies.KEY, prefix + i);
            assertEquals(Optional.of(new RegValue.Dword(base + i)), v, prefix + i + " lost");
        }
    }

    /** Waits until the held run has reached its first counted write (it is then paused inside it). */
    private static void waitFor(Path log) throws InterruptedException, IOException {
        for (int i = 0; i < 200 && !(Files.exists(log) && Files.size(log) > 0); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(log), "the first run never reached a write");
    }

    /** Every regular file below {@code dir} that is not vipctl's own bookkeeping, by relative path. */
    static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".vipctl")) {
                    out.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }
}
