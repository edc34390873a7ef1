package org.vipctl.imports;

import java.util.List;

/** The parts of a Citrix policy that become {@code spec.citrixPolicy}: name, description, state, priority, filters. */
public record CitrixPolicyFacts(String name, String description, boolean enabled, int priority, List<Filter> filters) {

    public CitrixPolicyFacts {
        filters = List.copyOf(filters);
    }

    /** One assignment filter as Citrix exports it; {@code allow} is {@code Mode = Allow}. */
    public record Filter(String type, String value, boolean allow, boolean enabled) {
    }
}
