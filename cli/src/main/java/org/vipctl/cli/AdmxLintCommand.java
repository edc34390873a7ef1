package org.vipctl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vipctl.admx.lint.AdmxLinter;
import org.vipctl.admx.lint.LintResult;
import org.vipctl.diagnostic.Findings;
import org.vipctl.diagnostic.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lint", addMethodSubcommands = false,
        description = "Check ADMX/ADML files the way the Group Policy Management Console does when it loads a store:"
                + " unique target namespaces, resolvable using/prefix:name references, every $(string.X) and"
                + " $(presentation.X) present in each language's ADML, presentation controls matching element"
                + " kinds, valid ids, no duplicates, ADML revisions, an ADML per language folder."
                + " Prints each error and warning as 'file:line:col: severity: message [VIPnnn]' with a hint line,"
                + " then a summary that counts the notes too; --notes lists the notes as well.",
        footer = {"", "PATH is an .admx or .adml file or a PolicyDefinitions folder with language",
            "sub-folders; several PATHs are checked as one store.",
            "", "Examples:",
            "  vipctl admx lint C:\\Windows\\PolicyDefinitions",
            "  vipctl admx lint out/admx \\\\corp\\SYSVOL\\corp\\Policies\\PolicyDefinitions",
            "  vipctl admx lint --notes C:\\Windows\\PolicyDefinitions   (also list the notes)",
            "", "Exit codes: 0 no errors (warnings allowed), 1 errors found, 64 usage error."},
        mixinStandardHelpOptions = true)
final class AdmxLintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "ADMX/ADML files or PolicyDefinitions folders.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Renderer.Format format;

    @Option(names = "--strict-namespaces",
            description = "Treat a namespace named by <using> but defined by no file in the store as an error"
                    + " (for a complete central store; default: warning).")
    boolean strictNamespaces;

    @Mixin
    NotesOption notes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LintResult r = new AdmxLinter(strictNamespaces, Main.inputLimits(spec)).lint(paths);
        switch (format) {
            case JSON -> out.print(Renderer.json(r.diagnostics()));
            case SARIF -> out.print(Renderer.sarif(r.diagnostics(), VersionProvider.version()));
            default -> {
                out.print(notes.text(r.diagnostics()));
                out.println((r.hasErrors() ? "errors: " : "ok: ") + r.admxFiles() + " ADMX and " + r.admlFiles()
                        + " ADML files (" + (r.languages().isEmpty() ? "no language folders"
                        : String.join(", ", r.languages())) + "); " + notes.counts(Findings.of(r.diagnostics())));
            }
        }
        return r.hasErrors() ? ExitCodes.ERROR : ExitCodes.OK;
    }
}
