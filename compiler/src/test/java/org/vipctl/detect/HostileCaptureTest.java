package org.vipctl.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile files: each gets a located error or "not a capture", never a crash or unbounded memory. */
class HostileCaptureTest {

    @TempDir
    Path tmp;

    private String fails(Path f) {
        return assertThrows(CaptureException.class, () -> CaptureFiles.read(List.of(f), Fixtures.OEM)).getMessage();
    }

    @Test
    void aMillionLinesStopsAtTheLineLimit() throws IOException {
        Path f = tmp.resolve("million.txt");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.US_ASCII)) {
            w.write("Active Connections\r\n\r\n  Proto  Local Address          Foreign Address        State           PID\r\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write("  TCP    0.0.0.0:" + (1 + i % 60000) + "  0.0.0.0:0  LISTENING  " + (100 + i) + "\r\n");
            }
        }
        assertEquals(f + ":200001: more than 200,000 lines: a capture of one server is far smaller; is this the right file?",
                fails(f));
    }

    @Test
    void aMillionShortLinesOfNothingIsNotACapture() throws IOException {
        Path f = tmp.resolve("noise.txt");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < 1_000_000; i++) {
                w.write("x\n");
            }
        }
        assertTrue(fails(f).startsWith(f + ": not a capture: none of the forms vipctl reads"), fails(f));
    }

    @Test
    void binaryData() throws IOException {
        Path f = tmp.resolve("random.bin");
        byte[] b = new byte[100_000];
        new Random(17).nextBytes(b);
        b[10] = 0;
        Files.write(f, b);
        assertTrue(fails(f).startsWith(f + ": not a capture: binary data (a NUL byte at offset "), fails(f));
        Path g = tmp.resolve("ctl.txt");
        Files.write(g, "Active Connections\r\n\u0003\u0004garbage\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(g + ":2:1: not a capture: control character U+0003 (binary data)", fails(g));
    }

    @Test
    void oversizedFileIsRefusedBeforeReading() throws IOException {
        Path f = tmp.resolve("huge.txt");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(CaptureLimits.MAX_BYTES + 1);
        }
        assertEquals(f + ": 67,108,865 bytes: over the 64 MiB a capture may have; is this the right file?", fails(f));
    }

    @Test
    void overlongLine() throws IOException {
        Path f = tmp.resolve("long.txt");
        Files.writeString(f, "Active Connections\n" + "A".repeat(10_000) + "\n");
        assertEquals(f + ":2: not a capture: line longer than 4,096 characters", fails(f));
    }

    @Test
    void emptyMissingAndFolder() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.txt"));
        assertEquals(empty + ": not a capture: the file is empty", fails(empty));
        assertEquals(tmp.resolve("nope.json") + ": no such file", fails(tmp.resolve("nope.json")));
        assertEquals(tmp + ": is a folder; name the capture files", fails(tmp));
    }

    @Test
    void jsonListAndTasklistAlone() throws IOException {
        Path list = tmp.resolve("list.json");
        Files.writeString(list, "[{\"LocalPort\": 135}]");
        assertEquals(list + ": not a capture: a JSON list; the collector script (vipctl detect --print-collector)"
                + " writes one JSON object", fails(list));
        assertTrue(assertThrows(CaptureException.class, () -> Fixtures.read("tasklist.csv")).getMessage()
                .endsWith("tasklist.csv: a tasklist capture names the PIDs of the netstat -ano file given just before it;"
                        + " put it after that file (netstat.txt tasklist.csv)"));
    }

    @Test
    void oneLineJsonLongerThanTheLineLimitIsFine() throws IOException {
        StringBuilder b = new StringBuilder("{\"vipctlCapture\":1,\"tcp\":[");
        for (int i = 0; i < 500; i++) {
            b.append(i == 0 ? "" : ",").append("{\"localAddress\":\"0.0.0.0\",\"localPort\":").append(1000 + i)
                    .append(",\"remoteAddress\":\"0.0.0.0\",\"remotePort\":0,\"state\":\"Listen\",\"pid\":9}");
        }
        Path f = tmp.resolve("one-line.json");
        Files.writeString(f, b.append("]}").toString());
        assertEquals(500, CaptureFiles.read(List.of(f), Fixtures.OEM).get(0).sockets().size());
    }
}
