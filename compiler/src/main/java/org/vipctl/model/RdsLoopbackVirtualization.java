package org.vipctl.model;

import org.vipctl.diagnostic.Location;

/** spec.rdsLoopbackVirtualization: VirtualizeLoopbackAdresses. */
public record RdsLoopbackVirtualization(Location at, boolean enabled) {
}
