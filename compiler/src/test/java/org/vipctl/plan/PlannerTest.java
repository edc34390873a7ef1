package org.vipctl.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vipctl.plan.Fixtures.CITRIX_VIP;
import static org.vipctl.plan.Fixtures.LOCAL_VIP;
import static org.vipctl.plan.Fixtures.POLICY_VIP;
import static org.vipctl.plan.Fixtures.set;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vipctl.catalog.Catalog;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;
import org.vipctl.target.InMemoryRegistry;

class PlannerTest {

    private final Planner planner = new Planner(Catalog.builtIn(), HostFacts.unknown());

    private static RegistryState one(RegistryEntry e) {
        return new RegistryState(Scope.LOCAL, List.of(e));
    }

    private Change only(RegistryEntry wanted, InMemoryRegistry reg) {
        Plan p = planner.plan(one(wanted), reg);
        assertEquals(1, p.changes().size());
        return p.changes().get(0);
    }

    @Test
    void emptyRegistryMeansCreateForEverySetAndNoOpForEveryDelete() {
        Plan p = planner.plan(Fixtures.desired(), new InMemoryRegistry("mem"));
        assertEquals(6, p.count(Action.CREATE));
        assertEquals(1, p.unchanged());
        assertTrue(p.hasChanges());
    }

    @Test
    void equalValueIsNoOpEvenWithOtherCaseInKeyAndName() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(new RegKey(Hive.HKLM, View.BIT64, LOCAL_VIP.path().toUpperCase()), "enablevirtualip", new RegValue.Dword(1));
        Change c = only(set(LOCAL_VIP, "EnableVirtualIP", new RegValue.Dword(1), "x"), reg);
        assertInstanceOf(Change.NoOp.class, c);
        assertEquals(Optional.of(new RegValue.Dword(1)), c.before());
    }

    @Test
    void typeMismatchIsDriftEvenWhenTheTextLooksTheSame() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(LOCAL_VIP, "VirtualizeLoopbackAdresses", new RegValue.Sz("1"));
        Change c = only(set(LOCAL_VIP, "VirtualizeLoopbackAdresses", new RegValue.Dword(1), "x"), reg);
        Change.Update u = assertInstanceOf(Change.Update.class, c);
        assertTrue(u.typeChanged());
        assertEquals(new RegValue.Sz("1"), u.old());
    }

    @Test
    void dwordsCompareUnsignedAndBitForBit() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(LOCAL_VIP, "Big", RegValue.Dword.ofUnsigned(4294967295L));
        assertInstanceOf(Change.NoOp.class, only(set(LOCAL_VIP, "Big", new RegValue.Dword(-1), "x"), reg));
        Change.Update u = assertInstanceOf(Change.Update.class,
                only(set(LOCAL_VIP, "Big", RegValue.Dword.ofUnsigned(2147483648L), "x"), reg));
        assertFalse(u.typeChanged());
        assertTrue(PlanText.show(u.old()).contains("4294967295 (0xffffffff)"), PlanText.show(u.old()));
        assertTrue(PlanText.show(u.value()).contains("2147483648 (0x80000000)"), PlanText.show(u.value()));
    }

    @Test
    void expandableStringsCompareUnexpanded() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(LOCAL_VIP, "Dir", new RegValue.ExpandSz("%ProgramData%\\x"));
        assertInstanceOf(Change.NoOp.class, only(set(LOCAL_VIP, "Dir", new RegValue.ExpandSz("%ProgramData%\\x"), "x"), reg));
        assertInstanceOf(Change.Update.class, only(set(LOCAL_VIP, "Dir", new RegValue.ExpandSz("C:\\ProgramData\\x"), "x"), reg));
        assertInstanceOf(Change.Update.class, only(set(LOCAL_VIP, "Dir", new RegValue.Sz("%ProgramData%\\x"), "x"), reg));
    }

    @Test
    void multiStringsCompareAsOrderedLists() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(LOCAL_VIP, "PerApp", new RegValue.MultiSz(List.of("a.exe", "b.exe")));
        assertInstanceOf(Change.NoOp.class, only(set(LOCAL_VIP, "PerApp", new RegValue.MultiSz(List.of("a.exe", "b.exe")), "x"), reg));
        assertInstanceOf(Change.Update.class, only(set(LOCAL_VIP, "PerApp", new RegValue.MultiSz(List.of("b.exe", "a.exe")), "x"), reg));
    }

    @Test
    void deleteOfAPresentValueIsPlannedWithItsOldData() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(LOCAL_VIP, "Old", new RegValue.Dword(7));
        Change c = only(new RegistryEntry.Delete(LOCAL_VIP, "OLD", Fixtures.from("x")), reg);
        Change.Delete d = assertInstanceOf(Change.Delete.class, c);
        assertEquals(new RegValue.Dword(7), d.old());
        assertTrue(c.after().isEmpty());
    }

    @Test
    void thirtyTwoBitViewKeyMatchesItsWow6432NodeSpelling() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Wow6432Node\\Citrix\\VIP"), "PreferLoopback", new RegValue.Dword(1));
        assertInstanceOf(Change.NoOp.class, only(set(CITRIX_VIP, "PreferLoopback", new RegValue.Dword(1), "x"), reg));
        reg.write(new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Citrix\\VIP"), "PreferLoopback", new RegValue.Dword(0));
        assertInstanceOf(Change.NoOp.class, only(set(CITRIX_VIP, "PreferLoopback", new RegValue.Dword(1), "x"), reg),
                "the 64-bit view key is another key");
    }

    @Test
    void warnsWhenTheGroupPolicyKeyOverridesTheLocalValue() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(POLICY_VIP, "EnableVirtualIP", new RegValue.Dword(0));
        Plan p = planner.plan(Fixtures.desired(), reg);
        List<PlanWarning> w = p.warnings().stream().filter(x -> x.code().equals(PlanWarning.POLICY_OVERRIDE)).toList();
        assertEquals(1, w.size());
        assertTrue(w.get(0).message().contains("SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP\\EnableVirtualIP"),
                w.get(0).message());
        assertTrue(w.get(0).message().contains("reads the policy key first"), w.get(0).message());
        RegistryState policyScope = new RegistryState(Scope.POLICY, Fixtures.desired().entries());
        assertTrue(planner.plan(policyScope, reg).warnings().stream().noneMatch(x -> x.code().equals(PlanWarning.POLICY_OVERRIDE)));
    }

    @Test
    void restartWarningNamesOnlyChangedRestartSettings() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.write(LOCAL_VIP, "EnableVirtualIP", new RegValue.Dword(1));
        Plan p = planner.plan(Fixtures.desired(), reg);
        PlanWarning w = p.warnings().stream().filter(x -> x.code().equals(PlanWarning.RESTART_REQUIRED)).findFirst().orElseThrow();
        assertTrue(w.message().contains("VirtualMode"), w.message());
        assertFalse(w.message().contains("EnableVirtualIP"), "unchanged value: " + w.message());
        assertFalse(w.message().contains("PreferLoopback"), "Citrix values need no restart: " + w.message());
    }

    @Test
    void noChangesNoRestartWarning() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        for (RegistryEntry e : Fixtures.desired().entries()) {
            if (e instanceof RegistryEntry.Set s) {
                reg.write(s.key(), s.name(), s.value());
            }
        }
        Plan p = planner.plan(Fixtures.desired(), reg);
        assertFalse(p.hasChanges());
        assertTrue(p.warnings().stream().noneMatch(w -> w.code().equals(PlanWarning.RESTART_REQUIRED)),
                p.warnings().toString());
    }

    @Test
    void winsockCatalogWarningOnlyOnServer2019Or2022WithTheEntryStillThere() {
        InMemoryRegistry reg = new InMemoryRegistry("mem");
        reg.createKey(Planner.WINSOCK_CATALOG_ENTRY);
        Planner on2022 = new Planner(Catalog.builtIn(), new HostFacts(Optional.of("Windows Server 2022")));
        assertTrue(on2022.plan(Fixtures.desired(), reg).warnings().stream()
                .anyMatch(w -> w.code().equals(PlanWarning.WINSOCK_CATALOG) && w.message().contains("2C69D9F1")));
        Planner on2016 = new Planner(Catalog.builtIn(), new HostFacts(Optional.of("Windows Server 2016")));
        assertTrue(on2016.plan(Fixtures.desired(), reg).warnings().stream().noneMatch(w -> w.code().equals(PlanWarning.WINSOCK_CATALOG)));
        assertTrue(on2022.plan(Fixtures.desired(), new InMemoryRegistry("fixed")).warnings().stream()
                .noneMatch(w -> w.code().equals(PlanWarning.WINSOCK_CATALOG)), "renamed entry: no warning");
        assertTrue(planner.plan(Fixtures.desired(), reg).warnings().stream()
                .noneMatch(w -> w.code().equals(PlanWarning.WINSOCK_CATALOG)), "unknown OS: no guess");
    }
}
