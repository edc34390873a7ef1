package org.vipctl.apply;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.plan.Change;
import org.vipctl.plan.Plan;
import org.vipctl.plan.PlanText;
import org.vipctl.registry.RegValue;
import org.vipctl.target.Registry;
import org.vipctl.target.RegistryException;
import org.vipctl.target.RegistryWrite;

/**
 * Carries out a plan: saves a backup of every value it will touch, then writes only the changes as
 * one batch (a file target is replaced once), reads each one back to verify it, and on a failure
 * puts back what differs from the backup. A plan without changes writes nothing and makes no backup.
 */
public final class Applier {

    private final Registry registry;
    private final BackupStore backups;
    private final Clock clock;

    public Applier(Registry registry, BackupStore backups, Clock clock) {
        this.registry = registry;
        this.backups = backups;
        this.clock = clock;
    }

    /** @param kind {@link Backup#APPLY} or {@link Backup#ROLLBACK}: what the backup file is labelled */
    public ApplyResult apply(Plan plan, String kind) {
        List<Change> todo = plan.toWrite();
        if (todo.isEmpty()) {
            return new ApplyResult(List.of(), plan.unchanged(), Optional.empty());
        }
        List<Backup.Entry> entries = todo.stream()
                .map(c -> new Backup.Entry(c.key(), c.name(), c.before())).toList();
        Path backup;
        try {
            backup = backups.save(new Backup(kind, clock.instant(), registry.target(), plan.scope(), entries));
        } catch (RegistryException e) {
            throw new RegistryException(e.getMessage() + "; nothing was written", e);
        }
        try {
            registry.apply(todo.stream().map(Applier::write).toList());
            for (Change c : todo) {
                verify(c, c.after());
            }
        } catch (RuntimeException e) {
            throw rollBack(todo, backup, e);
        }
        return new ApplyResult(todo, plan.unchanged(), Optional.of(backup));
    }

    private static RegistryWrite write(Change c) {
        Optional<RegValue> after = c.after();
        return after.<RegistryWrite>map(v -> new RegistryWrite.Set(c.key(), c.name(), v))
                .orElseGet(() -> new RegistryWrite.Delete(c.key(), c.name()));
    }

    private void verify(Change c, Optional<RegValue> expected) {
        Optional<RegValue> actual = registry.read(c.key(), c.name());
        if (!actual.equals(expected)) {
            throw new RegistryException("read-back of " + c.path() + " gave " + PlanText.show(actual)
                    + ", expected " + PlanText.show(expected));
        }
    }

    /**
     * Puts back, in one batch, every value of the plan that no longer reads as it was (a failed
     * batch may be half done), then reads each back.
     */
    private ApplyFailed rollBack(List<Change> todo, Path backup, RuntimeException cause) {
        List<String> restored = new ArrayList<>();
        List<String> notRestored = new ArrayList<>();
        List<Change> differ = new ArrayList<>();
        for (Change c : todo) {
            try {
                if (!registry.read(c.key(), c.name()).equals(c.before())) {
                    differ.add(c);
                }
            } catch (RuntimeException e) {
                differ.add(c);
            }
        }
        try {
            registry.apply(differ.stream().map(c -> c.before().<RegistryWrite>map(v -> new RegistryWrite.Set(c.key(), c.name(), v))
                    .orElseGet(() -> new RegistryWrite.Delete(c.key(), c.name()))).toList());
        } catch (RuntimeException e) {
            // each value is checked below; what is still wrong is reported
        }
        for (Change c : differ) {
            try {
                verify(c, c.before());
                restored.add(c.path() + " = " + PlanText.show(c.before()));
            } catch (RuntimeException e) {
                notRestored.add(c.path() + ": " + e.getMessage());
            }
        }
        Change failed = todo.get(0);
        StringBuilder msg = new StringBuilder((todo.size() == 1 ? "writing " + failed.path() : "writing " + todo.size() + " value(s) to " + registry.target()) + " failed: " + cause.getMessage() + ". ");
        if (restored.isEmpty() && notRestored.isEmpty()) {
            msg.append("Nothing had been changed.");
        } else {
            if (!restored.isEmpty()) {
                msg.append("Restored ").append(restored.size()).append(" value(s) from backup ").append(backup)
                        .append(": ").append(String.join("; ", restored)).append(". ");
            }
            if (!notRestored.isEmpty()) {
                msg.append("Could NOT restore ").append(String.join("; ", notRestored))
                        .append(" - run vipctl rollback ").append(backup).append('.');
            }
        }
        return new ApplyFailed(msg.toString().strip(), restored, notRestored, Optional.of(backup), cause);
    }
}
