package org.vipctl.apply;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.vipctl.catalog.Catalog;
import org.vipctl.plan.HostFacts;
import org.vipctl.plan.Plan;
import org.vipctl.plan.Planner;
import org.vipctl.registry.RegistryState;
import org.vipctl.target.Registry;
import org.vipctl.target.RegistryException;

/**
 * The one sequence every command that changes a target runs: take the target's lock, open (read)
 * the target, plan, let the caller review the plan (show it, ask), back up, write, read back. It
 * serves {@code apply}, {@code rollback} and {@code compile --gpo-dir}; the commands only print.
 */
public final class Engine {

    /** A target before it is opened: its name (for the lock and backups) and how to open it. */
    public record Target(String name, Supplier<Registry> open) {
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

    public Engine(BackupStore backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
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
        try (Lock lock = Lock.acquire(backups.dir(), target.name())) {
            Registry registry = opened(target);
            Plan plan = plan(registry, policies, catalog, host);
            if (!review.test(plan)) {
                return new Outcome(plan, Optional.empty(), Optional.empty(), Optional.empty());
            }
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
        try (Lock lock = Lock.acquire(backups.dir(), target.name())) {
            Registry registry = opened(target);
            Path file = backupFile.orElseGet(() -> backups.latest(registry.target()).orElseThrow(() ->
                    new NoBackup("no apply backup for " + registry.target() + " in " + backups.dir())));
            Backup backup = BackupStore.load(file);
            RegistryState state = Rollback.desiredState(backup, file, registry.target());
            Plan plan = new Planner(catalog, host).plan(state, registry);
            if (!review.test(plan)) {
                return new Outcome(plan, Optional.empty(), Optional.of(file), Optional.of(backup));
            }
            ApplyResult result = new Applier(registry, backups, clock).apply(plan, Backup.ROLLBACK);
            return new Outcome(plan, Optional.of(result), Optional.of(file), Optional.of(backup));
        }
    }

    private static Registry opened(Target target) {
        Registry registry = target.open().get();
        if (!registry.target().equals(target.name())) {
            throw new IllegalStateException("target " + target.name() + " opened as " + registry.target());
        }
        return registry;
    }

    /** There is no backup to roll back to. */
    public static final class NoBackup extends RegistryException {
        public NoBackup(String message) {
            super(message);
        }
    }
}
