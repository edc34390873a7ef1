package org.vipctl.emit;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.files.AtomicFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryFileAndLeavesNoTemporaryFiles() throws IOException {
        OutputFiles out = new OutputFiles();
        out.add("a/b.txt", new byte[] {1, 2});
        out.add("c.txt", new byte[] {3});
        List<Path> written = out.writeTo(dir);
        assertEquals(2, written.size());
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(dir.resolve("a/b.txt")));
        try (var files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void refusesPathsThatClimbOutOrAreAbsolute() {
        OutputFiles out = new OutputFiles();
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "C:\\x", "a//b", "./a", "")) {
            assertThrows(IllegalArgumentException.class, () -> out.add(bad, new byte[0]), bad);
        }
    }

    @Test
    void newFilesAreWorldReadableAndReplacedFilesKeepTheirPermissions() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path fresh = dir.resolve("fresh.txt");
        AtomicFile.write(fresh, new byte[] {1});
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));

        Path kept = dir.resolve("kept.txt");
        Files.write(kept, new byte[] {0});
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFile.write(kept, new byte[] {2});
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(kept));
    }
}
