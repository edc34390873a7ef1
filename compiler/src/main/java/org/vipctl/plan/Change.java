package org.vipctl.plan;

import java.util.Objects;
import java.util.Optional;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;

/** The planned fate of one registry value: the value before and after, and the setting it serves. */
public sealed interface Change {

    RegKey key();

    String name();

    Provenance provenance();

    Action action();

    Optional<RegValue> before();

    Optional<RegValue> after();

    default boolean isChange() {
        return action() != Action.NO_OP;
    }

    /** {@code key\name}, with {@code (default)} for the unnamed value and {@code (key)} for the key itself. */
    default String path() {
        if (RegistryEntry.isKeyOnly(name())) {
            return key().hive() + "\\" + key().path() + " (key)";
        }
        return key().hive() + "\\" + key().path() + "\\" + (name().isEmpty() ? "(default)" : name());
    }

    /** The value already is as wanted ({@code current} empty: it is absent and should be). */
    record NoOp(RegKey key, String name, Optional<RegValue> current, Provenance provenance) implements Change {
        public NoOp {
            Objects.requireNonNull(current);
        }
        public Action action() { return Action.NO_OP; }
        public Optional<RegValue> before() { return current; }
        public Optional<RegValue> after() { return current; }
    }

    record Create(RegKey key, String name, RegValue value, Provenance provenance) implements Change {
        public Action action() { return Action.CREATE; }
        public Optional<RegValue> before() { return Optional.empty(); }
        public Optional<RegValue> after() { return Optional.of(value); }
    }

    record Update(RegKey key, String name, RegValue old, RegValue value, Provenance provenance) implements Change {
        public Action action() { return Action.UPDATE; }
        public Optional<RegValue> before() { return Optional.of(old); }
        public Optional<RegValue> after() { return Optional.of(value); }
        public boolean typeChanged() { return old.type() != value.type(); }
    }

    record Delete(RegKey key, String name, RegValue old, Provenance provenance) implements Change {
        public Action action() { return Action.DELETE; }
        public Optional<RegValue> before() { return Optional.of(old); }
        public Optional<RegValue> after() { return Optional.empty(); }
    }
}
