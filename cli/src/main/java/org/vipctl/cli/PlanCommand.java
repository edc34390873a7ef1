package org.vipctl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.vipctl.apply.Engine;
import org.vipctl.apply.SavedPlan;
import org.vipctl.files.AtomicFile;
import org.vipctl.plan.Plan;
import org.vipctl.plan.PlanJson;
import org.vipctl.plan.PlanText;
import org.vipctl.registry.Scope;
import org.vipctl.target.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", addMethodSubcommands = false,
        description = "Compare the policies with a registry and show, per value, what apply would do: create,"
                + " update (data and/or type, before -> after) or delete; unchanged values with"
                + " --show-unchanged. Reads only: it takes no backup and no lock.",
        footer = {"", "Examples:",
            "  vipctl plan examples/",
            "  vipctl plan --target regfile:image.reg --detailed-exitcode policies/",
            "  vipctl plan --format json policies/ > plan.json",
            "  vipctl plan -out plan.vipctl --target regfile:image.reg policies/",
            "      (review it, then: vipctl apply --state-dir state/ plan.vipctl)",
            "", "Exit codes: 0 no changes (or changes without --detailed-exitcode),",
            "2 changes present (--detailed-exitcode), 1 error, 64 usage error."},
        mixinStandardHelpOptions = true)
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyInputs inputs;

    @Mixin
    TargetOptions target;

    @Option(names = "--scope", paramLabel = "SCOPE",
            description = "Which keys to manage: local (the server's own keys; default) or policy (the Group Policy keys; default for local-gpo).")
    Scope scope;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json (docs/plan-json.md; every value, unchanged ones included).")
    OutputFormat format;

    @Option(names = "--json", hidden = true, description = "Same as --format json.")
    boolean json;

    @Option(names = "--show-unchanged", description = "Also list the values that are already right.")
    boolean showUnchanged;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes, 0 when there are none.")
    boolean detailedExitCode;

    @Option(names = {"-out", "--out"}, paramLabel = "FILE",
            description = "Also save the plan to FILE, with SHA-256 sums of the desired state and of the target's"
                    + " current values; 'vipctl apply FILE' applies exactly this plan, or refuses if the target changed.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean asJson = json || format == OutputFormat.JSON;
        DesiredState.Loaded desired = DesiredState.load(inputs, target.scope(scope), asJson, out, err);
        Registry registry = target.open(false);
        Plan plan = Engine.plan(registry, desired.state(), desired.compilation().catalog(), target.host());
        if (asJson) {
            out.print(PlanJson.toJson(plan, desired.notApplied()));
        } else {
            PlanText.lines(plan, desired.notApplied(), new PlanText.Style(showUnchanged, Terminal.colour(), 100))
                    .forEach(out::println);
        }
        if (this.out != null) {
            SavedPlan saved = SavedPlan.of(plan, registry.desired(desired.state()), Instant.now());
            try {
                AtomicFile.write(this.out, saved.toJson().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserError("cannot write the plan to " + this.out + ": " + e.getMessage());
            }
            err.println("Saved the plan to " + this.out + " (apply exactly this plan with: vipctl apply " + this.out + ")");
        }
        return detailedExitCode && plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
