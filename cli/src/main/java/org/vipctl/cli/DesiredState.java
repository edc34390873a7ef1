package org.vipctl.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.model.Policy;
import org.vipctl.plan.SiteSettings;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/** Loads and validates the policies for plan and apply: errors stop here, before any registry is touched. */
final class DesiredState {

    private DesiredState() {
    }

    /**
     * Findings go to stderr as text; with {@code json}, invalid policies print the findings as JSON on
     * stdout ({@code {"format_version": 1, "valid": false, "findings": ...}}) and end the run with 1.
     */
    static Loaded load(PolicyInputs inputs, Scope scope, boolean json, PrintWriter out, PrintWriter err) {
        Diagnostics diagnostics = new Diagnostics();
        Compilation c = inputs.load(diagnostics);
        Checked checked = Checked.of(inputs.paths, diagnostics, c, Optional.empty());
        err.print(inputs.notes.text(checked.findings().reported()));
        err.flush();
        if (diagnostics.hasErrors()) {
            if (json) {
                out.print(JsonOut.invalid(checked.findings()));
                throw new QuietExit(ExitCodes.ERROR);
            }
            throw new UserError("policies are not valid, nothing planned: " + inputs.notes.counts(checked.findings()));
        }
        inputs.notes.notListed(checked.findings().reported()).ifPresent(err::println);
        err.flush();
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
