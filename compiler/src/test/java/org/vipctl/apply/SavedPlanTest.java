package org.vipctl.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Location;
import org.vipctl.plan.HostFacts;
import org.vipctl.plan.Plan;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;
import org.vipctl.target.InMemoryRegistry;

/** The saved plan document: every value type survives, the sums cover what they say, the engine applies only an unchanged target. */
class SavedPlanTest {

    private static final RegKey KEY = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Contoso\\App");
    private static final RegKey KEY32 = new RegKey(Hive.HKLM, View.BIT32, "SOFTWARE\\Contoso\\Legacy");
    private static final Provenance FROM = new Provenance("registry", "farm", new Location("policies/farm.yaml", 7, 5));
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private static RegistryState desired() {
        return new RegistryState(Scope.LOCAL, List.of(
                new RegistryEntry.Set(KEY, "Port", new RegValue.Dword(-1), FROM),
                new RegistryEntry.Set(KEY, "Big", new RegValue.Qword(-2), FROM),
                new RegistryEntry.Set(KEY, "Home", new RegValue.ExpandSz("%ProgramData%\\x"), FROM),
                new RegistryEntry.Set(KEY, "Hosts", new RegValue.MultiSz(List.of("a", "b")), FROM),
                new RegistryEntry.Set(KEY, "Blob", new RegValue.Binary(new byte[] {1, (byte) 0xff}), FROM),
                new RegistryEntry.Set(KEY, "", new RegValue.Sz("default"), FROM),
                new RegistryEntry.Set(KEY32, "Mode", new RegValue.Dword(2), FROM),
                new RegistryEntry.Delete(KEY, "Old", FROM)));
    }

    private static InMemoryRegistry target() {
        InMemoryRegistry r = new InMemoryRegistry("memory:test");
        r.write(KEY, "Old", new RegValue.Sz("gone soon"));
        r.write(KEY, "Port", new RegValue.Dword(7));
        return r;
    }

    private static SavedPlan saved(InMemoryRegistry r) {
        Plan plan = Engine.plan(r, desired(), Catalog.builtIn(), HostFacts.unknown());
        return SavedPlan.of(plan, r.desired(desired()), NOW);
    }

    @Test
    void writtenAndReadBackItIsTheSamePlan() {
        SavedPlan p = saved(target());
        SavedPlan back = SavedPlan.parse(p.toJson(), "plan.vipctl");
        assertEquals(p.target(), back.target());
        assertEquals(p.scope(), back.scope());
        assertEquals(p.created(), back.created());
        assertEquals(p.desired().entries().stream().map(RegistryEntry::valueId).toList(),
                back.desired().entries().stream().map(RegistryEntry::valueId).toList());
        for (int i = 0; i < p.desired().entries().size(); i++) {
            RegistryEntry a = p.desired().entries().get(i);
            RegistryEntry b = back.desired().entries().get(i);
            assertEquals(a.getClass(), b.getClass());
            if (a instanceof RegistryEntry.Set s) {
                assertEquals(s.value(), ((RegistryEntry.Set) b).value());
            }
            assertEquals(a.from().source().toString(), b.from().source().toString());
        }
        assertEquals(p.current(), back.current());
        assertEquals(p.desiredSha256(), back.desiredSha256());
        assertEquals(p.currentSha256(), back.currentSha256());
        assertEquals(p.toJson(), back.toJson(), "a plan read back writes the same document");
    }

    @Test
    void theCurrentSumChangesWithAnyCurrentValueAndTheDesiredSumWithAnyDesiredOne() {
        InMemoryRegistry r = target();
        SavedPlan p = saved(r);
        List<Optional<RegValue>> other = new java.util.ArrayList<>(p.current());
        other.set(0, Optional.of(new RegValue.Dword(8)));
        assertNotEquals(p.currentSha256(), p.currentSha256(other));
        assertEquals(p.currentSha256(), p.currentSha256(p.current()));
        r.write(KEY, "Hosts", new RegValue.MultiSz(List.of("a")));
        assertNotEquals(p.currentSha256(), saved(r).currentSha256());
        assertEquals(p.desiredSha256(), saved(r).desiredSha256());
    }

    @Test
    void whatIsNotASavedPlanIsSaidSo() {
        assertFalse(SavedPlan.looksLikeOne("apiVersion: vipctl/v1\nkind: VipPolicy\n"));
        assertFalse(SavedPlan.looksLikeOne("{\"apiVersion\": \"vipctl/v1\", \"kind\": \"VipPolicy\"}"));
        assertTrue(SavedPlan.looksLikeOne(saved(target()).toJson()));
        SavedPlan.Invalid e = assertThrows(SavedPlan.Invalid.class, () -> SavedPlan.parse("{\"kind\": \"vipctl-plan\", \"format_version\": 9}", "p"));
        assertTrue(e.getMessage().contains("format 9 is not supported"), e.getMessage());
        String truncated = saved(target()).toJson();
        e = assertThrows(SavedPlan.Invalid.class, () -> SavedPlan.parse(truncated.substring(0, truncated.length() / 2), "p"));
        assertTrue(e.getMessage().startsWith("p: not a saved vipctl plan (not JSON"), e.getMessage());
    }

    @Test
    void theEngineAppliesTheSavedPlanOnlyToAnUnchangedTarget(@TempDir Path dir) {
        Engine engine = new Engine(new BackupStore(dir), Clock.fixed(NOW, ZoneOffset.UTC));
        InMemoryRegistry r = target();
        SavedPlan p = saved(r);
        r.write(KEY, "Port", new RegValue.Dword(9));
        Engine.Target t = new Engine.Target("memory:test", List.of(dir.resolve("test.lock")), List.of(), () -> r);
        Engine.TargetChanged changed = assertThrows(Engine.TargetChanged.class,
                () -> engine.applySaved(t, p, Catalog.builtIn(), HostFacts.unknown(), plan -> true));
        assertTrue(changed.getMessage().contains("Port was REG_DWORD 7 (0x00000007) when planned, is REG_DWORD 9"), changed.getMessage());
        assertEquals(Optional.of(new RegValue.Sz("gone soon")), r.read(KEY, "Old"), "nothing written");

        r.write(KEY, "Port", new RegValue.Dword(7));
        Engine.Outcome o = engine.applySaved(t, p, Catalog.builtIn(), HostFacts.unknown(), plan -> true);
        assertEquals(8, o.result().orElseThrow().written().size());
        assertEquals(Optional.empty(), r.read(KEY, "Old"));
        assertEquals(Optional.of(new RegValue.Dword(2)), r.read(KEY32, "Mode"));
        assertThrows(Engine.TargetChanged.class, () -> engine.applySaved(new Engine.Target("memory:other", List.of(dir.resolve("other.lock")), List.of(), () -> r), p,
                Catalog.builtIn(), HostFacts.unknown(), plan -> true));
    }
}
