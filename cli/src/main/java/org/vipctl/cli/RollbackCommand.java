package org.vipctl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.vipctl.plan.PlanJson;
import org.vipctl.plan.PlanText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rollback", addMethodSubcommands = false,
        description = "Put back the values an apply changed, exactly as its backup recorded them (recreating"
                + " or deleting values). Without BACKUP, the newest apply backup of the target is used. Shows"
                + " what it will change and asks first, like apply (--yes to skip; required without a"
                + " terminal). Rolling back twice changes nothing the second time.",
        footer = {"", "Examples:",
            "  vipctl rollback",
            "  vipctl rollback --yes --target regfile:image.reg --state-dir state/",
            "  vipctl rollback C:\\ProgramData\\vipctl\\backups\\20260101T120000000Z-apply.json",
            "", "Exit codes: 0 restored, or nothing to restore (no backup, or no change needed),",
            "1 error or declined, 64 usage error."},
        mixinStandardHelpOptions = true)
final class RollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    StateDirOption state;

    @Mixin
    CatalogOption catalog;

    @Option(names = {"-y", "--yes"}, description = "Roll back without asking. Required when not run from a terminal.")
    boolean yes;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the plan and the result as one JSON document (docs/json-output.md).")
    OutputFormat format;

    @Option(names = "--show-unchanged", description = "Also list the values that are already as the backup recorded.")
    boolean showUnchanged;

    @Parameters(paramLabel = "BACKUP", arity = "0..1", description = "A backup file written by apply.")
    Path backupFile;

    @Option(names = Engine.REPLACE_READ_ONLY,
            description = "Replace a target file marked read-only (it keeps its permissions) instead of refusing.")
    boolean replaceReadOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = format == OutputFormat.JSON;
        Diagnostics diagnostics = new Diagnostics();
        Catalog settings = catalog.catalog(diagnostics);
        err.print(Renderer.text(diagnostics.sorted()));
        if (diagnostics.hasErrors()) {
            throw new UserError("the catalog is not valid, nothing rolled back: " + Renderer.summary(diagnostics.sorted()));
        }
        BackupStore backups = new BackupStore(backupFile != null && state.stateDir == null
                ? backupFile.toAbsolutePath().getParent() : state.stateDir(), target.limits());
        Engine.Outcome outcome;
        try {
            outcome = new Engine(backups, Clock.systemUTC(), replaceReadOnly).rollback(target.target(true), Optional.ofNullable(backupFile),
                    settings, target.host(), plan -> {
                        if (!json) {
                            PlanText.Style style = new PlanText.Style(showUnchanged, Terminal.colour(), 100);
                            PlanText.lines(plan, style).forEach(out::println);
                        }
                        return !plan.hasChanges() || Confirmation.confirmed("rollback", plan, yes, out);
                    });
        } catch (Engine.NoBackup e) {
            if (backupFile != null) {
                throw new UserError(e.getMessage(), e);
            }
            if (json) {
                ObjectNode o = JsonOut.object();
                o.putNull("restored_from");
                o.put("message", e.getMessage());
                out.print(JsonOut.write(o));
            } else {
                out.println("Nothing to restore: " + e.getMessage() + ".");
            }
            return ExitCodes.OK;
        }
        if (outcome.declined()) {
            out.println("Nothing written.");
            return ExitCodes.ERROR;
        }
        ApplyResult result = outcome.result().orElseThrow();
        if (json) {
            ObjectNode o = JsonOut.object();
            o.put("restored_from", outcome.restoredFrom().orElseThrow().toString());
            o.put("backup_created", outcome.restored().orElseThrow().created().toString());
            o.set("plan", PlanJson.toTree(outcome.plan()));
            o.set("result", JsonOut.result(result));
            out.print(JsonOut.write(o));
            return ExitCodes.OK;
        }
        out.println("Rolled back to " + outcome.restoredFrom().orElseThrow() + " (made "
                + outcome.restored().orElseThrow().created() + ").");
        result.backup().ifPresent(p -> out.println("backup of the state before this rollback: " + p));
        out.println("Rollback complete: " + result.summary() + ".");
        return ExitCodes.OK;
    }
}
