package org.vipctl.model;

import java.util.List;
import java.util.Optional;
import org.vipctl.diagnostic.Location;

/** spec.citrixPolicy: how the Citrix policy is named, prioritised and assigned. */
public record CitrixPolicySettings(Location at, Optional<Located<String>> name, Optional<String> description,
                                   boolean enabled, int priority, List<CitrixFilter> filters) {

    public CitrixPolicySettings {
        filters = List.copyOf(filters);
    }

    public static CitrixPolicySettings defaults(Location at) {
        return new CitrixPolicySettings(at, Optional.empty(), Optional.empty(), true, 1, List.of());
    }
}
