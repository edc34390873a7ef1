package org.vipctl.model;

import java.util.List;
import java.util.Optional;
import org.vipctl.diagnostic.Location;

/**
 * spec.citrixPolicy: how the Citrix policy is named, prioritised and assigned, and (for the REST
 * API and Terraform outputs) which policy set it belongs to.
 */
public record CitrixPolicySettings(Location at, Optional<Located<String>> name, Optional<String> description,
                                   boolean enabled, Located<Integer> priority, List<CitrixFilter> filters,
                                   Optional<String> policySet) {

    /** Citrix's site policy set, where Studio and Import-CtxGroupPolicy put policies. */
    public static final String SITE_POLICY_SET = "DefaultSitePolicies";

    public CitrixPolicySettings {
        filters = List.copyOf(filters);
    }

    public static CitrixPolicySettings defaults(Location at) {
        return new CitrixPolicySettings(at, Optional.empty(), Optional.empty(), true, new Located<>(1, at), List.of(),
                Optional.empty());
    }

    public String policySetName() {
        return policySet.orElse(SITE_POLICY_SET);
    }
}
