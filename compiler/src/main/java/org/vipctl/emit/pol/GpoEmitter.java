package org.vipctl.emit.pol;

import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;

/** {@code --emit gpo}: the GPO folder, {@code gpo/Machine/Registry.pol} and {@code gpo/GPT.INI}. */
public final class GpoEmitter implements Emitter {

    @Override
    public String name() {
        return "gpo";
    }

    @Override
    public void emit(EmitContext context, OutputFiles out) {
        GpoOutput.emit(context, out, true);
    }
}
