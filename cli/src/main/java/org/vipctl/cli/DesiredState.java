package org.vipctl.cli;

import java.io.PrintWriter;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Renderer;
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
        java.util.List<org.vipctl.plan.SiteSettings.NotApplied> notApplied() {
            return org.vipctl.plan.SiteSettings.of(compilation);
        }
    }
}
