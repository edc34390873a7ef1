package org.vipctl.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.Compilation;
import org.vipctl.apply.BackupStore;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.gpo.GptIni;
import org.vipctl.gpo.PolFromState;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/**
 * Publishing against a directory in memory and a SYSVOL folder on disk: create, a second run that
 * changes nothing, a change that moves the computer version by one, another publisher moving
 * {@code versionNumber} in between, SYSVOL behind AD, dry runs. The real AD side is tested against
 * Samba's domain controller (SambaPublishIT).
 */
class PublisherTest {

    @TempDir
    Path tmp;

    /** One domain's GPO containers; {@code moveBeforeUpdate} makes that many compare-before-writes fail. */
    static final class MemoryDirectory implements GpoDirectory {
        final Map<String, GpoContainer> byGuid = new LinkedHashMap<>();
        int moveBeforeUpdate;
        int updates;

        @Override
        public String domain() {
            return "corp.example";
        }

        @Override
        public Optional<GpoContainer> find(String nameOrGuid) {
            return byGuid.values().stream().filter(c -> c.guid().equalsIgnoreCase(nameOrGuid)
                    || c.displayName().equals(nameOrGuid)).findFirst();
        }

        @Override
        public GpoContainer create(String guid, String displayName, long version, String ext) {
            GpoContainer c = new GpoContainer("CN=" + guid, guid, displayName, version, ext, 0);
            byGuid.put(guid, c);
            return c;
        }

        @Override
        public boolean updateIfUnchanged(GpoContainer expected, long version, String ext) {
            GpoContainer now = byGuid.get(expected.guid());
            if (moveBeforeUpdate > 0) {
                moveBeforeUpdate--;
                now = new GpoContainer(now.dn(), now.guid(), now.displayName(), now.version() + 0x10000, now.machineExtensionNames(), 0);
                byGuid.put(now.guid(), now);
            }
            if (now.version() != expected.version()) {
                return false;
            }
            updates++;
            byGuid.put(now.guid(), new GpoContainer(now.dn(), now.guid(), now.displayName(), version, ext, now.flags()));
            return true;
        }
    }

    private RegistryState machine(String adapter) throws Exception {
        Path f = tmp.resolve("policies/farm.yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "apiVersion: vipctl/v1\nkind: VipPolicy\nmetadata: {name: farm}\ntargets: {os: [windowsServer2019]}\n"
                + "spec:\n  rdsIpVirtualization: {enabled: true, mode: perSession, networkAdapter: " + adapter + "}\n");
        Diagnostics d = new Diagnostics();
        Compilation c = Compilation.load(List.of(f), Catalog.builtIn(), d);
        assertFalse(d.hasErrors(), d.sorted().toString());
        return c.registry(Scope.POLICY);
    }

    private Publisher.Result publish(MemoryDirectory dir, RegistryState machine, boolean create, boolean dryRun) throws Exception {
        Path sysvol = tmp.resolve("sysvol");
        Files.createDirectories(sysvol.resolve("Policies"));
        return new Publisher(dir, new BackupStore(tmp.resolve("state")), Clock.systemUTC())
                .publish(new Publisher.Request("RDS virtual IP", create, dryRun, sysvol, machine, Catalog.builtIn()));
    }

    private Path folder(GpoContainer c) {
        return tmp.resolve("sysvol/Policies").resolve(c.guid());
    }

    @Test
    void createThenNothingThenOneVersionPerChange() throws Exception {
        MemoryDirectory dir = new MemoryDirectory();
        RegistryState v1 = machine("192.0.2.10/24");
        assertThrows(PublishException.class, () -> publish(dir, v1, false, false), "no GPO and no --create");

        Publisher.Result created = publish(dir, v1, true, false);
        assertTrue(created.created() && created.changed());
        GpoContainer c = dir.byGuid.values().iterator().next();
        assertEquals(1, c.version());
        assertEquals("[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{D02B1F72-3407-48AE-BA88-E8213C6761F1}]", c.machineExtensionNames());
        assertArrayEquals(PolFromState.records(v1, Hive.HKLM).toBytes(), Files.readAllBytes(folder(c).resolve("Machine/Registry.pol")));
        assertEquals(1, GptIni.parse(Files.readAllBytes(folder(c).resolve("GPT.INI"))).version());
        assertTrue(Files.isDirectory(folder(c).resolve("User")));

        byte[] ini = Files.readAllBytes(folder(c).resolve("GPT.INI"));
        Publisher.Result again = publish(dir, v1, false, false);
        assertFalse(again.changed(), "a second publish changes nothing");
        assertEquals(0, dir.updates);
        assertArrayEquals(ini, Files.readAllBytes(folder(c).resolve("GPT.INI")));

        Publisher.Result dry = publish(dir, machine("192.0.2.160/27"), false, true);
        assertTrue(dry.dryRun() && dry.changed());
        assertEquals(2, dry.after().version());
        assertArrayEquals(ini, Files.readAllBytes(folder(c).resolve("GPT.INI")), "a dry run writes nothing");
        assertEquals(1, dir.byGuid.get(c.guid()).version());

        Publisher.Result changed = publish(dir, machine("192.0.2.160/27"), false, false);
        assertTrue(changed.changed());
        assertEquals(2, dir.byGuid.get(c.guid()).version(), "computer version 1 -> 2 in AD");
        assertEquals(2, GptIni.parse(Files.readAllBytes(folder(c).resolve("GPT.INI"))).version(), "and in GPT.INI");
    }

    @Test
    void aVersionMovedByAnotherPublisherIsReadAgainAndPublishedAgain() throws Exception {
        MemoryDirectory dir = new MemoryDirectory();
        publish(dir, machine("192.0.2.10/24"), true, false);
        GpoContainer c = dir.byGuid.values().iterator().next();
        // the other publisher: its SYSVOL half is ahead too (user half 1), as after a complete publish of its own
        Path ini = folder(c).resolve("GPT.INI");
        Files.writeString(ini, Files.readString(ini).replace("Version=1", "Version=" + (0x10000 + 1)));
        dir.moveBeforeUpdate = 1;
        Publisher.Result r = publish(dir, machine("192.0.2.160/27"), false, false);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("versionNumber moved from 1 to 65537")), r.notes().toString());
        long version = dir.byGuid.get(c.guid()).version();
        assertEquals(GptIni.parse(Files.readAllBytes(ini)).version(), version, "both halves agree in the end");
        assertEquals(0x10000 + 2, version);

        dir.moveBeforeUpdate = Publisher.ATTEMPTS;
        Files.writeString(ini, Files.readString(ini).replace("Version=" + version, "Version=" + (version + 3 * 0x10000)));
        PublishException e = assertThrows(PublishException.class, () -> publish(dir, machine("198.51.100.0/24"), false, false));
        assertTrue(e.getMessage().contains("kept moving"), e.getMessage());
    }

    @Test
    void sysvolBehindActiveDirectoryIsRefused() throws Exception {
        MemoryDirectory dir = new MemoryDirectory();
        publish(dir, machine("192.0.2.10/24"), true, false);
        GpoContainer c = dir.byGuid.values().iterator().next();
        dir.byGuid.put(c.guid(), new GpoContainer(c.dn(), c.guid(), c.displayName(), 5, c.machineExtensionNames(), 0));
        PublishException e = assertThrows(PublishException.class, () -> publish(dir, machine("192.0.2.160/27"), false, false));
        assertTrue(e.getMessage().contains("has computer version 1, Active Directory 5"), e.getMessage());
        assertTrue(Files.readString(folder(c).resolve("GPT.INI")).contains("Version=1"), "nothing written");
    }
}
