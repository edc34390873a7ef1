package org.vipctl.imports;

import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;

/**
 * A live registry that can list the values of a key, read-only: what {@code import windows} needs.
 * Failures are {@link org.vipctl.target.RegistryException}s.
 */
public interface ListableRegistry {

    /** How the user names it, e.g. {@code windows}. */
    String target();

    /** The value names of {@code key}; empty when the key does not exist. */
    List<String> valueNames(RegKey key);

    /** The value's type and data as stored (never expanded). */
    Optional<RegValue> read(RegKey key, String name);
}
