package org.vipctl.model;

import java.util.Optional;
import org.vipctl.diagnostic.Location;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;

/**
 * One entry of spec.registry, checked: {@code value} is empty when the entry deletes the value
 * ({@code ensure: absent}).
 */
public record CustomValue(Location at, RegKey key, String name, Optional<RegValue> value) {
}
