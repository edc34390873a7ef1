package org.vipctl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vipctl.apply.ApplyResult;
import org.vipctl.apply.BackupStore;
import org.vipctl.apply.Engine;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Renderer;
import org.vipctl.plan.PlanText;
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

    @Mixin
    CatalogOption catalog;

    @Parameters(paramLabel = "BACKUP", arity = "0..1", description = "A backup file written by apply.")
    Path backupFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diagnostics = new Diagnostics();
        Catalog settings = catalog.catalog(diagnostics);
        err.print(Renderer.text(diagnostics.sorted()));
        if (diagnostics.hasErrors()) {
            throw new UserError("the catalog is not valid, nothing rolled back: " + Renderer.summary(diagnostics.sorted()));
        }
        BackupStore backups = new BackupStore(backupFile != null && target.stateDir == null
                ? backupFile.toAbsolutePath().getParent() : target.stateDir());
        Engine.Outcome outcome;
        try {
            outcome = new Engine(backups, Clock.systemUTC()).rollback(target.target(true), Optional.ofNullable(backupFile),
                    settings, target.host(), plan -> true);
        } catch (Engine.NoBackup e) {
            throw new UserError(e.getMessage(), e);
        }
        out.println("Rolling back to " + outcome.restoredFrom().orElseThrow() + " (made "
                + outcome.restored().orElseThrow().created() + "):");
        PlanText.lines(outcome.plan()).stream().skip(1).forEach(out::println);
        ApplyResult result = outcome.result().orElseThrow();
        result.backup().ifPresent(p -> out.println("backup of the state before this rollback: " + p));
        out.println("Rollback complete: " + result.summary() + ".");
        return ExitCodes.OK;
    }
}
