package org.vipctl.target;

import java.util.Objects;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;

/** One change a {@link Registry} carries out: set a value, or remove it. */
public sealed interface RegistryWrite {

    RegKey key();

    String name();

    record Set(RegKey key, String name, RegValue value) implements RegistryWrite {
        public Set {
            Objects.requireNonNull(key);
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
        }
    }

    record Delete(RegKey key, String name) implements RegistryWrite {
        public Delete {
            Objects.requireNonNull(key);
            Objects.requireNonNull(name);
        }
    }
}
