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
        Checked checked = Checked.of(inputs.paths, diagnostics, c, java.util.Optional.empty());
        err.print(Renderer.text(checked.findings().reported()));
        err.flush();
        if (diagnostics.hasErrors()) {
            throw new UserError("policies are not valid, nothing planned: " + checked.findings().counts());
        }
        return new Loaded(c, c.registry(scope));
    }

    record Loaded(Compilation compilation, RegistryState state) {
    }
}
