package org.vipctl.emit;

import java.util.Map;
import java.util.Optional;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostics;

/**
 * What a writer gets: the validated, lowered compilation, options given on the command line (e.g.
 * {@code gpo-dir}), and the diagnostics of the run.
 */
public record EmitContext(Compilation compilation, Map<String, String> options, Diagnostics diagnostics) {

    public EmitContext {
        options = Map.copyOf(options);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
