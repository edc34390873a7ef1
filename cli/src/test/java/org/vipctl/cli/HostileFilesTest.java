package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that would hang vipctl or exhaust its memory: named pipes and devices where a file is
 * expected, and files far larger than their kind ever is (sparse, so they cost no disk). Each is
 * refused at once, with one line naming the path.
 */
class HostileFilesTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
        /** The error output as lines, without the usage hint picocli adds to usage errors. */
        List<String> errLines() {
            return err.lines().filter(l -> !l.startsWith("Try '")).toList();
        }
    }

    /** Each run gets a time bound: before these checks a pipe blocked forever. */
    private static Result run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
            return new Result(code, out.toString(), err.toString());
        });
    }

    private Path examples() {
        return Path.of(System.getProperty("vipctl.repo", "..")).resolve("examples");
    }

    private Path fifo(String name) throws Exception {
        Path p = tmp.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available here: " + e.getMessage());
            throw e;
        }
        Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        return p;
    }

    private Path sparse(String name, long size) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    private static Path devZero() {
        Path z = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(z), "no /dev/zero on this system");
        return z;
    }

    private static void oneLineNaming(Result r, Path path, String what) {
        assertEquals(1, r.code(), r.err());
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), () -> "one line: " + r.err());
        assertTrue(lines.get(0).contains(path.toString()), () -> "names " + path + ": " + r.err());
        assertTrue(lines.get(0).contains(what), () -> "says " + what + ": " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aNamedPipeAsRegfileTargetIsRefusedNotWaitedFor() throws Exception {
        Path pipe = fifo("target.reg");
        Result r = run("plan", "--target=regfile:" + pipe, examples().toString());
        oneLineNaming(r, pipe, "named pipe");
    }

    @Test
    void aNamedPipeOrDeviceGivenToPolShowOrDiffIsRefused() throws Exception {
        Path pipe = fifo("Registry.pol");
        oneLineNaming(run("pol", "show", pipe.toString()), pipe, "named pipe");
        Path empty = Files.write(tmp.resolve("empty.pol"), new byte[] {0x50, 0x52, 0x65, 0x67, 1, 0, 0, 0});
        oneLineNaming(run("pol", "diff", empty.toString(), pipe.toString()), pipe, "named pipe");
        oneLineNaming(run("pol", "show", devZero().toString()), devZero(), "character device");
    }

    @Test
    void aNamedPipeOrDevZeroAsCatalogIsOneLocatedErrorNotAHang() throws Exception {
        Path pipe = fifo("site-catalog.yaml");
        Result r = run("validate", "--catalog", pipe.toString(), examples().toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(pipe + ":") && l.contains(": error: ") && l.contains("named pipe")),
                r.out());

        Result zero = run("validate", "--catalog", devZero().toString(), examples().toString());
        assertEquals(1, zero.code(), zero.out());
        assertTrue(zero.out().lines().anyMatch(l -> l.startsWith("/dev/zero:") && l.contains(": error: ")
                && l.contains("character device")), zero.out());
    }

    @Test
    void aNamedPipeAsBackupIsRefused() throws Exception {
        Path pipe = fifo("20260101T000000000Z-apply.json");
        Result r = run("rollback", "--yes", "--target=regfile:" + tmp.resolve("t.reg"), "--state-dir=" + tmp, pipe.toString());
        oneLineNaming(r, pipe, "named pipe");
    }

    @Test
    void aHugeRegistryPolIsRefusedBeforeItIsReadAndTheLimitCanBeRaised() throws Exception {
        Path huge = sparse("Machine/Registry.pol", 200L << 20);
        Result r = run("pol", "show", huge.toString());
        oneLineNaming(r, huge, "209,715,200 bytes, more than the 64 MiB limit");
        assertTrue(r.err().contains("--max-input pol=SIZE"), "the way out: " + r.err());

        Result raised = run("--max-input", "pol=256M", "pol", "show", huge.toString());
        assertEquals(1, raised.code(), raised.err());
        assertTrue(raised.err().contains("not a valid Registry.pol"), "read and parsed now: " + raised.err());
    }

    @Test
    void aHugeRegfileTargetGptIniOrBackupIsRefusedWithItsKind() throws Exception {
        Path reg = sparse("big.reg", 65L << 20);
        oneLineNaming(run("plan", "--target=regfile:" + reg, examples().toString()), reg,
                "more than the 64 MiB limit for a .reg target file");

        Path gpo = tmp.resolve("gpo");
        Path ini = sparse("gpo/GPT.INI", 2L << 20);
        oneLineNaming(run("plan", "--target=local-gpo:" + gpo, examples().toString()), ini,
                "more than the 1 MiB limit for a GPT.INI file");

        Path backup = sparse("state/20260101T000000000Z-apply.json", 17L << 20);
        oneLineNaming(run("rollback", "--yes", "--target=regfile:" + tmp.resolve("t.reg"), "--state-dir=" + tmp.resolve("state"),
                backup.toString()), backup, "more than the 16 MiB limit for a backup record");
    }

    @Test
    void aHugePolicyFileIsOneLocatedErrorWithTheOptionThatRaisesIt() throws Exception {
        Path policy = sparse("policies/huge.yaml", 3L << 20);
        Result r = run("validate", policy.getParent().toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(policy + ":") && l.contains(": error: ")), r.out());
        assertTrue(r.out().contains("--max-input policy=SIZE"), r.out());
    }

    @Test
    void maxInputNeedsAKnownKindAndASize() {
        Result unknown = run("--max-input", "pdf=1M", "pol", "show", "x.pol");
        assertEquals(64, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("unknown kind of input 'pdf'; kinds: policy, catalog, pol, gpt-ini, reg, backup, admx, citrix, gpo-backup"),
                unknown.err());
        Result size = run("pol", "show", "--max-input", "pol=lots", "x.pol");
        assertEquals(64, size.code(), size.err());
        assertTrue(size.err().contains("size 'lots' is not a number of bytes"), size.err());
    }

    @Test
    void importAndCitrixShowRefusePipesAndHugeFilesToo() throws Exception {
        Path export = tmp.resolve("export");
        Files.createDirectories(export);
        fifo("export/GroupPolicy.xml");
        Files.writeString(export.resolve("GroupPolicyConfiguration.xml"), "<Objs/>");
        Files.writeString(export.resolve("GroupPolicyFilter.xml"), "<Objs/>");
        oneLineNaming(run("citrix", "show", export.toString()), export.resolve("GroupPolicy.xml"), "named pipe");

        Path reg = sparse("hive.reg", 65L << 20);
        Result r = run("import", "--from", "regfile", "-o", tmp.resolve("imported").toString(), reg.toString());
        oneLineNaming(r, reg, "more than the 64 MiB limit for a .reg target file");
        Result raised = run("import", "--max-input", "reg=100M", "--from", "regfile", "-o", tmp.resolve("imported").toString(),
                reg.toString());
        assertFalse(raised.err().contains("limit"), "read with the raised limit: " + raised.err());
    }
}
