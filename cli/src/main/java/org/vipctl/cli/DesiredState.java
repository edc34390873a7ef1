package org.vipctl.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Renderer;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.model.Policy;
import org.vipctl.plan.SiteSettings;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/** Loads and validates the policies for plan and apply: errors stop here, before any registry is touched. */
final class DesiredState {

    private DesiredState() {
    }

    static Loaded load(PolicyInputs inputs, Scope scope, PrintWriter err) {
        Diagnostics diagnostics = new Diagnostics();
        Compilation c = inputs.load(diagnostics);
        err.print(Renderer.text(diagnostics.sorted()));
        err.flush();
        if (diagnostics.hasErrors()) {
            throw new UserError("policies are not valid, nothing planned: " + Renderer.summary(diagnostics.sorted()));
        }
        return new Loaded(c, c.registry(scope));
    }

    record Loaded(Compilation compilation, RegistryState state) {

        /** The Citrix settings of the policies, which plan and apply name but do not write. */
        List<SiteSettings.NotApplied> notApplied() {
            Map<String, CitrixPolicy> byPolicy = new LinkedHashMap<>();
            for (Policy p : compilation.policies()) {
                byPolicy.put(p.name().value(), compilation.citrix(p));
            }
            return SiteSettings.of(byPolicy);
        }
    }
}
