package org.vipctl.publish;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.vipctl.apply.ApplyResult;
import org.vipctl.apply.BackupStore;
import org.vipctl.apply.Engine;
import org.vipctl.catalog.Catalog;
import org.vipctl.files.AtomicFile;
import org.vipctl.files.LockFile;
import org.vipctl.gpo.ExtensionNames;
import org.vipctl.gpo.GpoFolder;
import org.vipctl.gpo.GpoRegistry;
import org.vipctl.gpo.GptIni;
import org.vipctl.gpo.Ownership;
import org.vipctl.gpo.PolFromState;
import org.vipctl.plan.HostFacts;
import org.vipctl.plan.Plan;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegistryState;

/**
 * Publishes the policy-scope machine values into a domain GPO, both halves, the way GPMC does:
 * {@code Machine\Registry.pol} and {@code GPT.INI} in the GPO's SYSVOL folder first (through
 * {@link GpoRegistry} and the apply engine: only owned records change, a backup is kept, the
 * computer version moves by one), then {@code versionNumber} and {@code gPCMachineExtensionNames}
 * in Active Directory, with a compare-before-write: the container is changed only if its
 * {@code versionNumber} is still the one read before. When it moved, another publisher was at work:
 * both halves are read again and the publish is done again (the SYSVOL step is idempotent), up to
 * {@link #ATTEMPTS} times.
 */
public final class Publisher {

    static final int ATTEMPTS = 3;

    /** What to publish where. {@code sysvol} is the domain's SYSVOL root (the folder holding {@code Policies}). */
    public record Request(String gpo, boolean create, boolean dryRun, Path sysvol, RegistryState machine, Catalog catalog) {
    }

    /**
     * What a publish did or, with a dry run, would do. {@code before} is empty for a GPO that did not
     * exist; {@code plan} is the SYSVOL half's plan; {@code notes} say what happened on the way.
     */
    public record Result(Optional<GpoContainer> before, GpoContainer after, boolean created, Plan plan,
                         Optional<ApplyResult> applied, List<String> notes, boolean dryRun) {

        public Result {
            notes = List.copyOf(notes);
        }

        /** Whether anything changed (or would change) in either half. */
        public boolean changed() {
            return created || plan.hasChanges() || before.isEmpty()
                    || before.get().version() != after.version()
                    || !before.get().machineExtensionNames().equals(after.machineExtensionNames());
        }
    }

    private final GpoDirectory directory;
    private final BackupStore backups;
    private final Clock clock;

    public Publisher(GpoDirectory directory, BackupStore backups, Clock clock) {
        this.directory = directory;
        this.backups = backups;
        this.clock = clock;
    }

    public Result publish(Request r) {
        RegistryState machine = new RegistryState(r.machine().scope(),
                r.machine().entries().stream().filter(e -> e.key().hive() == Hive.HKLM).toList());
        Ownership owned = Ownership.of(r.catalog(), machine);
        Optional<GpoContainer> found = directory.find(r.gpo());
        if (found.isEmpty()) {
            if (!r.create()) {
                throw new PublishException("no GPO named " + r.gpo() + " in " + directory.domain()
                        + " (pass --create to create it)");
            }
            if (isGuid(r.gpo())) {
                throw new PublishException("a new GPO needs a name, not a GUID: " + r.gpo());
            }
            return create(r, machine);
        }
        Path folder = gpoFolder(r.sysvol(), found.get().guid());
        List<String> notes = new ArrayList<>();
        GpoContainer current = found.get();
        if (current.computerHalfDisabled()) {
            notes.add("the GPO's computer settings are disabled (flags=" + current.flags() + "): clients ignore them until"
                    + " GPMC's GPO Status enables them");
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long sysvolVersion = GpoRegistry.open(folder).version();
            if ((sysvolVersion & 0xFFFF) < current.computerVersion()) {
                throw new PublishException("GPO " + label(current) + ": GPT.INI in " + folder + " has computer version "
                        + (sysvolVersion & 0xFFFF) + ", Active Directory " + current.computerVersion()
                        + " (SYSVOL not replicated yet, or another tool wrote AD first); nothing written: try again later");
            }
            // the lock is in the state folder, not in the GPO folder: SYSVOL replicates every file in it
            GpoFolder.Layout layout = GpoFolder.locate(folder);
            Engine.Target target = new Engine.Target(GpoRegistry.nameOf(folder),
                    List.of(backups.dir().resolve("publish-" + current.guid() + LockFile.SUFFIX)),
                    List.of(layout.pol(), layout.ini()), () -> GpoRegistry.open(folder, owned));
            if (r.dryRun()) {
                GpoRegistry gpo = GpoRegistry.open(folder, owned);
                Plan plan = Engine.plan(gpo, machine, r.catalog(), HostFacts.unknown());
                long version = plan.hasChanges() ? bumped(sysvolVersion) : sysvolVersion;
                GpoContainer after = withVersion(current, version, extensions(current.machineExtensionNames(), machine));
                return new Result(found, after, false, plan, Optional.empty(), notes, true);
            }
            Engine.Outcome outcome = new Engine(backups, clock).apply(target, machine, r.catalog(), HostFacts.unknown(), p -> true);
            long version = GpoRegistry.open(folder).version();
            String ext = extensions(current.machineExtensionNames(), machine);
            GpoContainer after = withVersion(current, version, ext);
            if (version == current.version() && ext.equals(current.machineExtensionNames())) {
                return new Result(found, after, false, outcome.plan(), outcome.result(), notes, false);
            }
            if (directory.updateIfUnchanged(current, version, ext)) {
                return new Result(found, after, false, outcome.plan(), outcome.result(), notes, false);
            }
            GpoContainer moved = directory.find(current.guid()).orElseThrow(() ->
                    new PublishException("GPO " + label(found.get()) + " was deleted while publishing"));
            notes.add("versionNumber moved from " + current.version() + " to " + moved.version()
                    + " while publishing (another publisher?): read both halves again and published again");
            current = moved;
        }
        throw new PublishException("GPO " + label(current) + ": versionNumber kept moving while publishing ("
                + ATTEMPTS + " attempts); another publisher is at work: run publish again when it is done");
    }

    /**
     * A new GPO: a fresh SYSVOL folder ({@code GPT.INI} at computer version 1, {@code Machine\Registry.pol},
     * an empty {@code User} folder) first, then the container in Active Directory with the same
     * version and extension names. If AD refuses, the new folder is removed again.
     */
    private Result create(Request r, RegistryState machine) {
        String guid = "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}";
        Path folder = r.sysvol().resolve("Policies").resolve(guid);
        Map<String, byte[]> files = GpoFolder.fresh(PolFromState.records(machine, Hive.HKLM));
        GpoRegistry empty = GpoRegistry.open(folder);
        Plan plan = Engine.plan(empty, machine, r.catalog(), HostFacts.unknown());
        GptIni ini = GptIni.parse(files.get(GpoFolder.INI_PATH));
        long version = ini.version();
        String ext = ini.machineExtensionNames();
        if (r.dryRun()) {
            GpoContainer after = new GpoContainer("", guid, r.gpo(), version, ext, 0);
            return new Result(Optional.empty(), after, true, plan, Optional.empty(), List.of(), true);
        }
        if (!Files.isDirectory(r.sysvol().resolve("Policies"))) {
            throw new PublishException("no Policies folder in " + r.sysvol() + ": is --sysvol the domain's SYSVOL folder"
                    + " (\\\\" + directory.domain() + "\\SYSVOL\\" + directory.domain() + ")?");
        }
        try {
            Files.createDirectories(folder.resolve("User"));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                AtomicFile.write(folder.resolve(f.getKey()), f.getValue());
            }
        } catch (IOException e) {
            removeQuietly(folder);
            throw new PublishException("cannot create the GPO folder " + folder + ": " + e.getMessage(), e);
        }
        GpoContainer created;
        try {
            created = directory.create(guid, r.gpo(), version, ext);
        } catch (RuntimeException e) {
            removeQuietly(folder);
            throw e;
        }
        return new Result(Optional.empty(), created, true, plan, Optional.empty(), List.of(), false);
    }

    /** The GPO's SYSVOL folder {@code Policies\{GUID}}, found case-insensitively. */
    static Path gpoFolder(Path sysvol, String guid) {
        Path policies = sysvol.resolve("Policies");
        if (Files.isDirectory(policies)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(policies)) {
                for (Path p : s) {
                    if (p.getFileName().toString().equalsIgnoreCase(guid) && Files.isDirectory(p)) {
                        return p;
                    }
                }
            } catch (IOException e) {
                throw new PublishException("cannot list " + policies + ": " + e.getMessage(), e);
            }
        }
        throw new PublishException("the SYSVOL folder of GPO " + guid + " is not in " + policies
                + ": is --sysvol the domain's SYSVOL folder (the one holding Policies)?");
    }

    /** The extension names AD should list: the registry extension added when the computer half has settings. */
    static String extensions(String current, RegistryState machine) {
        return machine.isEmpty() ? current
                : ExtensionNames.merge(current, ExtensionNames.REGISTRY_CSE, ExtensionNames.REGISTRY_TOOL_MACHINE);
    }

    private static long bumped(long version) {
        int c = (int) (version & 0xFFFF);
        return (version & 0xFFFF0000L) | (c >= 0xFFFF ? 1 : c + 1);
    }

    private static GpoContainer withVersion(GpoContainer c, long version, String ext) {
        return new GpoContainer(c.dn(), c.guid(), c.displayName(), version, ext, c.flags());
    }

    static boolean isGuid(String s) {
        return s.matches("\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}");
    }

    static String label(GpoContainer c) {
        return "\"" + c.displayName() + "\" " + c.guid();
    }

    private static void removeQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> w = Files.walk(folder)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // what is left is an unreferenced folder; the error reported is the one that matters
        }
    }
}
