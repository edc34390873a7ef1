package org.vipctl.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Renderer;
import org.vipctl.registry.Scope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", addMethodSubcommands = false,
        description = "Check policy files: YAML syntax, structure (the JSON Schema), and the rules of each feature and across files; with --catalog also the catalog files (their schema, sources and ADMX data). Reports every problem with file:line:col, rule id and a hint.",
        footer = {"", "Examples:",
            "  vipctl validate examples/",
            "  vipctl validate --format sarif policies/ > vipctl.sarif",
            "  vipctl validate --catalog site-catalog.yaml         (the catalog file alone)",
            "", "Exit codes: 0 no errors (warnings allowed), 1 errors found, 64 usage error."},
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyInputs inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Renderer.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diagnostics = new Diagnostics();
        inputs.catalogAloneIsEnough = true;
        Compilation c = inputs.load(diagnostics);
        diagnostics.addAll(c.keyWarnings(Scope.values()));
        List<Diagnostic> sorted = diagnostics.sorted();
        switch (format) {
            case JSON -> out.print(Renderer.json(sorted));
            case SARIF -> out.print(Renderer.sarif(sorted, VersionProvider.version()));
            default -> {
                err.print(Renderer.text(sorted));
                err.flush();
                out.println((diagnostics.hasErrors() ? "invalid: " : "valid: ") + c.policies().size()
                        + " polic" + (c.policies().size() == 1 ? "y" : "ies") + " without errors; "
                        + Renderer.summary(sorted));
            }
        }
        return diagnostics.hasErrors() ? ExitCodes.ERROR : ExitCodes.OK;
    }
}
