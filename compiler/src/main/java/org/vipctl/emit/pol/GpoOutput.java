package org.vipctl.emit.pol;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.OutputFiles;
import org.vipctl.format.pol.PolFile;
import org.vipctl.gpo.GpoFolder;
import org.vipctl.gpo.GpoFolderException;
import org.vipctl.gpo.Ownership;
import org.vipctl.gpo.PolFromState;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Scope;

/**
 * What {@code --emit pol} and {@code --emit gpo} share. Without {@code gpo-dir} they add
 * {@code gpo/Machine/Registry.pol} (pol) and also {@code gpo/GPT.INI} (gpo) to the output; asked
 * together, the folder is written once. With {@code gpo-dir} either one updates that folder in place
 * (Registry.pol and GPT.INI together, so the version always matches the content); a second run
 * finds the folder up to date and writes nothing.
 */
final class GpoOutput {

    static final String OUT_DIR = "gpo/";

    private GpoOutput() {
    }

    static void emit(EmitContext context, OutputFiles out, boolean withIni) {
        PolFile pol = PolFromState.records(context.compilation().registry(Scope.POLICY), Hive.HKLM);
        var gpoDir = context.option("gpo-dir");
        if (gpoDir.isPresent()) {
            update(context, Path.of(gpoDir.get()), pol);
            return;
        }
        Map<String, byte[]> files = GpoFolder.fresh(pol);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String path = OUT_DIR + f.getKey();
            boolean wanted = withIni || f.getKey().equals(GpoFolder.POL_PATH);
            if (wanted && !out.files().containsKey(path)) {
                out.add(path, f.getValue());
            }
        }
    }

    private static void update(EmitContext context, Path dir, PolFile pol) {
        if (context.diagnostics().hasErrors()) {
            return;
        }
        Location at = Location.ofFile(dir.toString());
        boolean done = context.diagnostics().sorted().stream().anyMatch(d -> d.location().equals(at)
                && (d.ruleId().equals(Rule.GPO_FOLDER_UPDATED.id()) || d.ruleId().equals(Rule.GPO_FOLDER.id())));
        if (done) {
            return; // pol and gpo asked together: the folder is updated once
        }
        try {
            GpoFolder.Update u = GpoFolder.update(dir, pol, Ownership.of(context.compilation()));
            String message = u.changed()
                    ? "updated GPO folder: " + u.written().size() + " file(s) written, computer version "
                            + (u.versionBefore() & 0xFFFF) + " -> " + (u.versionAfter() & 0xFFFF)
                            + " (Version=" + u.versionAfter() + ")"
                    : "GPO folder already up to date; nothing written (Version=" + u.versionBefore() + ")";
            String hint = u.changed() && !isLocalGpo(dir)
                    ? "a domain GPO also needs its versionNumber and gPCMachineExtensionNames attributes in Active"
                            + " Directory set to match (or import a GPO backup with Import-GPO); see docs/registry-pol.md"
                    : "";
            context.diagnostics().add(new Diagnostic(Severity.NOTE, Rule.GPO_FOLDER_UPDATED.id(), message, hint, at, List.of()));
        } catch (GpoFolderException | IOException e) {
            context.diagnostics().add(Rule.GPO_FOLDER.error(at, e.getMessage(),
                    "point --gpo-dir at a GPO folder (the one holding GPT.INI and Machine\\)"));
        }
    }

    private static boolean isLocalGpo(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name != null && name.toString().equalsIgnoreCase("GroupPolicy");
    }
}
