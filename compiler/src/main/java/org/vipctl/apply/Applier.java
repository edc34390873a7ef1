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

/**
 * Carries out a plan: saves a backup of every value it will touch, writes only the changes, reads
 * each one back to verify it, and on the first failure puts back what it already wrote. A plan
 * without changes writes nothing and makes no backup.
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
        List<Change> done = new ArrayList<>();
        for (Change c : todo) {
            done.add(c);
            try {
                perform(c);
                verify(c, c.after());
            } catch (RuntimeException e) {
                throw rollBack(c, done, backup, e);
            }
        }
        return new ApplyResult(done, plan.unchanged(), Optional.of(backup));
    }

    private void perform(Change c) {
        Optional<RegValue> after = c.after();
        if (after.isPresent()) {
            registry.write(c.key(), c.name(), after.get());
        } else {
            registry.delete(c.key(), c.name());
        }
    }

    private void verify(Change c, Optional<RegValue> expected) {
        Optional<RegValue> actual = registry.read(c.key(), c.name());
        if (!actual.equals(expected)) {
            throw new RegistryException("read-back of " + c.path() + " gave " + PlanText.show(actual)
                    + ", expected " + PlanText.show(expected));
        }
    }

    /** Restores, newest first, every value touched so far (the failed one too: it may be half-done). */
    private ApplyFailed rollBack(Change failed, List<Change> done, Path backup, RuntimeException cause) {
        List<String> restored = new ArrayList<>();
        List<String> notRestored = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0; i--) {
            Change c = done.get(i);
            try {
                if (registry.read(c.key(), c.name()).equals(c.before())) {
                    continue;
                }
                if (c.before().isPresent()) {
                    registry.write(c.key(), c.name(), c.before().get());
                } else {
                    registry.delete(c.key(), c.name());
                }
                verify(c, c.before());
                restored.add(c.path() + " = " + PlanText.show(c.before()));
            } catch (RuntimeException e) {
                notRestored.add(c.path() + ": " + e.getMessage());
            }
        }
        StringBuilder msg = new StringBuilder("writing " + failed.path() + " failed: " + cause.getMessage() + ". ");
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
