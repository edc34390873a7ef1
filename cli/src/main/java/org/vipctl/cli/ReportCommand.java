package org.vipctl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.files.AtomicFile;
import org.vipctl.report.HtmlReport;
import org.vipctl.report.MarkdownReport;
import org.vipctl.report.Report;
import org.vipctl.report.ReportBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report",
        description = "Describe what the policies do, for a change request: per policy the features in words,"
                + " the target operating systems, the registry values of each output, the Citrix settings, the"
                + " loopback address each session gets, and what is not confirmed. HTML is one self-contained"
                + " file that prints well; Markdown suits a wiki or a pull request.",
        footer = {"", "Examples:",
            "  vipctl report -o change-1234.html policies/",
            "  vipctl report --format md policies/ > report.md",
            "", "Exit codes: 0 written, 1 invalid policies (nothing written) or failed write,",
            "64 usage error."},
        mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {

    enum Format { HTML, MD }

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyInputs inputs;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "html or md (default: from the -o file's extension, else html).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here (default: standard output).")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Virtual IP and loopback policies",
            description = "The report's title (default: ${DEFAULT-VALUE}).")
    String title;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diagnostics = new Diagnostics();
        Compilation c = inputs.load(diagnostics);
        Checked checked = Checked.of(inputs.paths, diagnostics, c, Optional.empty());
        err.print(inputs.notes.text(checked.findings().reported()));
        if (diagnostics.hasErrors()) {
            err.println("nothing written: " + inputs.notes.counts(checked.findings()));
            return ExitCodes.ERROR;
        }
        inputs.notes.notListed(checked.findings().reported()).ifPresent(err::println);
        Report report = ReportBuilder.build(title, c, checked.findings().reported());
        Format f = format != null ? format
                : output != null && output.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".md") ? Format.MD : Format.HTML;
        String text = f == Format.MD ? MarkdownReport.render(report) : HtmlReport.render(report);
        if (output == null) {
            out.print(text);
            return ExitCodes.OK;
        }
        try {
            AtomicFile.write(output, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError("cannot write " + output + ": " + e.getMessage(), e);
        }
        out.println("wrote " + output);
        return ExitCodes.OK;
    }
}
