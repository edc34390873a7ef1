package org.vipctl.catalog;

import java.util.Optional;
import org.vipctl.registry.RegKey;

/**
 * Where a setting's value lives in one scope. {@code unconfirmed} carries the reason when the
 * placement is the best public knowledge rather than vendor documentation.
 */
public record Placement(RegKey key, String valueName, Optional<String> unconfirmed) {
}
