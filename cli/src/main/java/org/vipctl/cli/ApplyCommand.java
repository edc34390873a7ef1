package org.vipctl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vipctl.apply.ApplyResult;
import org.vipctl.apply.BackupStore;
import org.vipctl.apply.Engine;
import org.vipctl.apply.SavedPlan;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.plan.Change;
import org.vipctl.plan.Plan;
import org.vipctl.plan.PlanJson;
import org.vipctl.plan.PlanText;
import org.vipctl.plan.SiteSettings;
import org.vipctl.registry.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply", addMethodSubcommands = false,
        description = "Write the policies' registry values on this server (or into a target file): plan, show the"
                + " plan, confirm, back up every value about to change, write only what differs, read each"
                + " value back. A second run changes nothing. A failed write restores what was already written.",
        footer = {"", "Examples:",
            "  vipctl apply examples/licence-loopback.yaml",
            "  vipctl apply --yes --target windows policies/   (no terminal: task, pipeline)",
            "  vipctl apply --yes --target regfile:image.reg --state-dir state/ policies/",
            "  vipctl apply --state-dir state/ plan.vipctl",
            "      (a plan saved by plan -out: applied as saved, or refused if the",
            "      target changed)",
            "", "Exit codes: 0 applied (or nothing to do), 1 error (nothing or everything",
            "restored) or declined, 64 usage error."},
        mixinStandardHelpOptions = true)
final class ApplyCommand implements Callable<Integer> {

    /** A saved plan is a few kilobytes per value; anything much larger is not one. */
    private static final long MAX_PLAN_BYTES = 64L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyInputs inputs;

    @Mixin
    TargetOptions target;

    @Option(names = "--scope", paramLabel = "SCOPE",
            description = "Which keys to write: local (the server's own keys; default) or policy (the Group Policy keys; default for local-gpo).")
    Scope scope;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking. Required when not run from a terminal.")
    boolean yes;

    @Mixin
    StateDirOption state;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the plan and the result as one JSON document (docs/plan-json.md).")
    OutputFormat format;

    @Option(names = "--json", hidden = true, description = "Same as --format json.")
    boolean jsonOption;

    @Option(names = "--show-unchanged", description = "Also list the values that are already right.")
    boolean showUnchanged;

    @Option(names = Engine.REPLACE_READ_ONLY,
            description = "Replace a target file marked read-only (it keeps its permissions) instead of refusing.")
    boolean replaceReadOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = jsonOption || format == OutputFormat.JSON;
        Optional<SavedPlan> saved = savedPlan();
        if (saved.isPresent()) {
            return applySaved(saved.get(), json, out, err);
        }
        DesiredState.Loaded desired = DesiredState.load(inputs, target.scope(scope), json, out, err);
        Engine engine = new Engine(new BackupStore(state.stateDir(), target.limits()), Clock.systemUTC(), replaceReadOnly);
        Engine.Outcome outcome = engine.apply(target.target(true), desired.state(), desired.compilation().catalog(),
                target.host(), plan -> {
                    if (!json) {
                        PlanText.lines(plan, desired.notApplied(), new PlanText.Style(showUnchanged, Terminal.colour(), 100))
                                .forEach(out::println);
                    }
                    return !plan.hasChanges() || Confirmation.confirmed("apply", plan, yes, out);
                });
        return report(outcome, desired.notApplied(), json, out);
    }

    /**
     * A single PATH that is a plan saved by {@code plan -out} (a JSON document of that kind; a
     * policy never is one).
     */
    private Optional<SavedPlan> savedPlan() {
        if (inputs.paths.size() != 1 || !Files.isRegularFile(inputs.paths.get(0))) {
            return Optional.empty();
        }
        Path file = inputs.paths.get(0);
        String text;
        try {
            if (Files.size(file) > MAX_PLAN_BYTES) {
                return Optional.empty();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
        if (!SavedPlan.looksLikeOne(text)) {
            return Optional.empty();
        }
        if (scope != null) {
            throw new UsageError("--scope cannot be given with a saved plan (" + file + "): the plan keeps its own scope");
        }
        try {
            return Optional.of(SavedPlan.parse(text, file.toString()));
        } catch (SavedPlan.Invalid e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The saved plan, applied as it was reviewed: no question (the plan file is the approval). */
    private int applySaved(SavedPlan saved, boolean json, PrintWriter out, PrintWriter err) {
        Diagnostics diagnostics = new Diagnostics();
        Catalog catalog = inputs.catalog(diagnostics);
        err.print(inputs.notes.text(diagnostics.sorted()));
        inputs.notes.notListed(diagnostics.sorted()).ifPresent(err::println);
        Engine engine = new Engine(new BackupStore(state.stateDir(), target.limits()), Clock.systemUTC(), replaceReadOnly);
        Engine.Outcome outcome = engine.applySaved(target.targetNamed(saved.target(), true), saved, catalog,
                TargetOptions.hostOf(saved.target()), plan -> {
                    if (!json) {
                        out.println("Applying the plan saved " + saved.created() + " for " + saved.target() + ":");
                        PlanText.lines(plan, new PlanText.Style(showUnchanged, Terminal.colour(), 100)).forEach(out::println);
                    }
                    return true;
                });
        return report(outcome, List.of(), json, out);
    }

    private int report(Engine.Outcome outcome, List<SiteSettings.NotApplied> notApplied, boolean json, PrintWriter out) {
        if (outcome.declined()) {
            out.println("Nothing written.");
            return ExitCodes.ERROR;
        }
        ApplyResult result = outcome.result().orElseThrow();
        if (json) {
            out.print(json(outcome.plan(), notApplied, result));
            return ExitCodes.OK;
        }
        for (Change c : result.written()) {
            out.println("wrote " + PlanText.outcome(c) + " (verified)");
        }
        result.backup().ifPresent(p -> out.println("backup: " + p));
        out.println("Apply complete: " + result.summary() + ".");
        if (!result.written().isEmpty() && outcome.plan().target().startsWith("local-gpo:")) {
            out.println("The GPO changed: Windows applies it at the next policy refresh"
                    + " (gpupdate /target:computer /force to apply it now).");
        }
        return ExitCodes.OK;
    }

    private static String json(Plan plan, List<SiteSettings.NotApplied> notApplied, ApplyResult result) {
        ObjectNode root = JsonOut.object();
        root.set("plan", PlanJson.toTree(plan, notApplied));
        root.set("result", JsonOut.result(result));
        return JsonOut.write(root);
    }
}
