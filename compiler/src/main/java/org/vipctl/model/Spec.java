package org.vipctl.model;

import java.util.List;
import java.util.Optional;

/** spec: every section optional; an absent section is not managed. */
public record Spec(Optional<RdsIpVirtualization> rdsIpVirtualization,
                   Optional<RdsLoopbackVirtualization> rdsLoopbackVirtualization,
                   Optional<CitrixVirtualLoopback> citrixVirtualLoopback,
                   Optional<CitrixPreferLoopback> citrixPreferLoopback,
                   Optional<CitrixPolicySettings> citrixPolicy,
                   List<CustomValue> registry) {

    public Spec {
        registry = List.copyOf(registry);
    }

    public boolean ipVirtualizationEnabled() {
        return rdsIpVirtualization.map(RdsIpVirtualization::enabled).orElse(false);
    }

    public boolean citrixVirtualLoopbackEnabled() {
        return citrixVirtualLoopback.map(CitrixVirtualLoopback::isEnabled).orElse(false);
    }
}
