package org.vipctl.apply;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;

/**
 * The values one apply (or rollback) was about to touch, as they were before: {@code before} empty
 * means the value did not exist. Restoring a backup recreates or deletes values to match it.
 */
public record Backup(String kind, Instant created, String target, Scope scope, List<Entry> entries) {

    public static final String APPLY = "apply";
    public static final String ROLLBACK = "rollback";

    public Backup {
        entries = List.copyOf(entries);
    }

    public record Entry(RegKey key, String name, Optional<RegValue> before) {
    }
}
