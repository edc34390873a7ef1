package org.vipctl.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetSpecTest {

    @Test
    void parsesTheThreeForms() {
        assertEquals(new TargetSpec.Windows(), TargetSpec.parse("windows"));
        assertEquals(new TargetSpec.LocalGpo(Optional.empty()), TargetSpec.parse("local-gpo"));
        assertEquals(new TargetSpec.LocalGpo(Optional.of(Path.of("C:/gpo"))), TargetSpec.parse("local-gpo:C:/gpo"));
        assertEquals(new TargetSpec.RegFile(Path.of("a/b.reg")), TargetSpec.parse("regfile:a/b.reg"));
    }

    @Test
    void unknownTargetListsTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetSpec.parse("regfile:"));
        assertTrue(e.getMessage().contains("regfile:FILE") && e.getMessage().contains("local-gpo[:DIR]"), e.getMessage());
    }

    @Test
    void defaultIsWindowsOnWindowsAndAnErrorElsewhere() {
        assertEquals(new TargetSpec.Windows(), TargetSpec.defaultFor("Windows Server 2022"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetSpec.defaultFor("Linux"));
        assertTrue(e.getMessage().contains("no default target on Linux") && e.getMessage().contains("regfile:FILE"),
                e.getMessage());
    }
}
