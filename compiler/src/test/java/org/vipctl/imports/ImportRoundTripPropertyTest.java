package org.vipctl.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import org.vipctl.Compilation;
import org.vipctl.emit.citrix.CitrixExport;
import org.vipctl.format.citrix.CliXmlWriter;
import org.vipctl.format.reg.RegFileWriter;
import org.vipctl.gpo.GpoFolder;
import org.vipctl.gpo.GpoRegistry;
import org.vipctl.gpo.PolFromState;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.model.Policy;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.target.RegistryWrite;

/**
 * The promise of import, for every source kind: compiling what was imported writes the values the
 * source holds, and importing what a policy compiles to gives back that policy's settings. Run
 * over generated policies with every typed section and registry entries of every type.
 */
class ImportRoundTripPropertyTest {

    private final List<Path> temp = new ArrayList<>();

    @AfterTry
    void cleanUp() throws IOException {
        for (Path t : temp) {
            try (Stream<Path> s = Files.walk(t)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        temp.clear();
    }

    private Path tempDir() throws IOException {
        Path t = Files.createTempDirectory("vipctl-import");
        temp.add(t);
        return t;
    }

    @Provide
    Arbitrary<ObjectNode> policies() {
        return PolicyArbitraries.policies(false);
    }

    @Provide
    Arbitrary<ObjectNode> citrixPolicies() {
        return PolicyArbitraries.policies(true);
    }

    private static Compilation compile(ObjectNode policy) {
        return Imports.compile(PolicyArbitraries.text(policy));
    }

    /** The typed sections of the policy scope (no Citrix): import(compile(p)) gives them back as they were. */
    private static void sameTypedSections(ObjectNode policy, ImportResult r, List<String> sections) {
        if (r.files().isEmpty()) {
            sections.forEach(s -> assertFalse(policy.path("spec").has(s), s + " was not imported"));
            return;
        }
        JsonNode imported = Imports.compile(r).policies().get(0).source().tree().path("spec");
        for (String s : sections) {
            assertEquals(policy.path("spec").path(s), imported.path(s), s + "\n" + Imports.text(r, 0));
        }
    }

    @Property(tries = 150)
    void registryPolComesBackAsTheSameRecordsAndSettings(@ForAll("policies") ObjectNode policy) throws IOException {
        Compilation p = compile(policy);
        Path pol = Imports.write(tempDir().resolve("gpo/Machine/Registry.pol"),
                PolFromState.records(p.registry(Scope.POLICY), Hive.HKLM).toBytes());
        ImportResult r = Imports.run(Imports.options().withAll(true), pol.toString());
        assertEquals(0, r.notExpressible(), r.diagnostics().toString());
        Compilation back = Imports.compile(r);
        assertEquals(Imports.facts(p, Scope.POLICY), Imports.facts(back, Scope.POLICY));
        assertEquals(Imports.records(PolFromState.records(p.registry(Scope.POLICY), Hive.HKLM)),
                Imports.records(PolFromState.records(back.registry(Scope.POLICY), Hive.HKLM)));
        sameTypedSections(policy, r, List.of("rdsIpVirtualization", "rdsLoopbackVirtualization"));
        ImportResult again = Imports.run(Imports.options().withAll(true), pol.toString());
        assertEquals(r.files().size(), again.files().size());
        for (int i = 0; i < r.files().size(); i++) {
            assertEquals(Imports.text(r, i), Imports.text(again, i), "the same source gives the same bytes");
        }
    }

    @Property(tries = 100)
    void regFileComesBackAsTheSameLocalValues(@ForAll("policies") ObjectNode policy) throws IOException {
        Compilation p = compile(policy);
        Path reg = Imports.write(tempDir().resolve("p.reg"), RegFileWriter.write(p.registry(Scope.LOCAL), List.of(), true));
        ImportResult r = Imports.run(Imports.options().withAll(true), "regfile:" + reg);
        // a .reg file names a key by its section: a key-only entry whose key holds other entries, or
        // whose subkeys do, is already there, and the file cannot tell it apart
        RegistryState local = p.registry(Scope.LOCAL);
        List<RegistryEntry> said = local.entries().stream().filter(e -> !e.isKeyOnly() || local.entries().stream()
                .noneMatch(o -> o != e && (o.key().id().equals(e.key().id()) || o.key().id().startsWith(e.key().id() + "\\"))))
                .toList();
        assertEquals(Imports.facts(new RegistryState(Scope.LOCAL, said)), r.files().isEmpty() ? new java.util.TreeSet<>()
                : Imports.facts(Imports.compile(r), Scope.LOCAL));
        sameTypedSections(policy, r, List.of("rdsIpVirtualization", "rdsLoopbackVirtualization"));
    }

    @Property(tries = 60)
    void gpoBackupsOfAnyShapeComeBack(@ForAll("policies") ObjectNode policy, @ForAll boolean crlf, @ForAll boolean lower,
                                      @ForAll boolean others) throws IOException {
        Compilation p = compile(policy);
        Path b = BackupFolders.write(tempDir(), "{0B7C9D5E-1234-4F6A-8B9C-ABCDEF012345}",
                "{31B2F340-016D-11D2-945F-00C04FB984F9}", "Farm policy", PolFromState.records(p.registry(Scope.POLICY),
                        Hive.HKLM).toBytes(), null, new BackupFolders.Shape(crlf, lower, others, !lower));
        ImportResult r = Imports.run(Imports.options().withAll(true), b.getParent().toString());
        assertEquals(Imports.facts(p, Scope.POLICY), r.files().isEmpty() ? new java.util.TreeSet<>()
                : Imports.facts(Imports.compile(r), Scope.POLICY));
    }

    @Property(tries = 60)
    void aLocalGpoWrittenByTheGpoTargetComesBack(@ForAll("policies") ObjectNode policy) throws IOException {
        Compilation p = compile(policy);
        Path dir = tempDir().resolve("GroupPolicy");
        Files.createDirectories(dir);
        GpoRegistry gpo = GpoRegistry.open(dir);
        List<RegistryWrite> writes = new ArrayList<>();
        for (RegistryEntry e : gpo.desired(p.registry(Scope.POLICY)).entries()) {
            writes.add(e instanceof RegistryEntry.Set s ? new RegistryWrite.Set(s.key(), s.name(), s.value())
                    : new RegistryWrite.Delete(e.key(), e.name()));
        }
        gpo.apply(writes);
        ImportResult r = Imports.run(Imports.options().withAll(true), "local-gpo:" + dir);
        assertEquals(Imports.facts(p, Scope.POLICY), r.files().isEmpty() ? new java.util.TreeSet<>()
                : Imports.facts(Imports.compile(r), Scope.POLICY));
        assertEquals(GpoFolder.POL_PATH, "Machine/Registry.pol");
    }

    @Property(tries = 100)
    void citrixExportsComeBackAsTheSameCitrixPolicy(@ForAll("citrixPolicies") ObjectNode policy) throws IOException {
        Compilation p = compile(policy);
        CitrixPolicy original = p.citrix(p.policies().get(0));
        Path dir = tempDir().resolve("citrix");
        List<CitrixPolicy> exported = original.isEmpty() ? List.of() : List.of(original);
        for (Map.Entry<String, List<org.vipctl.format.citrix.CliValue.Obj>> f : CitrixExport.objects(exported).entrySet()) {
            Imports.write(dir.resolve(f.getKey()), CliXmlWriter.toBytes(f.getValue(), ""));
        }
        ImportResult r = Imports.run(dir.toString());
        if (original.isEmpty()) {
            assertEquals(List.of(), r.files());
            return;
        }
        Compilation back = Imports.compile(r);
        Policy imported = back.policies().get(0);
        assertEquals(describe(original), describe(back.citrix(imported)), Imports.text(r, 0));
        assertEquals(policy.path("spec").path("citrixVirtualLoopback"), imported.source().tree().path("spec")
                .path("citrixVirtualLoopback"), Imports.text(r, 0));
    }

    private static String describe(CitrixPolicy c) {
        return c.name() + "|" + c.description() + "|" + c.enabled() + "|" + c.priority() + "|"
                + c.filters().stream().map(f -> f.type() + "=" + f.value() + ":" + f.mode() + ":" + f.enabled()).toList() + "|"
                + c.settings().stream().map(s -> s.setting().name() + "=" + s.state() + s.values()).toList();
    }
}
