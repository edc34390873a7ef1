package org.vipctl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vipctl.files.InputKind;
import org.vipctl.files.InputRefused;
import org.vipctl.format.pol.PolDiff;
import org.vipctl.format.pol.PolFile;
import org.vipctl.format.pol.PolFormatException;
import org.vipctl.format.pol.PolReader;
import org.vipctl.format.pol.PolShow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "pol",
        description = "Read Registry.pol files (the PReg format of Group Policy): list their records or compare two.",
        footer = {"", "Examples:",
            "  vipctl pol show build/vipctl/gpo/Machine/Registry.pol",
            "  vipctl pol show --format json Registry.pol",
            "  vipctl pol diff old/Registry.pol build/vipctl/gpo/Machine/Registry.pol"},
        mixinStandardHelpOptions = true,
        subcommands = {PolCommand.Show.class, PolCommand.Diff.class})
final class PolCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: show or diff");
    }

    private static long polLimit(CommandSpec command) {
        return Main.inputLimits(command).of(InputKind.REGISTRY_POL);
    }

    static UserError unreadable(Path file, Exception e) {
        if (e instanceof PolFormatException) {
            return new UserError(file + ": not a valid Registry.pol: " + e.getMessage(), e);
        }
        if (e instanceof InputRefused r) {
            return new UserError(r.getMessage(), e);
        }
        if (e instanceof NoSuchFileException) {
            return new UserError(file + ": no such file", e);
        }
        return new UserError(file + ": cannot read: " + e.getMessage(), e);
    }

    @Command(name = "show",
            description = "List the records of a Registry.pol as LGPO.exe-style text (Computer|User, key, value"
                    + " name, action; forms in docs/registry-pol.md) or JSON. The scope is User when the file"
                    + " is in a User folder, otherwise Computer.",
            footer = {"", "Examples:",
                "  vipctl pol show build/vipctl/gpo/Machine/Registry.pol",
                "  vipctl pol show --format json Registry.pol",
                "", "Exit codes: 0 listed, 1 unreadable or invalid file, 64 usage error."},
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A Registry.pol file.")
        Path file;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "lgpo",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        PolShow.Format format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                PolShow.show(file, format, PolShow.scopeOf(file), out, polLimit(spec));
            } catch (PolFormatException | IOException e) {
                throw unreadable(file, e);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "diff",
            description = "Compare two Registry.pol files record by record: added, removed and changed values and"
                    + " directives, key and value names compared case-insensitively.",
            footer = {"", "Examples:",
                "  vipctl pol diff old/Registry.pol build/vipctl/gpo/Machine/Registry.pol",
                "  vipctl pol diff --format json a.pol b.pol",
                "", "Exit codes: 0 same, 2 different, 1 unreadable or invalid file, 64 usage error."},
            mixinStandardHelpOptions = true)
    static final class Diff implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "A", description = "The file before.")
        Path a;

        @Parameters(index = "1", paramLabel = "B", description = "The file after.")
        Path b;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "text (default) or json (records as pol show --format json writes them).")
        OutputFormat format;

        @Override
        public Integer call() {
            long limit = polLimit(spec);
            PolDiff.Result d = PolDiff.diff(read(a, limit), read(b, limit));
            spec.commandLine().getOut().print(format == OutputFormat.JSON ? d.json() : d.render());
            return d.isEmpty() ? ExitCodes.OK : ExitCodes.CHANGES;
        }

        private static PolFile read(Path file, long limit) {
            try {
                return PolReader.read(file, limit);
            } catch (PolFormatException | IOException e) {
                throw unreadable(file, e);
            }
        }
    }
}
