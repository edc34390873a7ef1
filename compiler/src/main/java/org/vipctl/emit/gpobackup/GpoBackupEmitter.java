package org.vipctl.emit.gpobackup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.vipctl.diagnostic.Rule;
import org.vipctl.emit.EmitContext;
import org.vipctl.emit.Emitter;
import org.vipctl.emit.OutputFiles;
import org.vipctl.format.pol.PolFile;
import org.vipctl.gpo.PolFromState;
import org.vipctl.model.Policy;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/**
 * {@code --emit gpo-backup}: the policy-scope values of every policy as one GPO in a GPMC backup
 * folder, {@code gpo-backup/}, for {@code Import-GPO} or GPMC's Import Settings wizard. The GPO is
 * named after the policies (their names joined by ", ", in file order), and its GUID and backup id
 * are derived from that name.
 */
public final class GpoBackupEmitter implements Emitter {

    static final String OUT_DIR = "gpo-backup/";

    @Override
    public String name() {
        return "gpo-backup";
    }

    @Override
    public void emit(EmitContext context, OutputFiles out) {
        List<Policy> policies = context.compilation().policies();
        if (policies.isEmpty()) {
            return;
        }
        String name = String.join(", ", policies.stream().map(p -> p.name().value()).toList());
        RegistryState all = context.compilation().registry(Scope.POLICY);
        RegistryState machine = new RegistryState(Scope.POLICY,
                all.entries().stream().filter(e -> e.key().hive() == Hive.HKLM).toList());
        PolFile pol = PolFromState.records(machine, Hive.HKLM);
        GpoBackup backup = new GpoBackup(name, pol, machine);
        try {
            Map<String, byte[]> files = backup.files();
            out.add(OUT_DIR + "manifest.xml", BackupInfoXml.manifest(List.of(backup)).getBytes(StandardCharsets.UTF_8));
            files.forEach((path, bytes) -> out.add(OUT_DIR + path, bytes));
        } catch (IllegalArgumentException e) {
            Policy first = policies.get(0);
            context.diagnostics().add(Rule.REGISTRY_KEY.error(first.name().at(),
                    "the policies cannot be written as a GPO backup: " + e.getMessage(),
                    "remove control characters from registry key and value names"));
        }
    }
}
