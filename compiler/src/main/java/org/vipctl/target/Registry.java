package org.vipctl.target;

import java.util.Optional;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;

/**
 * The port plan and apply talk to: one registry (the live Windows registry, a local Group Policy
 * object, a .reg state file, memory). Key and value names are case-insensitive; values are read
 * with their type and raw data (never expanded), so type drift is visible. Failures are
 * {@link RegistryException}s with a message for people.
 */
public interface Registry {

    /** How the user names this target, e.g. {@code regfile:/srv/state.reg}; also keys backups and locks. */
    String target();

    Optional<RegValue> read(RegKey key, String name);

    boolean keyExists(RegKey key);

    /** Sets a value, creating missing keys. */
    void write(RegKey key, String name, RegValue value);

    /** Removes a value; removing an absent value is not an error. */
    void delete(RegKey key, String name);
}
