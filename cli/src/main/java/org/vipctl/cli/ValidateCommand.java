package org.vipctl.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Renderer;
import org.vipctl.diagnostic.Severity;
import org.vipctl.registry.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", addMethodSubcommands = false,
        description = "Check policy files: YAML syntax, structure (the JSON Schema), and the rules of each feature"
                + " and across files; with --catalog also the catalog files (their schema, sources and ADMX data)."
                + " Prints every error and warning on standard output as"
                + " 'file:line:col: severity: message [VIPnnn]' with a hint line, then a summary that counts"
                + " the notes too; --notes (or --fail-on note) lists the notes as well.",
        footer = {"", "Examples:",
            "  vipctl validate examples/",
            "  vipctl validate --fail-on warning policies/",
            "  vipctl validate --notes examples/invalid/    (also list the notes)",
            "  vipctl validate --format sarif policies/ > vipctl.sarif",
            "  vipctl validate --catalog site-catalog.yaml         (the catalog file alone)",
            "  vipctl explain VIP022          (what a rule means and how to fix it)",
            "",
            "Hide a reviewed warning or note with a comment on its line (or the line above):",
            "  # vipctl:ignore VIP033 tested on the pilot servers",
            "or for a folder in .vipctl.yaml (docs/policy-format.md#project-file).",
            "",
            "Exit codes: 0 nothing at or above --fail-on (default: error),",
            "1 findings at or above it, 64 usage error."},
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyInputs inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Renderer.Format format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is this severe or more: error (default), warning, note."
                    + " Overrides failOn of .vipctl.yaml.")
    Severity failOn;

    /** Where a run parsed without picocli's model prints (Main's plain validate); otherwise picocli's out. */
    PrintWriter plainOut;

    @Override
    public Integer call() {
        PrintWriter out = plainOut != null ? plainOut : spec.commandLine().getOut();
        Diagnostics diagnostics = new Diagnostics();
        inputs.catalogAloneIsEnough = true;
        Compilation c = inputs.load(diagnostics);
        diagnostics.addAll(c.keyWarnings(Scope.values()));
        Checked checked = Checked.of(inputs.paths, diagnostics, c, Optional.ofNullable(failOn));
        switch (format) {
            case JSON -> out.print(Renderer.json(checked.findings()));
            case SARIF -> out.print(Renderer.sarif(checked.findings(), VersionProvider.version()));
            default -> {
                // notes that fail the run are listed: a failure must show what failed
                boolean notes = inputs.notes.listed || checked.failOn() == Severity.NOTE;
                out.print(Renderer.text(checked.findings().reported(), notes));
                out.println(checked.findings().summary(checked.failOn(), notes));
            }
        }
        return checked.failed() ? ExitCodes.ERROR : ExitCodes.OK;
    }
}
