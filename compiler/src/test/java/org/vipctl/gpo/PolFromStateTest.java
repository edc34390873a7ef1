package org.vipctl.gpo;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vipctl.diagnostic.Location;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolFromStateTest {

    private static final Provenance FROM = new Provenance("registry", "p", Location.ofFile("p.yaml"));

    private static RegistryState state() {
        RegKey a = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Policies\\A");
        RegKey wow = new RegKey(Hive.HKLM, View.BIT32, "SOFTWARE\\Citrix\\VIP");
        RegKey user = new RegKey(Hive.HKCU, View.BIT64, "SOFTWARE\\Policies\\U");
        return new RegistryState(Scope.POLICY, List.of(
                new RegistryEntry.Set(a, "One", new RegValue.Dword(1), FROM),
                new RegistryEntry.Set(wow, "PreferLoopback", new RegValue.Dword(1), FROM),
                new RegistryEntry.Set(user, "Skipped", new RegValue.Dword(1), FROM),
                new RegistryEntry.Delete(a, "Two", FROM)));
    }

    @Test
    void machineRecordsGroupedByKeyWithLiteralPathsAndDeletesAsDel() {
        PolFile pol = PolFromState.records(state(), Hive.HKLM);
        assertEquals(List.of(
                PolRecord.value("SOFTWARE\\Policies\\A", "One", new RegValue.Dword(1)),
                PolRecord.deleteValue("SOFTWARE\\Policies\\A", "Two"),
                PolRecord.value("SOFTWARE\\Wow6432Node\\Citrix\\VIP", "PreferLoopback", new RegValue.Dword(1))),
                pol.records());
        assertEquals(List.of(PolRecord.value("SOFTWARE\\Policies\\U", "Skipped", new RegValue.Dword(1))),
                PolFromState.records(state(), Hive.HKCU).records(), "the User file gets only HKCU");
    }

    @Test
    void theSameStateGivesTheSameBytes() {
        assertArrayEquals(PolFromState.records(state(), Hive.HKLM).toBytes(), PolFromState.records(state(), Hive.HKLM).toBytes());
    }

    @Test
    void aKeyOnlyEntryIsTheEmptyNamedRegNoneRecordWithNoData() {
        RegKey key = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Policies\\Empty");
        PolFile pol = PolFromState.records(new RegistryState(Scope.POLICY, List.of(RegistryEntry.keyOnly(key, FROM))), Hive.HKLM);
        PolRecord r = pol.records().get(0);
        assertTrue(r instanceof PolRecord.KeyOnly, r::toString);
        assertEquals("", r.raw().name());
        assertEquals(0, r.raw().type());
        assertEquals(0, r.raw().size());
        assertEquals(List.of(PolRecord.keyOnly("SOFTWARE\\Policies\\Empty")), pol.records());
    }
}
