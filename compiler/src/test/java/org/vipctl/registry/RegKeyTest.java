package org.vipctl.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegKeyTest {

    private static RegKey key(String full, View view) {
        return RegKey.parse(full, view).orElseThrow();
    }

    @Test
    void the32BitViewOfSoftwareIsSpelledWithWow6432Node() {
        assertEquals("SOFTWARE\\Wow6432Node\\Citrix\\VIP", key("HKLM\\SOFTWARE\\Citrix\\VIP", View.BIT32).literalPath());
        assertEquals("software\\Wow6432Node\\x".toLowerCase(), key("HKLM\\software\\x", View.BIT32).literalPath().toLowerCase());
    }

    @Test
    void otherKeysAreUnchanged() {
        assertEquals("SOFTWARE\\Citrix\\VIP", key("HKLM\\SOFTWARE\\Citrix\\VIP", View.BIT64).literalPath());
        assertEquals("SYSTEM\\CurrentControlSet", key("HKLM\\SYSTEM\\CurrentControlSet", View.BIT32).literalPath(),
                "only SOFTWARE is redirected");
        assertEquals("SOFTWARE\\Wow6432Node\\X", key("HKLM\\SOFTWARE\\Wow6432Node\\X", View.BIT32).literalPath(),
                "an already literal path is not doubled");
        assertEquals("SOFTWARE", key("HKLM\\SOFTWARE", View.BIT32).literalPath());
        assertEquals("Software\\X", key("HKCU\\Software\\X", View.BIT32).literalPath(), "HKCU is not redirected here");
    }

    @Test
    void parsingAcceptsLongHiveNamesAndTrailingBackslashes() {
        RegKey k = key("HKEY_LOCAL_MACHINE\\SOFTWARE\\X\\\\", View.BIT64);
        assertEquals(Hive.HKLM, k.hive());
        assertEquals("SOFTWARE\\X", k.path());
        assertTrue(RegKey.parse("HKXX\\A", View.BIT64).isEmpty());
        assertTrue(RegKey.parse("", View.BIT64).isEmpty());
    }

    @Test
    void identityIgnoresCaseAndTheTwoSpellingsOfA32BitKey() {
        assertEquals(key("HKLM\\SOFTWARE\\Citrix\\VIP", View.BIT32).id(), key("hklm\\software\\wow6432node\\citrix\\vip", View.BIT64).id());
        assertNotEquals(key("HKLM\\SOFTWARE\\Citrix\\VIP", View.BIT32).id(), key("HKLM\\SOFTWARE\\Citrix\\VIP", View.BIT64).id());
        assertEquals("HKLM\\software\\x", key("HKLM\\SOFTWARE\\X", View.BIT64).id());
    }
}
