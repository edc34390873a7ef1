package org.vipctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.vipctl.apply.Engine;
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

@Command(name = "plan",
        description = "Compare the policies with a registry and show, per value, what apply would do: no-op,"
                + " create, update (data and/or type, before -> after) or delete. Reads only.",
        footer = {"", "Examples:",
            "  vipctl plan examples/",
            "  vipctl plan --target regfile:image.reg --detailed-exitcode policies/",
            "  vipctl plan --json policies/ > plan.json",
            "", "Exit codes: 0 no changes (or changes without --detailed-exitcode), 2 changes present"
                + " (--detailed-exitcode), 1 error, 64 usage error."},
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

    @Option(names = "--json", description = "Print the plan as JSON (docs/plan-json.md).")
    boolean json;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes, 0 when there are none.")
    boolean detailedExitCode;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DesiredState.Loaded desired = DesiredState.load(inputs, target.scope(scope), err);
        Registry registry = target.open(false);
        Plan plan = Engine.plan(registry, desired.state(), desired.compilation().catalog(), target.host());
        if (json) {
            out.print(PlanJson.toJson(plan));
        } else {
            PlanText.lines(plan).forEach(out::println);
        }
        return detailedExitCode && plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
