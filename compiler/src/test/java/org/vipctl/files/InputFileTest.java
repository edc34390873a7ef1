package org.vipctl.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileTest {

    @TempDir
    Path tmp;

    @Test
    void aRegularFileWithinItsLimitIsReadWhole() throws Exception {
        Path f = Files.write(tmp.resolve("GPT.INI"), "[General]\r\nVersion=1\r\n".getBytes());
        assertArrayEquals(Files.readAllBytes(f), InputFile.read(f, InputKind.GPT_INI, InputLimits.DEFAULT));
        assertArrayEquals(Files.readAllBytes(f), InputFile.read(f, InputKind.GPT_INI, Files.size(f)),
                "a file exactly at the limit is read");
    }

    @Test
    void aFileAboveItsLimitIsRefusedBeforeReadingWithTheWayOut() throws Exception {
        Path f = tmp.resolve("big.pol");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength((64L << 20) + 1);
        }
        InputRefused e = assertThrows(InputRefused.class, () -> InputFile.read(f, InputKind.REGISTRY_POL, InputLimits.DEFAULT));
        assertTrue(e.tooLarge());
        assertEquals(f + ": 67,108,865 bytes, more than the 64 MiB limit for a Registry.pol file; if the file is genuine,"
                + " raise the limit with --max-input pol=SIZE", e.getMessage());
        assertEquals(64L << 20 | 1, InputFile.read(f, InputKind.REGISTRY_POL,
                InputLimits.DEFAULT.with("pol=65M")).length, "a raised limit reads it");
    }

    @Test
    void missingFilesAreNoSuchFileAndFoldersAreRefused() {
        assertThrows(NoSuchFileException.class, () -> InputFile.read(tmp.resolve("none"), InputKind.BACKUP, InputLimits.DEFAULT));
        InputRefused e = assertThrows(InputRefused.class, () -> InputFile.read(tmp, InputKind.BACKUP, InputLimits.DEFAULT));
        assertFalse(e.tooLarge());
        assertTrue(e.getMessage().startsWith(tmp + ": a folder, not a regular file"), e.getMessage());
    }

    @Test
    void devicesAndPipesAreRefusedWithoutBlocking() throws Exception {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        InputRefused dev = assertThrows(InputRefused.class, () -> InputFile.read(zero, InputKind.CATALOG, InputLimits.DEFAULT));
        assertTrue(dev.getMessage().startsWith("/dev/zero: a character device, not a regular file"), dev.getMessage());

        Path fifo = tmp.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        InputRefused pipe = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(InputRefused.class, () -> InputFile.open(fifo, InputKind.ADMX, InputLimits.DEFAULT)));
        assertTrue(pipe.getMessage().startsWith(fifo + ": a named pipe (FIFO), not a regular file"), pipe.getMessage());
    }

    @Test
    void aStreamStopsWhenTheFileGrowsPastTheLimit() throws Exception {
        Path f = Files.write(tmp.resolve("a.admx"), new byte[100]);
        InputLimits limits = InputLimits.DEFAULT.with(InputKind.ADMX, 100);
        try (InputStream in = InputFile.open(f, InputKind.ADMX, limits)) {
            Files.write(f, new byte[200]);
            InputRefused e = assertThrows(InputRefused.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("grew past the 100 bytes limit"), e.getMessage());
        }
    }

    @Test
    void sizesAndKindsAreParsedAsTheOptionTakesThem() {
        assertEquals(512L << 20, InputLimits.DEFAULT.with("reg=512M").of(InputKind.REG_FILE));
        assertEquals(2L << 30, InputLimits.DEFAULT.with("backup=2g").of(InputKind.BACKUP));
        assertEquals(1000, InputLimits.DEFAULT.with("admx=1000").of(InputKind.ADMX));
        assertEquals(InputKind.POLICY.defaultLimit(), InputLimits.DEFAULT.with("admx=1000").of(InputKind.POLICY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputLimits.DEFAULT.with("reg"));
        assertTrue(e.getMessage().contains("is not KIND=SIZE"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InputLimits.DEFAULT.with("reg=-1"));
        assertThrows(IllegalArgumentException.class, () -> InputLimits.DEFAULT.with("reg=1T"));
    }
}
