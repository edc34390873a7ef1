package org.vipctl.format.pol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vipctl.registry.RegValue;

class PolDiffTest {

    private static final String K = "SOFTWARE\\Policies\\V";

    @Test
    void sameRecordsWithOtherCaseAndOrderAreEqual() {
        PolFile a = new PolFile(List.of(PolRecord.value(K, "One", new RegValue.Dword(1)), PolRecord.deleteValue(K, "Two")));
        PolFile b = new PolFile(List.of(PolRecord.deleteValue(K.toUpperCase(), "TWO"), PolRecord.value(K.toLowerCase(), "one", new RegValue.Dword(1))));
        PolDiff.Result d = PolDiff.diff(a, b);
        assertTrue(d.isEmpty(), d.render());
        assertEquals("0 added, 0 removed, 0 changed\n", d.render());
    }

    @Test
    void addedRemovedAndChanged() {
        PolFile a = new PolFile(List.of(
                PolRecord.value(K, "Keep", new RegValue.Dword(1)),
                PolRecord.value(K, "Change", new RegValue.Dword(1)),
                PolRecord.value(K, "Retype", new RegValue.Dword(1)),
                PolRecord.value(K, "Disable", new RegValue.Sz("x")),
                PolRecord.value(K, "Gone", new RegValue.Sz("x"))));
        PolFile b = new PolFile(List.of(
                PolRecord.value(K, "Keep", new RegValue.Dword(1)),
                PolRecord.value(K, "Change", new RegValue.Dword(2)),
                PolRecord.value(K, "Retype", new RegValue.Sz("1")),
                PolRecord.deleteValue(K, "Disable"),
                PolRecord.deleteAllValues(K),
                PolRecord.value(K, "New", new RegValue.MultiSz(List.of("a")))));
        PolDiff.Result d = PolDiff.diff(a, b);
        assertEquals(1, d.removed().size());
        assertEquals(2, d.added().size());
        assertEquals(3, d.changed().size());
        assertEquals(String.join("\n",
                "- " + K + "\\Gone  SZ:x",
                "+ " + K + "\\*  DELETEALLVALUES",
                "+ " + K + "\\New  MULTISZ:a",
                "~ " + K + "\\Change  DWORD:1 -> DWORD:2",
                "~ " + K + "\\Retype  DWORD:1 -> SZ:1",
                "~ " + K + "\\Disable  SZ:x -> DELETE",
                "2 added, 1 removed, 3 changed", ""), d.render());
    }

    @Test
    void theLastRecordForAValueCounts() {
        PolFile a = new PolFile(List.of(PolRecord.deleteValue(K, "V"), PolRecord.value(K, "V", new RegValue.Dword(1))));
        PolFile b = new PolFile(List.of(PolRecord.value(K, "V", new RegValue.Dword(1))));
        assertTrue(PolDiff.diff(a, b).isEmpty());
    }

    @Test
    void aValueNamedLikeAMarkerIsNotAKeyWideDirective() {
        PolFile a = new PolFile(List.of(PolRecord.value(K, "**createkey", new RegValue.Dword(1))));
        PolFile b = new PolFile(List.of(PolRecord.keyOnly(K)));
        PolDiff.Result d = PolDiff.diff(a, b);
        assertEquals(1, d.added().size());
        assertEquals(1, d.removed().size());
    }
}
