package org.vipctl.emit.pol;

import java.util.Map;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.OutputFiles;
import org.vipctl.format.pol.PolFile;
import org.vipctl.gpo.GpoFolder;
import org.vipctl.gpo.PolFromState;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Scope;

/**
 * What {@code --emit pol} and {@code --emit gpo} share: {@code gpo/Machine/Registry.pol} (pol), and
 * with it {@code gpo/GPT.INI} (gpo); asked together, the folder is written once. Updating an existing
 * GPO folder ({@code compile --gpo-dir}) is not a writer's job: the compile command does it through
 * the GPO target once every writer has succeeded.
 */
final class GpoOutput {

    static final String OUT_DIR = "gpo/";

    private GpoOutput() {
    }

    static void emit(EmitContext context, OutputFiles out, boolean withIni) {
        PolFile pol = PolFromState.records(context.compilation().registry(Scope.POLICY), Hive.HKLM);
        for (Map.Entry<String, byte[]> f : GpoFolder.fresh(pol).entrySet()) {
            String path = OUT_DIR + f.getKey();
            boolean wanted = withIni || f.getKey().equals(GpoFolder.POL_PATH);
            if (wanted && !out.files().containsKey(path)) {
                out.add(path, f.getValue());
            }
        }
    }
}
