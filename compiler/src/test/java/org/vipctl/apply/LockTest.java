package org.vipctl.apply;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.target.RegistryException;

class LockTest {

    @TempDir
    Path dir;

    @Test
    void secondHolderFailsFastWithWhoHoldsIt() {
        try (Lock first = Lock.acquire(dir, "regfile:/x.reg")) {
            RegistryException e = assertThrows(RegistryException.class, () -> Lock.acquire(dir, "regfile:/x.reg"));
            assertTrue(e.getMessage().contains("another vipctl apply or rollback is running on regfile:/x.reg"), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            try (Lock other = Lock.acquire(dir, "regfile:/y.reg")) {
                assertTrue(true, "another target has its own lock");
            }
        }
        try (Lock again = Lock.acquire(dir, "regfile:/x.reg")) {
            assertTrue(true, "released on close");
        }
    }
}
