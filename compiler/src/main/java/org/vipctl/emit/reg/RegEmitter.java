package org.vipctl.emit.reg;

import java.util.ArrayList;
import java.util.List;
import org.vipctl.diagnostic.Rule;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;
import org.vipctl.format.reg.RegFileWriter;
import org.vipctl.model.Policy;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/**
 * {@code --emit reg}: one {@code reg/<policy>.reg} per policy with its local-scope values, the
 * keys an administrator would set on a server by hand.
 */
public final class RegEmitter implements Emitter {

    @Override
    public String name() {
        return "reg";
    }

    @Override
    public void emit(EmitContext context, OutputFiles out) {
        for (Policy p : context.compilation().policies()) {
            RegistryState state = context.compilation().registry(p, Scope.LOCAL);
            if (state.isEmpty()) {
                continue;
            }
            List<String> comments = new ArrayList<>();
            comments.add("vipctl policy '" + p.name().value() + "' (local scope), from " + p.file().replace('\\', '/'));
            p.description().ifPresent(d -> comments.add(d));
            comments.add("Import with: reg import " + p.name().value() + ".reg   (restart the server afterwards)");
            try {
                out.add("reg/" + p.name().value() + ".reg", RegFileWriter.write(state, comments, true));
            } catch (IllegalArgumentException e) {
                context.diagnostics().add(Rule.REGISTRY_KEY.error(p.name().at(),
                        "policy '" + p.name().value() + "' cannot be written as a .reg file: " + e.getMessage(),
                        "remove line breaks and other control characters from registry key and value names"));
            }
        }
    }
}
