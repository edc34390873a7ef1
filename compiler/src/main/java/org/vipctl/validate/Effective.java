package org.vipctl.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vipctl.model.Located;
import org.vipctl.model.Policy;

/**
 * What all policies compiled together turn on. Policies validated together describe one set of
 * servers and their settings combine into one effective policy (one GPO, one apply), so rules such
 * as "prefer loopback needs IP virtualization" look at the combination, not at one file.
 */
record Effective(boolean ipVirtualization, boolean citrixVirtualLoopback, Set<String> loopbackPrograms) {

    static Effective of(List<Policy> policies) {
        boolean ip = false;
        boolean citrix = false;
        Set<String> programs = new HashSet<>();
        for (Policy p : policies) {
            ip |= p.spec().ipVirtualizationEnabled();
            citrix |= p.spec().citrixVirtualLoopbackEnabled();
            p.spec().citrixVirtualLoopback().ifPresent(c -> {
                if (c.isEnabled()) {
                    for (Located<String> prog : c.programs()) {
                        programs.add(prog.value().toLowerCase(Locale.ROOT));
                    }
                }
            });
        }
        return new Effective(ip, citrix, Set.copyOf(programs));
    }
}
