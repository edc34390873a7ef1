package org.vipctl.apply;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.vipctl.catalog.Catalog;
import org.vipctl.files.AtomicFile;
import org.vipctl.files.InputLimits;
import org.vipctl.files.IoProblem;
import org.vipctl.files.LockFile;
import org.vipctl.gpo.GpoFolder;
import org.vipctl.gpo.GpoRegistry;
import org.vipctl.gpo.Ownership;
import org.vipctl.plan.HostFacts;
import org.vipctl.plan.Plan;
import org.vipctl.plan.PlanJson;
import org.vipctl.plan.PlanText;
import org.vipctl.plan.Planner;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.target.RegFileRegistry;
import org.vipctl.target.Registry;
import org.vipctl.target.RegistryException;

/**
 * The one sequence every command that changes a target runs: take the target's locks, remove
 * temporary files a killed run left, open (read) the target, plan, let the caller review the plan
 * (show it, ask), refuse a read-only target, back up, write, read back. It serves {@code apply},
 * {@code rollback} and {@code compile --gpo-dir}; the commands only print.
 */
public final class Engine {

    /** The option that lets a run replace a read-only target file. */
    public static final String REPLACE_READ_ONLY = "--replace-read-only";

    /**
     * A target before it is opened: its name (for messages and backups), the lock files every run
     * on it takes before reading it, the files a write replaces, and how to open it.
     */
    public record Target(String name, List<Path> locks, List<Path> files, Supplier<Registry> open) {

        public Target {
            locks = List.copyOf(locks);
            files = List.copyOf(files);
        }

        /**
         * A .reg file, through a symbolic link when it is one: the file the link points to is read,
         * locked (a lock file beside it) and replaced; the link stays.
         */
        public static Target regFile(Path file) {
            return regFile(file, InputLimits.DEFAULT);
        }

        /** As {@link #regFile(Path)}, read within the .reg size limit of {@code limits}. */
        public static Target regFile(Path file, InputLimits limits) {
            Path real = followed(file);
            return new Target(RegFileRegistry.nameOf(real), List.of(LockFile.beside(real)), List.of(real),
                    () -> RegFileRegistry.open(real, limits));
        }

        /** A GPO folder (followed when it is a link): locked by a lock file inside it; Registry.pol and GPT.INI are replaced. */
        public static Target gpoFolder(Path folder, Ownership owned) {
            return gpoFolder(folder, owned, InputLimits.DEFAULT);
        }

        /** As {@link #gpoFolder(Path, Ownership)}, its files read within the size limits of {@code limits}. */
        public static Target gpoFolder(Path folder, Ownership owned, InputLimits limits) {
            Path real = followed(folder);
            GpoFolder.Layout layout = GpoFolder.locate(real);
            return new Target(GpoRegistry.nameOf(real), List.of(LockFile.inside(real)),
                    List.of(layout.pol(), layout.ini()), () -> GpoRegistry.open(real, owned, limits));
        }

        /** The same target opened differently (tests put faults behind it); locks and files stay. */
        public Target withOpen(Supplier<Registry> other) {
            return new Target(name, locks, files, other);
        }

        private static Path followed(Path p) {
            try {
                return AtomicFile.followLinks(p);
            } catch (IOException e) {
                throw new RegistryException("cannot open " + p + ": " + IoProblem.describe(e), e);
            }
        }
    }

    /**
     * What a run did. {@code result} is empty when the review declined the plan; {@code backup}
     * names the backup a rollback restored.
     */
    public record Outcome(Plan plan, Optional<ApplyResult> result, Optional<Path> restoredFrom, Optional<Backup> restored) {

        public boolean declined() {
            return result.isEmpty();
        }
    }

    private final BackupStore backups;
    private final Clock clock;
    private final boolean replaceReadOnly;

    public Engine(BackupStore backups, Clock clock) {
        this(backups, clock, false);
    }

    /** @param replaceReadOnly replace a target file marked read-only instead of refusing */
    public Engine(BackupStore backups, Clock clock, boolean replaceReadOnly) {
        this.backups = backups;
        this.clock = clock;
        this.replaceReadOnly = replaceReadOnly;
    }

    /** The plan for {@code policies} against an open target, without a lock: nothing is written. */
    public static Plan plan(Registry registry, RegistryState policies, Catalog catalog, HostFacts host) {
        return new Planner(catalog, host).plan(registry.desired(policies), registry);
    }

    /**
     * Makes the target hold {@code policies}. {@code review} sees the plan first (to print it and
     * to ask); when it returns false nothing is written.
     */
    public Outcome apply(Target target, RegistryState policies, Catalog catalog, HostFacts host, Predicate<Plan> review) {
        try (LockFile.Held locks = LockFile.acquireAll(target.locks(), target.name())) {
            Registry registry = opened(target);
            Plan plan = plan(registry, policies, catalog, host);
            if (!review.test(plan)) {
                return new Outcome(plan, Optional.empty(), Optional.empty(), Optional.empty());
            }
            checkReplaceable(target, plan);
            ApplyResult result = new Applier(registry, backups, clock).apply(plan, Backup.APPLY);
            return new Outcome(plan, Optional.of(result), Optional.empty(), Optional.empty());
        }
    }

    /**
     * Puts back what a backup recorded: {@code backupFile}, or the newest apply backup of the target.
     * The backup's values are planned as they are (no translation), so a GPO gets back its records.
     *
     * @throws NoBackup when there is no backup to restore
     */
    public Outcome rollback(Target target, Optional<Path> backupFile, Catalog catalog, HostFacts host, Predicate<Plan> review) {
        try (LockFile.Held locks = LockFile.acquireAll(target.locks(), target.name())) {
            Registry registry = opened(target);
            Path file = backupFile.orElseGet(() -> backups.latest(registry.target()).orElseThrow(() ->
                    new NoBackup("no apply backup for " + registry.target() + " in " + backups.dir())));
            Backup backup = backups.read(file);
            RegistryState state = Rollback.desiredState(backup, file, registry.target());
            Plan plan = new Planner(catalog, host).plan(state, registry);
            if (!review.test(plan)) {
                return new Outcome(plan, Optional.empty(), Optional.of(file), Optional.of(backup));
            }
            checkReplaceable(target, plan);
            ApplyResult result = new Applier(registry, backups, clock).apply(plan, Backup.ROLLBACK);
            return new Outcome(plan, Optional.of(result), Optional.of(file), Optional.of(backup));
        }
    }

    /**
     * Applies exactly the saved plan {@code saved}: only when the target still holds, for every
     * value of the plan, the value it held when the plan was made. The plan is made again from the
     * saved desired entries (no translation: they are what the target needed then) and must equal
     * the saved one.
     *
     * @throws TargetChanged when a value differs from the plan's, or the plan is for another target
     */
    public Outcome applySaved(Target target, SavedPlan saved, Catalog catalog, HostFacts host, Predicate<Plan> review) {
        if (!target.name().equals(saved.target())) {
            throw new TargetChanged("the plan is for " + saved.target() + ", not " + target.name());
        }
        try (LockFile.Held locks = LockFile.acquireAll(target.locks(), target.name())) {
            Registry registry = opened(target);
            List<Optional<RegValue>> now = new ArrayList<>();
            List<String> moved = new ArrayList<>();
            for (int i = 0; i < saved.desired().entries().size(); i++) {
                RegistryEntry e = saved.desired().entries().get(i);
                Optional<RegValue> value = registry.read(e.key(), e.name());
                now.add(value);
                if (!value.equals(saved.current().get(i))) {
                    moved.add(e.key() + "\\" + (e.name().isEmpty() ? "(default)" : e.name()) + " was "
                            + PlanText.show(saved.current().get(i)) + " when planned, is " + PlanText.show(value));
                }
            }
            if (!moved.isEmpty() || !saved.currentSha256(now).equals(saved.currentSha256())) {
                String shown = String.join("; ", moved.subList(0, Math.min(3, moved.size())))
                        + (moved.size() > 3 ? "; and " + (moved.size() - 3) + " more" : "");
                throw new TargetChanged(registry.target() + " changed since the plan was made (" + shown
                        + "): nothing written; make a new plan");
            }
            Plan plan = new Planner(catalog, host).plan(saved.desired(), registry);
            // compared as text: a number read back from the file is another node class than the one written
            if (!PlanJson.toTree(plan).path("changes").toString().equals(saved.plan().path("changes").toString())) {
                throw new TargetChanged("the plan made again from the saved one differs from it: nothing written; make a new plan");
            }
            if (!review.test(plan)) {
                return new Outcome(plan, Optional.empty(), Optional.empty(), Optional.empty());
            }
            checkReplaceable(target, plan);
            ApplyResult result = new Applier(registry, backups, clock).apply(plan, Backup.APPLY);
            return new Outcome(plan, Optional.of(result), Optional.empty(), Optional.empty());
        }
    }

    /** Opens the target once its locks are held, after removing temporary files a killed run left beside its files. */
    private static Registry opened(Target target) {
        for (Path f : target.files()) {
            try {
                AtomicFile.removeStaleTemps(f);
            } catch (IOException e) {
                throw new RegistryException("cannot clean up beside " + f + ": " + IoProblem.describe(e), e);
            }
        }
        Registry registry = target.open().get();
        if (!registry.target().equals(target.name())) {
            throw new IllegalStateException("target " + target.name() + " opened as " + registry.target());
        }
        return registry;
    }

    private void checkReplaceable(Target target, Plan plan) {
        if (plan.hasChanges()) {
            for (Path f : target.files()) {
                AtomicFile.checkReplaceable(f, replaceReadOnly, REPLACE_READ_ONLY);
            }
        }
    }

    /** The target no longer holds what a saved plan was made against. */
    public static final class TargetChanged extends RegistryException {
        public TargetChanged(String message) {
            super(message);
        }
    }

    /** There is no backup to roll back to. */
    public static final class NoBackup extends RegistryException {
        public NoBackup(String message) {
            super(message);
        }
    }
}
