package org.vipctl.lower;

import java.util.List;
import org.vipctl.model.CitrixFilter;
import org.vipctl.model.Policy;

/**
 * The Citrix section of a lowered policy: one Citrix Computer policy carrying the virtual loopback
 * settings. Empty {@code settings} means the policy has nothing for Citrix.
 */
public record CitrixPolicy(Policy source, String name, String description, boolean enabled, int priority,
                           List<CitrixFilter> filters, List<CitrixSettingValue> settings) {

    public CitrixPolicy {
        filters = List.copyOf(filters);
        settings = List.copyOf(settings);
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }
}
