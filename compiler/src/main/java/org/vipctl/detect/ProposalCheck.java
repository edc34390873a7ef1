package org.vipctl.detect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.load.YamlLoader;
import org.vipctl.model.Policy;
import org.vipctl.registry.Scope;

/**
 * Runs a proposed policy through the same loading, validation and lowering as {@code vipctl validate}
 * and {@code compile}, so a proposal that would not pass is never written.
 */
public final class ProposalCheck {

    private ProposalCheck() {
    }

    /** The diagnostics of the proposal as if it were the file {@code name}; errors mean it must not be written. */
    public static List<Diagnostic> check(String name, String yaml) {
        Diagnostics out = new Diagnostics();
        Compilation c = Compilation.of(new YamlLoader().parse(name, yaml.getBytes(StandardCharsets.UTF_8), out),
                Catalog.builtIn(), out);
        if (!out.hasErrors()) {
            for (Policy p : c.policies()) {
                c.registry(p, Scope.LOCAL);
                c.registry(p, Scope.POLICY);
                c.citrix(p);
            }
        }
        return out.sorted();
    }
}
