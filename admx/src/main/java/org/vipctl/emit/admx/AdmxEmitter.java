package org.vipctl.emit.admx;

import java.util.List;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;

/**
 * {@code --emit admx}: {@code admx/<Name>.admx} and {@code admx/<lang>/<Name>.adml} for every
 * template the catalog defines (the built-in one and one per user catalog file with its own
 * namespace). Settings Microsoft's templates already define are not written again.
 */
public final class AdmxEmitter implements Emitter {

    @Override
    public String name() {
        return "admx";
    }

    @Override
    public void emit(EmitContext context, OutputFiles out) {
        List<Template> templates = TemplateReader.read(context.compilation().catalog());
        AdmxWriter writer = new AdmxWriter();
        for (Template t : templates) {
            out.add("admx/" + t.name() + ".admx", writer.admx(t));
            for (String lang : t.languages()) {
                out.add("admx/" + lang + "/" + t.name() + ".adml", writer.adml(t, lang));
            }
        }
    }
}
