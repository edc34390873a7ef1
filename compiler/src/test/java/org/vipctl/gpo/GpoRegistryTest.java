package org.vipctl.gpo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vipctl.plan.Fixtures.POLICY_VIP;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.apply.BackupStore;
import org.vipctl.apply.Engine;
import org.vipctl.catalog.Catalog;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolRecord;
import org.vipctl.format.pol.PolWriter;
import org.vipctl.format.pol.RawRecord;
import org.vipctl.plan.Fixtures;
import org.vipctl.plan.HostFacts;
import org.vipctl.plan.Plan;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;
import org.vipctl.target.RegistryException;

class GpoRegistryTest {

    private static final String VIP = POLICY_VIP.path();
    private static final String OTHER = "SOFTWARE\\Policies\\Microsoft\\Windows\\System";
    private static final RegKey OTHER_KEY = new RegKey(Hive.HKLM, View.BIT64, OTHER);
    private static final RegKey CITRIX_POLICY = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Wow6432Node\\Citrix\\VIP");

    @TempDir
    Path tmp;

    private Path gpo() {
        return tmp.resolve("gpo");
    }

    private void existing(String ini, PolRecord... records) throws IOException {
        Files.createDirectories(gpo().resolve("Machine"));
        Files.write(gpo().resolve("Machine/Registry.pol"), PolWriter.write(List.of(records)));
        Files.write(gpo().resolve("GPT.INI"), ini.getBytes(StandardCharsets.ISO_8859_1));
    }

    private byte[] pol() throws IOException {
        return Files.readAllBytes(gpo().resolve("Machine/Registry.pol"));
    }

    private List<PolRecord> records() throws IOException {
        return PolReader.read(gpo().resolve("Machine/Registry.pol")).records();
    }

    private String ini() throws IOException {
        return Files.readString(gpo().resolve("GPT.INI"), StandardCharsets.ISO_8859_1);
    }

    private Engine engine() {
        return new Engine(new BackupStore(tmp.resolve("state")), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private Engine.Target target(Ownership owned) {
        Path dir = gpo().toAbsolutePath().normalize();
        return Engine.Target.gpoFolder(dir, owned);
    }

    private Engine.Outcome apply(RegistryState desired) {
        return apply(desired, Ownership.none());
    }

    private Engine.Outcome apply(RegistryState desired, Ownership owned) {
        return engine().apply(target(owned), desired, Catalog.builtIn(), HostFacts.unknown(), p -> true);
    }

    private Engine.Outcome rollback() {
        return engine().rollback(target(Ownership.none()), Optional.empty(), Catalog.builtIn(), HostFacts.unknown(), p -> true);
    }

    private static RegistryState state(RegistryEntry... entries) {
        return new RegistryState(Scope.POLICY, List.of(entries));
    }

    private static RegistryEntry set(RegKey key, String name, long dword) {
        return Fixtures.set(key, name, new RegValue.Dword((int) dword), "registry");
    }

    private static RegistryEntry absent(RegKey key, String name) {
        return new RegistryEntry.Delete(key, name, Fixtures.from("registry"));
    }

    // --- reading: what the Group Policy client would do ---

    @Test
    void aDelvalsRecordHidesTheValuesOfItsKeyThatCameBefore() throws IOException {
        existing("[General]\r\nVersion=1\r\n",
                PolRecord.value(VIP, "EnableVirtualIP", new RegValue.Dword(1)),
                PolRecord.deleteAllValues(VIP),
                PolRecord.value(VIP, "VirtualMode", new RegValue.Dword(1)));
        GpoRegistry reg = GpoRegistry.open(gpo());
        assertEquals(Optional.empty(), reg.read(POLICY_VIP, "EnableVirtualIP"), "deleted by **delvals. after it");
        assertInstanceOf(GpoEffect.Deletes.class, reg.effect(POLICY_VIP, "EnableVirtualIP"));
        assertEquals(Optional.of(new RegValue.Dword(1)), reg.read(POLICY_VIP, "VirtualMode"), "set after **delvals.");
    }

    @Test
    void aDeleteValuesRecordDeletesOnlyTheValuesItLists() throws IOException {
        existing("[General]\r\nVersion=1\r\n",
                PolRecord.value(VIP, "EnableVirtualIP", new RegValue.Dword(1)),
                PolRecord.value(VIP, "VirtualMode", new RegValue.Dword(1)),
                PolRecord.deleteValues(VIP, List.of("virtualmode", "Other")));
        GpoRegistry reg = GpoRegistry.open(gpo());
        assertEquals(Optional.of(new RegValue.Dword(1)), reg.read(POLICY_VIP, "EnableVirtualIP"));
        assertEquals(Optional.empty(), reg.read(POLICY_VIP, "VirtualMode"));
    }

    @Test
    void aDeleteKeysRecordOnTheParentDeletesTheKeyAndItsValues() throws IOException {
        String parent = "SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv";
        existing("[General]\r\nVersion=1\r\n",
                PolRecord.value(VIP, "EnableVirtualIP", new RegValue.Dword(1)),
                PolRecord.deleteKeys(parent, List.of("virtualip")));
        assertEquals(Optional.empty(), GpoRegistry.open(gpo()).read(POLICY_VIP, "EnableVirtualIP"));
    }

    @Test
    void aSoftValueEnforcesNothingSoApplyReplacesItWithAValueRecord() throws IOException {
        existing("[General]\r\nVersion=1\r\n", PolRecord.softValue(VIP, "EnableVirtualIP", new RegValue.Dword(1)));
        GpoRegistry reg = GpoRegistry.open(gpo());
        assertEquals(Optional.empty(), reg.read(POLICY_VIP, "EnableVirtualIP"));
        assertInstanceOf(GpoEffect.SetsIfAbsent.class, reg.effect(POLICY_VIP, "EnableVirtualIP"));

        Engine.Outcome out = apply(state(set(POLICY_VIP, "EnableVirtualIP", 1)));

        assertEquals(2, out.result().orElseThrow().written().size(), "the value record made, the soft record removed");
        assertEquals(List.of(PolRecord.value(VIP, "EnableVirtualIP", new RegValue.Dword(1))), records());
    }

    // --- writing: one batch, one version step, foreign records byte for byte ---

    @Test
    void fiveChangesInOneApplyBumpTheVersionOnce() throws IOException {
        existing("[General]\r\nVersion=131075\r\ndisplayName=Farm\r\n");
        Engine.Outcome out = apply(state(set(POLICY_VIP, "EnableVirtualIP", 1), set(POLICY_VIP, "VirtualMode", 1),
                set(POLICY_VIP, "PromptOnIPLeaseFail", 0), set(CITRIX_POLICY, "PreferLoopback", 1), set(OTHER_KEY, "X", 7)));
        assertEquals(5, out.result().orElseThrow().written().size());
        assertEquals("[General]\r\nVersion=131076\r\ndisplayName=Farm\r\ngPCMachineExtensionNames=["
                + ExtensionNames.REGISTRY_CSE + ExtensionNames.REGISTRY_TOOL_MACHINE + "]\r\n", ini(),
                "computer half 3 -> 4 once, user half 2 untouched");
        assertEquals(5, records().size());
    }

    @Test
    void ownedRecordsAreReplacedInPlaceAndForeignOnesStayByteForByte() throws IOException {
        PolRecord foreign1 = PolRecord.value(OTHER, "EnableSmartScreen", new RegValue.Dword(0));
        // a foreign record with non-canonical bytes (MULTI_SZ lacking the list terminator) must survive as is
        PolRecord foreign2 = PolRecord.of(new RawRecord(OTHER, "Odd", 7, new byte[] {'a', 0, 0, 0}));
        existing("[General]\r\nVersion=131075\r\n", foreign1, PolRecord.deleteValue(VIP, "virtualmode"), foreign2);

        apply(state(set(POLICY_VIP, "VirtualMode", 1), set(POLICY_VIP, "EnableVirtualIP", 1)));

        List<PolRecord> want = List.of(foreign1, PolRecord.value(VIP, "VirtualMode", new RegValue.Dword(1)),
                PolRecord.value(VIP, "EnableVirtualIP", new RegValue.Dword(1)), foreign2);
        assertArrayEquals(PolWriter.write(want), pol(), "the value takes its **del. record's place; a new one follows its key");
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTimeAndRollbackIsExact() throws IOException {
        existing("[General]\r\nVersion=65537\r\n",
                PolRecord.value("Software\\Policies\\Other", "Keep", new RegValue.Dword(5)),
                PolRecord.value(VIP, "EnableVirtualIP", new RegValue.Dword(0)),
                PolRecord.deleteValue(VIP, "VirtualMode"),
                PolRecord.value("Software\\Policies\\Other", "Last", new RegValue.Sz("x")));
        byte[] polBefore = pol();
        RegistryState desired = state(set(POLICY_VIP, "EnableVirtualIP", 1), set(POLICY_VIP, "VirtualMode", 1),
                set(CITRIX_POLICY, "PreferLoopback", 1));

        assertEquals(4, apply(desired).result().orElseThrow().written().size(), "three values and the **del. record VirtualMode replaces");
        byte[] polAfter = pol();
        String iniAfter = ini();
        Engine.Outcome second = apply(desired);
        assertEquals(0, second.result().orElseThrow().written().size());
        assertFalse(second.plan().hasChanges());
        assertArrayEquals(polAfter, pol());
        assertEquals(iniAfter, ini(), "no version step without a change");

        rollback();
        assertArrayEquals(polBefore, pol(), "every record back in its place");
        assertTrue(ini().contains("Version=65539\r\n"), "the rollback is a change of the GPO too: " + ini());
    }

    @Test
    void aValueNameWithABackslashRoundTripsWithoutDuplicates() throws IOException {
        RegKey key = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Policies\\Contoso");
        apply(state(set(key, "a\\b", 1)));
        apply(state(set(key, "a\\b", 2)));
        apply(state(set(key, "a\\b", 2)));
        assertEquals(List.of(PolRecord.value(key.path(), "a\\b", new RegValue.Dword(2))), records());

        Engine.Outcome gone = apply(state(absent(key, "a\\b")));
        assertEquals(List.of(PolRecord.deleteValue(key.path(), "a\\b")), records(), "the client deletes the value");
        assertEquals(Optional.empty(), GpoRegistry.open(gpo()).read(key, "a\\b"));
        assertTrue(gone.result().orElseThrow().written().size() >= 1);
        assertFalse(apply(state(absent(key, "a\\b"))).plan().hasChanges(), "absent stays absent");
    }

    @Test
    void ensureAbsentOnAnEmptyGpoWritesADelRecordAndRollbackRemovesIt() throws IOException {
        apply(state(absent(POLICY_VIP, "VirtualMode")));
        assertEquals(List.of(PolRecord.deleteValue(VIP, "VirtualMode")), records());
        rollback();
        assertEquals(List.of(), records());
    }

    @Test
    void aKeyOnlyEntryIsTheKeyOnlyRecordItselfBesideADefaultValueAndRollbackRemovesJustIt() throws IOException {
        RegKey key = new RegKey(Hive.HKLM, View.BIT64, "Software\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile\\Logging");
        PolRecord defaultValue = PolRecord.value(key.path(), "", new RegValue.Sz("kept"));
        existing("[General]\r\nVersion=0\r\n", defaultValue);
        RegistryState desired = state(RegistryEntry.keyOnly(key, Fixtures.from("registry")));

        Engine.Outcome first = apply(desired);
        assertEquals(1, first.result().orElseThrow().written().size());
        assertEquals(List.of(defaultValue, PolRecord.keyOnly(key.path())), records(),
                "the key-only record is not the default value, though both have an empty name");
        assertEquals(Optional.of(new RegValue.None()), GpoRegistry.open(gpo()).read(key, RegistryEntry.KEY_ONLY));
        assertFalse(apply(desired).plan().hasChanges(), "a second apply changes nothing");

        rollback();
        assertEquals(List.of(defaultValue), records());
        assertEquals(Optional.empty(), GpoRegistry.open(gpo()).read(key, RegistryEntry.KEY_ONLY));
    }

    @Test
    void aNewFolderGetsTheSameBytesAsAFreshCompile() throws IOException {
        Files.createDirectories(gpo());
        RegistryState desired = state(set(POLICY_VIP, "EnableVirtualIP", 1), set(CITRIX_POLICY, "PreferLoopback", 1),
                set(POLICY_VIP, "VirtualMode", 1), absent(OTHER_KEY, "Legacy"));
        apply(desired);
        var fresh = GpoFolder.fresh(PolFromState.records(desired, Hive.HKLM));
        assertArrayEquals(fresh.get(GpoFolder.POL_PATH), pol());
        assertArrayEquals(fresh.get(GpoFolder.INI_PATH), Files.readAllBytes(gpo().resolve("GPT.INI")));
    }

    @Test
    void ownedValuesTheDesiredStateLeavesOutAreRemoved() throws IOException {
        PolRecord foreign = PolRecord.value(OTHER, "Keep", new RegValue.Dword(1));
        existing("[General]\r\nVersion=3\r\n", PolRecord.value(VIP, "EnableVirtualIP", new RegValue.Dword(1)),
                foreign, PolRecord.softValue(VIP, "VirtualMode", new RegValue.Dword(1)));
        Ownership owned = Ownership.of(Set.of(new ValueId(VIP, "EnableVirtualIP"), new ValueId(VIP, "VirtualMode")));

        Engine.Outcome out = apply(state(), owned);

        assertEquals(2, out.result().orElseThrow().written().size());
        assertEquals(List.of(foreign), records());
        assertTrue(ini().contains("Version=4\r\n"), ini());
    }

    @Test
    void theComputerVersionWrapsPast65535() throws IOException {
        existing("[General]\r\nVersion=65535\r\n");
        apply(state(set(POLICY_VIP, "EnableVirtualIP", 1)));
        assertTrue(ini().contains("Version=1\r\n"), "65535 wraps to 1: " + ini());
        apply(state(set(POLICY_VIP, "EnableVirtualIP", 0)));
        assertTrue(ini().contains("Version=2\r\n"), ini());
    }

    @Test
    void findsFilesWhateverTheirCaseAsALocalGpoSpellsThem() throws IOException {
        Files.createDirectories(gpo().resolve("MACHINE"));
        Files.write(gpo().resolve("MACHINE/registry.pol"), PolWriter.write(List.of(PolRecord.keyOnly(OTHER))));
        Files.writeString(gpo().resolve("gpt.ini"), "[General]\r\ngPCFunctionalityVersion=2\r\nVersion=1\r\n");
        apply(state(set(POLICY_VIP, "EnableVirtualIP", 1)));
        assertEquals(2, PolReader.read(gpo().resolve("MACHINE/registry.pol")).records().size());
        assertTrue(Files.readString(gpo().resolve("gpt.ini")).contains("Version=2\r\n"));
        try (var s = Files.list(gpo())) {
            assertEquals(2, s.filter(p -> !p.getFileName().toString().equals(".vipctl.lock")).count(),
                    "no second GPT.INI or Machine folder created (the lock file aside)");
        }
    }

    @Test
    void aCorruptRegistryPolIsAnErrorAndNothingIsWritten() throws IOException {
        Files.createDirectories(gpo().resolve("Machine"));
        byte[] corrupt = {'P', 'R', 'e', 'g', 1, 0, 0, 0, '[', 0};
        Files.write(gpo().resolve("Machine/Registry.pol"), corrupt);
        Files.writeString(gpo().resolve("GPT.INI"), "[General]\r\nVersion=3\r\n");
        RegistryException e = assertThrows(RegistryException.class, () -> apply(state(set(POLICY_VIP, "EnableVirtualIP", 1))));
        assertTrue(e.getMessage().contains("Registry.pol: truncated record at offset 8"), e.getMessage());
        assertArrayEquals(corrupt, pol());
        assertEquals("[General]\r\nVersion=3\r\n", ini());
    }

    @Test
    void machineValuesOnly() {
        GpoRegistry reg = GpoRegistry.open(gpo());
        RegistryException e = assertThrows(RegistryException.class, () -> reg.write(
                new RegKey(Hive.HKCU, View.BIT64, "Software\\X"), "a", new RegValue.Dword(1)));
        assertTrue(e.getMessage().contains("HKLM"), e.getMessage());
    }

    @Test
    void thirtyTwoBitViewKeysGoInAsWow6432NodePaths() throws IOException {
        apply(state(Fixtures.set(Fixtures.CITRIX_VIP, "PreferLoopbackProcesses",
                new RegValue.MultiSz(List.of("softphone.exe")), "citrix.preferLoopback.processes")));
        assertEquals("SOFTWARE\\Wow6432Node\\Citrix\\VIP", records().get(0).key());
        assertEquals(Optional.of(new RegValue.MultiSz(List.of("softphone.exe"))),
                GpoRegistry.open(gpo()).read(CITRIX_POLICY, "PreferLoopbackProcesses"));
    }

    @Test
    void theDesiredStateOfAGpoIsRecordsAndListsCompanionsOnlyWhereTheyExist() throws IOException {
        existing("[General]\r\nVersion=1\r\n", PolRecord.deleteValue(VIP, "EnableVirtualIP"));
        GpoRegistry reg = GpoRegistry.open(gpo());
        RegistryState d = reg.desired(state(set(POLICY_VIP, "EnableVirtualIP", 1), absent(POLICY_VIP, "VirtualMode")));
        List<String> names = new ArrayList<>();
        d.entries().forEach(e -> names.add((e instanceof RegistryEntry.Set ? "set " : "remove ") + e.name()));
        assertEquals(List.of("set EnableVirtualIP", "remove **del.EnableVirtualIP", "set **del.VirtualMode"), names);
        Plan plan = Engine.plan(reg, state(set(POLICY_VIP, "EnableVirtualIP", 1)), Catalog.builtIn(), HostFacts.unknown());
        assertEquals(2, plan.changed());
    }

    @Test
    void emptyGpoStaysWithoutFiles() throws IOException {
        Files.createDirectories(gpo());
        Engine.Outcome out = apply(state(absent(POLICY_VIP, "X")));
        assertEquals(1, out.result().orElseThrow().written().size());
        Engine.Outcome back = rollback();
        assertEquals(1, back.result().orElseThrow().written().size());
        assertEquals(PolFile.empty().records(), records());
    }

    @Test
    void aUtf16GptIniKeepsItsEncodingAndItsVersionMovesOn() throws IOException {
        Files.createDirectories(gpo().resolve("Machine"));
        byte[] text = "[General]\r\nVersion=65540\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] ini = new byte[text.length + 2];
        ini[0] = (byte) 0xFF;
        ini[1] = (byte) 0xFE;
        System.arraycopy(text, 0, ini, 2, text.length);
        Files.write(gpo().resolve("GPT.INI"), ini);
        GpoRegistry reg = GpoRegistry.open(gpo());
        assertEquals(65540, reg.version());
        reg.write(POLICY_VIP, "EnableVirtualIP", new RegValue.Dword(1));
        byte[] after = Files.readAllBytes(gpo().resolve("GPT.INI"));
        assertEquals((byte) 0xFF, after[0]);
        assertEquals((byte) 0xFE, after[1]);
        String written = new String(after, 2, after.length - 2, StandardCharsets.UTF_16LE);
        assertTrue(written.startsWith("[General]\r\nVersion=65541\r\ngPCMachineExtensionNames=[{35378EAC-"), written);
        assertEquals(65541, GpoRegistry.open(gpo()).version());
    }
}
