package org.vipctl.target;

import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryState;

/**
 * The port plan and apply talk to: one registry (the live Windows registry, a GPO folder, a .reg
 * state file, memory). Key and value names are case-insensitive; values are read with their type
 * and raw data (never expanded), so type drift is visible. Failures are {@link RegistryException}s
 * with a message for people.
 */
public interface Registry {

    /** How the user names this target, e.g. {@code regfile:/srv/state.reg}; also keys backups. */
    String target();

    Optional<RegValue> read(RegKey key, String name);

    boolean keyExists(RegKey key);

    /** Sets a value, creating missing keys. */
    void write(RegKey key, String name, RegValue value);

    /** Removes a value; removing an absent value is not an error. */
    void delete(RegKey key, String name);

    /**
     * Carries out {@code writes} in order as one change of the target. File targets override this to
     * read once and write once (a GPO's version moves once); the default makes one call per write.
     * After a failure some writes may be done: the caller reads back and restores.
     */
    default void apply(List<RegistryWrite> writes) {
        for (RegistryWrite w : writes) {
            if (w instanceof RegistryWrite.Set s) {
                write(s.key(), s.name(), s.value());
            } else {
                delete(w.key(), w.name());
            }
        }
    }

    /**
     * What this target must hold for {@code policies} to be in force: the entries to plan with. A
     * registry holds the values themselves; a GPO holds records about them (a value that must be
     * absent is a {@code **del.} record), so it translates.
     */
    default RegistryState desired(RegistryState policies) {
        return policies;
    }
}
