package org.vipctl.plan;

import java.util.List;
import org.vipctl.registry.Scope;

/** Desired against actual for one target: one change per managed value, in desired-state order. */
public record Plan(String target, Scope scope, List<Change> changes, List<PlanWarning> warnings) {

    public Plan {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    public boolean hasChanges() {
        return changes.stream().anyMatch(Change::isChange);
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    public long changed() {
        return changes.stream().filter(Change::isChange).count();
    }

    public long unchanged() {
        return count(Action.NO_OP);
    }

    public List<Change> toWrite() {
        return changes.stream().filter(Change::isChange).toList();
    }
}
