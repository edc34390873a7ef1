package org.vipctl.emit.pol;

import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;

/** {@code --emit pol}: {@code gpo/Machine/Registry.pol} with the policy-scope HKLM values. */
public final class PolEmitter implements Emitter {

    @Override
    public String name() {
        return "pol";
    }

    @Override
    public void emit(EmitContext context, OutputFiles out) {
        GpoOutput.emit(context, out, false);
    }
}
