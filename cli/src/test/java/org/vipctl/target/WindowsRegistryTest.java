package org.vipctl.target;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.View;

/** The adapter's own decisions, which need no Windows: view flags and what it refuses before any native call. */
class WindowsRegistryTest {

    @Test
    void everyCallNamesItsViewExplicitly() {
        assertEquals(0x0100, WindowsRegistry.viewFlag(View.BIT64), "KEY_WOW64_64KEY");
        assertEquals(0x0200, WindowsRegistry.viewFlag(View.BIT32), "KEY_WOW64_32KEY");
    }

    @Test
    void refusesEmptyMultiStringItemsAndOtherHives() {
        RegKey citrix = new RegKey(Hive.HKLM, View.BIT32, "SOFTWARE\\Citrix\\VIP");
        RegistryException e = assertThrows(RegistryException.class, () -> WindowsRegistry.checkWritable(citrix,
                Optional.of(new RegValue.MultiSz(List.of("a.exe", "", "b.exe")))));
        assertTrue(e.getMessage().contains("empty item"), e.getMessage());
        e = assertThrows(RegistryException.class, () -> WindowsRegistry.checkWritable(
                new RegKey(Hive.HKCU, View.BIT64, "Software\\X"), Optional.empty()));
        assertTrue(e.getMessage().contains("HKLM only"), e.getMessage());
        assertDoesNotThrow(() -> WindowsRegistry.checkWritable(citrix, Optional.of(new RegValue.MultiSz(List.of("a.exe")))));
    }

    @Test
    void offWindowsTheTargetSaysWhatToUseInstead() {
        org.junit.jupiter.api.Assumptions.assumeFalse(com.sun.jna.Platform.isWindows());
        RegistryException e = assertThrows(RegistryException.class, () -> WindowsRegistry.open(false));
        assertTrue(e.getMessage().contains("regfile:FILE"), e.getMessage());
    }
}
