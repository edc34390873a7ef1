package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that exhausts the packaged CLI's memory: one line and exit code 1, no stack trace. */
class HostileInputIT {

    @TempDir
    Path tmp;

    private static PackagedCli.Result runWithHeap(String heap, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", PackagedCli.jar().toString()));
        cmd.addAll(List.of(args));
        return PackagedCli.exec(cmd, PackagedCli.repo(), 180, StandardCharsets.UTF_8);
    }

    @Test
    void aTargetLargerThanTheHeapIsOneLineNotAStackTrace() throws Exception {
        Path huge = tmp.resolve("huge.reg");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(512L << 20); // sparse: no disk used
        }
        PackagedCli.Result r = runWithHeap("64m", "--max-input", "reg=1G", "plan", "--target=regfile:" + huge,
                "examples/");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().startsWith("vipctl: error: out of memory"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), r::toString);
    }

    @Test
    void withinTheLimitTheSameFileIsRefusedAtOnce() throws Exception {
        Path huge = tmp.resolve("huge.reg");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(512L << 20);
        }
        PackagedCli.Result r = runWithHeap("64m", "plan", "--target=regfile:" + huge, "examples/");
        assertEquals(1, r.code(), r::toString);
        assertEquals("vipctl: error: " + huge + ": 536,870,912 bytes, more than the 64 MiB limit for a .reg target file;"
                + " if the file is genuine, raise the limit with --max-input reg=SIZE", r.err().strip(), r::toString);
    }
}
