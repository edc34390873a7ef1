package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An apply killed ({@code kill -9}, no clean-up) at each of its file changes on the target, then
 * {@code vipctl rollback}: the target is as it was before the apply, byte for byte, and no temporary
 * file is left beside it.
 */
class KilledRunIT {

    @TempDir
    Path tmp;

    @Test
    void rollbackAfterAKillAtEveryFileChangeRestoresTheTargetAndRemovesTemporaryFiles() throws Exception {
        Path seedPolicy = Policies.custom(tmp.resolve("seed"), "seed", "S", 2, 1);
        Path policy = Policies.custom(tmp.resolve("p"), "alpha", "A", 4, 100);
        Path target = tmp.resolve("server.reg");
        assertEquals(0, FaultyCli.run(List.of(), "apply", "--yes", "--target=regfile:" + target,
                "--state-dir=" + tmp.resolve("seed-state"), seedPolicy.toString()).code());
        byte[] before = Files.readAllBytes(target);

        Path log = tmp.resolve("count.log");
        PackagedCli.Result counted = FaultyCli.run(FaultyCli.counting(log, "server.reg"), "apply", "--yes",
                "--target=regfile:" + tmp.resolve("server.reg"), "--state-dir=" + tmp.resolve("count-state"), policy.toString());
        assertEquals(0, counted.code(), counted.toString());
        long changes = Files.readAllLines(log).size();
        assertTrue(changes >= 2, "the target is written through a temporary file: " + Files.readAllLines(log));
        boolean sawStaleTemp = false;
        for (int k = 1; k <= changes; k++) {
            Files.write(target, before);
            Path state = tmp.resolve("state-" + k);
            PackagedCli.Result killed = FaultyCli.run(FaultyCli.fault("kill@" + k, "server.reg"), "apply", "--yes",
                    "--target=regfile:" + target, "--state-dir=" + state, policy.toString());
            assertEquals(137, killed.code(), "k=" + k + ": " + killed);
            sawStaleTemp |= !temps(target).isEmpty();

            PackagedCli.Result rollback = FaultyCli.run(List.of(), "rollback", "--yes", "--target=regfile:" + target,
                    "--state-dir=" + state);
            if (rollback.code() != 0) {
                ConcurrentRunsIT.assertOneLine(rollback, "no apply backup for regfile:");
            }
            assertArrayEquals(before, Files.readAllBytes(target), "k=" + k + ": " + rollback);
            assertEquals(List.of(), temps(target), "k=" + k + ": temporary files left after the next run");
        }
        assertTrue(sawStaleTemp, "some kill left a temporary file for the next run to remove");
    }

    private static List<String> temps(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).sorted().toList();
        }
    }
}
