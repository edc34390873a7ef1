package org.vipctl.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {

    @TempDir
    Path dir;

    @Test
    void secondHolderFailsFastWithWhoHoldsIt() {
        Path x = LockFile.beside(dir.resolve("x.reg"));
        try (LockFile first = LockFile.acquire(x, "regfile:/x.reg")) {
            FileProblem e = assertThrows(FileProblem.class, () -> LockFile.acquire(x, "regfile:/x.reg"));
            assertTrue(e.getMessage().contains("another vipctl run is changing regfile:/x.reg"), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            try (LockFile other = LockFile.acquire(LockFile.beside(dir.resolve("y.reg")), "regfile:/y.reg")) {
                assertTrue(true, "another target has its own lock");
            }
        }
        try (LockFile again = LockFile.acquire(x, "regfile:/x.reg")) {
            assertTrue(true, "released on close");
        }
    }

    @Test
    void theLockLivesWithWhatItLocks() {
        assertEquals(dir.resolve(".server.reg.vipctl.lock"), LockFile.beside(dir.resolve("server.reg")));
        assertEquals(dir.resolve("out").resolveSibling(".out.vipctl.lock"), LockFile.beside(dir.resolve("out")));
        assertEquals(dir.resolve("gpo").resolve(".vipctl.lock"), LockFile.inside(dir.resolve("gpo")));
    }

    @Test
    void takingSeveralLocksGivesBackThoseTakenWhenOneIsHeld() {
        Path a = dir.resolve("a.lock");
        Path b = dir.resolve("b.lock");
        try (LockFile held = LockFile.acquire(b, "view 32")) {
            assertThrows(FileProblem.class, () -> LockFile.acquireAll(List.of(a, b), "windows"));
            try (LockFile free = LockFile.acquire(a, "view 64")) {
                assertTrue(true, "the first lock was released when the second was not free");
            }
        }
        try (LockFile.Held both = LockFile.acquireAll(List.of(a, b), "windows")) {
            assertThrows(FileProblem.class, () -> LockFile.acquire(a, "again"));
        }
    }
}
