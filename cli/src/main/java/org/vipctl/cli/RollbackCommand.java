package org.vipctl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.vipctl.apply.Applier;
import org.vipctl.apply.ApplyFailed;
import org.vipctl.apply.ApplyResult;
import org.vipctl.apply.Backup;
import org.vipctl.apply.BackupStore;
import org.vipctl.apply.Lock;
import org.vipctl.apply.Rollback;
import org.vipctl.catalog.Catalog;
import org.vipctl.plan.Plan;
import org.vipctl.plan.PlanText;
import org.vipctl.plan.Planner;
import org.vipctl.registry.RegistryState;
import org.vipctl.target.Registry;
import org.vipctl.target.RegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rollback",
        description = "Put back the values an apply changed, exactly as its backup recorded them (recreating"
                + " or deleting values). Without BACKUP, the newest apply backup of the target is used."
                + " Rolling back twice changes nothing the second time.",
        footer = {"", "Examples:",
            "  vipctl rollback",
            "  vipctl rollback --target regfile:image.reg --state-dir state/",
            "  vipctl rollback C:\\ProgramData\\vipctl\\backups\\20260101T120000000Z-apply.json",
            "", "Exit codes: 0 restored (or nothing to restore), 1 error, 64 usage error."},
        mixinStandardHelpOptions = true)
final class RollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Parameters(paramLabel = "BACKUP", arity = "0..1", description = "A backup file written by apply.")
    Path backupFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Registry registry = target.open(true);
        BackupStore backups = new BackupStore(backupFile != null && target.stateDir == null
                ? backupFile.toAbsolutePath().getParent() : target.stateDir());
        try (Lock lock = Lock.acquire(backups.dir(), registry.target())) {
            Path file = backupFile != null ? backupFile : backups.latest(registry.target()).orElseThrow(() ->
                    new UserError("no apply backup for " + registry.target() + " in " + backups.dir()));
            Backup backup = BackupStore.load(file);
            RegistryState state = Rollback.desiredState(backup, file, registry.target());
            Plan plan = new Planner(Catalog.builtIn(), target.host()).plan(state, registry);
            out.println("Rolling back to " + file + " (made " + backup.created() + "):");
            PlanText.lines(plan).stream().skip(1).forEach(out::println);
            ApplyResult result = new Applier(registry, backups, Clock.systemUTC()).apply(plan, Backup.ROLLBACK);
            result.backup().ifPresent(p -> out.println("backup of the state before this rollback: " + p));
            out.println("Rollback complete: " + result.summary() + ".");
            return ExitCodes.OK;
        } catch (ApplyFailed e) {
            throw new UserError(e.getMessage(), e);
        } catch (RegistryException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
