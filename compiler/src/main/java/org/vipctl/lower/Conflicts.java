package org.vipctl.lower;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.model.Policy;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.Scope;

/**
 * The check that needs lowered policies: two policies may not set one registry value differently
 * (VIP050). It runs after validation, on the policies that are valid on their own.
 */
public final class Conflicts {

    private Conflicts() {
    }

    public static void check(List<Policy> kept, Lowering lowering, Diagnostics out) {
        // One conflict is one problem, even when it shows in both scopes (spec.registry values do).
        Set<String> reported = new HashSet<>();
        for (Scope scope : Scope.values()) {
            Map<String, RegistryEntry> seen = new HashMap<>();
            for (Policy p : kept) {
                for (RegistryEntry e : lowering.registry(p, scope).entries()) {
                    RegistryEntry first = seen.putIfAbsent(e.valueId(), e);
                    if (first != null && !sameEffect(first, e)
                            && reported.add(e.from().source() + "|" + first.from().source())) {
                        out.add(Rule.CONFLICT.error(e.from().source(), "'" + e.key().hive() + "\\" + e.key().literalPath()
                                        + "\\" + e.name() + "' (" + scope.label() + " scope) is set to " + describe(e)
                                        + " here and to " + describe(first) + " by policy '" + first.from().policyName()
                                        + "' at " + first.from().source(),
                                "make the policies agree, or manage the value in one policy only")
                                .withRelated(first.from().source()));
                    }
                }
            }
        }
    }

    private static boolean sameEffect(RegistryEntry a, RegistryEntry b) {
        if (a instanceof RegistryEntry.Set sa && b instanceof RegistryEntry.Set sb) {
            return sa.value().equals(sb.value());
        }
        return a instanceof RegistryEntry.Delete && b instanceof RegistryEntry.Delete;
    }

    private static String describe(RegistryEntry e) {
        return e instanceof RegistryEntry.Set s ? s.value().type() + " " + s.value().display() : "absent";
    }
}
