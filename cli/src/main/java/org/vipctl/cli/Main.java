package org.vipctl.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vipctl.diagnostic.Renderer;
import org.vipctl.files.FileProblem;
import org.vipctl.files.InputLimits;
import org.vipctl.target.RegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The vipctl command line. This layer parses arguments and prints; every behaviour lives below it.
 * {@link #run} is the whole program without a process, for tests.
 */
@Command(name = "vipctl", addMethodSubcommands = false,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Configuration-as-code for Windows virtual IP and virtual loopback (RDS IP Virtualization, RDS loopback virtualization, Citrix virtual loopback). Keep the intent in YAML; validate it, compile it to ADMX/ADML, Registry.pol, GPO folders, regedit files and Citrix policy exports, or apply it to a server.",
        footer = {"", "Examples:",
            "  vipctl validate examples/",
            "  vipctl compile -o build/vipctl examples/",
            "  vipctl import -o policies build/vipctl/gpo",
            "  vipctl plan --target regfile:server.reg examples/",
            "  vipctl apply --yes examples/                 (on a Windows server, elevated)",
            "  vipctl admx lint C:\\Windows\\PolicyDefinitions",
            "  vipctl citrix show C:\\exports\\site-policies",
            "  vipctl loopback-address --session 255",
            "  vipctl detect vip-capture-RDS01.json --propose detected.yaml",
            "  vipctl report -o change.html examples/",
            "  vipctl explain VIP022",
            "", "Exit codes: 0 ok, 1 error, 2 changes present (plan, diff), 64 usage error.",
            "Run 'vipctl COMMAND --help' for a command's options and examples."})
public final class Main implements Runnable {

    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            ValidateCommand.class,
            CompileCommand.class,
            ImportCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            RollbackCommand.class,
            PublishCommand.class,
            PolCommand.class,
            AdmxCommand.class,
            CitrixCommand.class,
            LoopbackAddressCommand.class,
            DetectCommand.class,
            ReportCommand.class,
            ExplainCommand.class,
            InitCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class);

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces for unexpected failures.")
    void debug(boolean on) {
        // read from the raw arguments in run(), before parsing, so even a parse failure honours it
    }

    @Option(names = "--max-input", paramLabel = "KIND=SIZE", scope = CommandLine.ScopeType.INHERIT,
            description = "Change the size limit of one kind of input file (policy, catalog, pol, gpt-ini, reg,"
                    + " backup, admx, citrix, gpo-backup); SIZE in bytes or with K, M or G, e.g. reg=512M. Repeatable."
                    + " Defaults: docs/reliability.md.")
    List<String> maxInput = new java.util.ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The input size limits of this run: the defaults with every --max-input applied. */
    InputLimits inputLimits() {
        InputLimits limits = InputLimits.DEFAULT;
        for (String m : maxInput) {
            try {
                limits = limits.with(m);
            } catch (IllegalArgumentException e) {
                throw new UsageError("--max-input: " + e.getMessage());
            }
        }
        return limits;
    }

    /**
     * The input size limits of the run {@code command} belongs to; the defaults for a run parsed
     * without picocli's model ({@code command} null: a plain validate, which has no --max-input).
     */
    static InputLimits inputLimits(CommandLine.Model.CommandSpec command) {
        return command != null && command.root().userObject() instanceof Main m ? m.inputLimits() : InputLimits.DEFAULT;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        // Start-up is most of a validate run: the built-in catalog and the policy schema are set up on
        // the other core while picocli builds its model and parses the arguments on this one. A
        // command runs once that is done, so its classes are never initialised by two threads at a
        // time; --help and --version only print picocli's text and do not wait. Commands that read no
        // policies do not pay for it; admx warms up its XML parser instead.
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (!Arrays.asList(args).contains("--debug")) {
            Thread.setDefaultUncaughtExceptionHandler(quietHandler(err));
        }
        // anonymous classes, not lambdas, on the start-up path: docs/startup.md
        String command = commandName(args);
        Thread prepare = new Thread("vipctl-prepare") {
            @Override
            public void run() {
                if (command.equals("admx")) {
                    prepareXml();
                } else if (!NO_POLICIES.contains(command)) {
                    prepare();
                }
            }
        };
        prepare.setDaemon(true);
        prepare.start();
        Runnable awaitPreparation = new Runnable() {
            @Override
            public void run() {
                awaitQuietly(prepare);
            }
        };
        int code = run(out, err, null, awaitPreparation, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs vipctl with the given arguments; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, CommandLine.defaultFactory(), args);
    }

    /** With the factory that makes commands and mixins: tests use it to put a fake registry behind --target. */
    static int run(PrintWriter out, PrintWriter err, CommandLine.IFactory factory, String... args) {
        return run(out, err, factory, () -> { }, args);
    }

    /**
     * {@code beforeCommand} runs after the arguments are parsed, before any command runs (not for
     * --help, --version); {@code factory} null is picocli's default factory.
     */
    static int run(PrintWriter out, PrintWriter err, CommandLine.IFactory factory, Runnable beforeCommand, String... args) {
        ValidateCommand plain = plainValidate(args);
        if (plain != null) {
            return runPlain(plain, out, err, beforeCommand);
        }
        boolean debug = Arrays.asList(args).contains("--debug");
        Main main = new Main();
        CommandLine cmd = new CommandLine(main, factory == null ? CommandLine.defaultFactory() : factory);
        addCommands(cmd, args);
        cmd.setExecutionStrategy(parsed -> {
            if (!helpOnly(parsed)) {
                try {
                    main.inputLimits();
                } catch (UsageError e) {
                    throw new CommandLine.ParameterException(last(parsed).commandSpec().commandLine(), e.getMessage());
                }
                beforeCommand.run();
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        // help uses the terminal's width (80 when unknown); footers are written to fit 80 columns
        cmd.setUsageHelpAutoWidth(true);
        cmd.setParameterExceptionHandler((ex, a) -> {
            err.println("vipctl: " + UsageMessages.describe(ex));
            CommandLine c = ex.getCommandLine();
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> failed(ex, c.getCommandSpec().qualifiedName(), err, debug));
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands only Exceptions to the handler above; an Error would end the run with a trace
            return failed(e, err, debug);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What a command's exception prints, and the exit code; {@code command} is its qualified name. */
    private static int failed(Exception ex, String command, PrintWriter err, boolean debug) {
        if (ex instanceof QuietExit q) {
            return q.code;
        }
        if (ex instanceof UsageError) {
            err.println("vipctl: " + ex.getMessage());
            err.println("Try '" + command + " --help' for usage.");
        } else if (ex instanceof UserError || ex instanceof RegistryException || ex instanceof FileProblem) {
            err.println("vipctl: error: " + ex.getMessage());
            if (debug) {
                ex.printStackTrace(err);
            }
        } else {
            err.println("vipctl: internal error: " + ex + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                ex.printStackTrace(err);
            }
        }
        err.flush();
        return ex instanceof UsageError ? ExitCodes.USAGE : ExitCodes.ERROR;
    }

    /** Out of memory or too deep a stack in a command: one line, and the exit code. */
    private static int failed(VirtualMachineError e, PrintWriter err, boolean debug) {
        err.println(e instanceof OutOfMemoryError oom ? outOfMemory(oom)
                : "vipctl: internal error: the input nests too deeply to process (stack overflow)"
                        + (debug ? "" : " (run with --debug for details)"));
        if (debug) {
            e.printStackTrace(err);
        }
        return ExitCodes.ERROR;
    }

    /**
     * {@code validate PATH...} and nothing else, the form pre-commit hooks and CI steps run, as
     * picocli would parse it; null for any other command line. Building picocli's model of a
     * command is reflection over its annotations (a proxy class for each annotation type) and
     * costs a short run a fifth of its time, so this form does without it. Anything picocli could
     * read otherwise goes to picocli: an option or {@code --}, an {@code @file}, an empty argument,
     * a path the file system refuses. PlainValidateTest checks that both give the command the same
     * fields, so an option added to validate or its mixins must be added here too.
     */
    static ValidateCommand plainValidate(String[] args) {
        if (args.length < 2 || !args[0].equals("validate")) {
            return null;
        }
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.charAt(0) == '-' || a.charAt(0) == '@') {
                return null;
            }
            try {
                paths.add(Path.of(a));
            } catch (InvalidPathException e) {
                return null;
            }
        }
        ValidateCommand v = new ValidateCommand();
        v.inputs = new PolicyInputs();
        v.inputs.paths = paths;
        v.inputs.catalog = new CatalogOption();
        v.inputs.notes = new NotesOption();
        v.format = Renderer.Format.TEXT;
        return v;
    }

    /** Runs a plain validate as picocli would run it: the same output, errors and exit codes. */
    private static int runPlain(ValidateCommand validate, PrintWriter out, PrintWriter err, Runnable beforeCommand) {
        validate.plainOut = out;
        try {
            beforeCommand.run();
            return validate.call();
        } catch (Exception e) {
            return failed(e, "vipctl validate", err, false);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return failed(e, err, false);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** One line for a run that ran out of memory: what happened and the two ways out. */
    static String outOfMemory(OutOfMemoryError e) {
        return "vipctl: error: out of memory (" + (e.getMessage() == null ? "Java heap" : e.getMessage())
                + "): an input is too large for this JVM's heap; give the JVM more memory"
                + " (e.g. JAVA_TOOL_OPTIONS=-Xmx2g) or lower the input limits (--max-input, docs/reliability.md)";
    }

    /**
     * For threads other than the command's: an Error there (out of memory in the set-up thread) is
     * one line on stderr, never a stack trace; the command meets the same failure and reports it.
     */
    static Thread.UncaughtExceptionHandler quietHandler(PrintWriter err) {
        return new Thread.UncaughtExceptionHandler() {
            @Override
            public void uncaughtException(Thread thread, Throwable e) {
                if (e instanceof OutOfMemoryError oom) {
                    err.println(outOfMemory(oom));
                } else {
                    err.println("vipctl: internal error in thread " + thread.getName() + ": " + e.getClass().getSimpleName()
                            + " (run with --debug for details)");
                }
                err.flush();
            }
        };
    }

    private static CommandLine.ParseResult last(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p;
    }

    /** The whole command tree, every command included: for completion scripts and help checks. */
    static CommandLine fullCommandLine() {
        CommandLine cmd = new CommandLine(new Main());
        for (Class<?> c : COMMANDS) {
            cmd.addSubcommand(c.getAnnotation(Command.class).name(), c);
        }
        return cmd;
    }

    /**
     * Building picocli's model of a command costs start-up time, so a run that names its command gets
     * only that one; without one (help, a typo) every command is there for the listing and the error.
     */
    private static void addCommands(CommandLine cmd, String[] args) {
        String first = commandName(args);
        for (Class<?> c : COMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            if (name.equals(first) && !name.equals("help")) {
                cmd.addSubcommand(name, c);
                return;
            }
        }
        for (Class<?> c : COMMANDS) {
            cmd.addSubcommand(c.getAnnotation(Command.class).name(), c);
        }
    }

    /** The commands that need neither the setting catalog nor the policy schema. */
    private static final java.util.Set<String> NO_POLICIES = java.util.Set.of("admx", "pol", "loopback-address");

    /** The first word that is no option: the command a run names. */
    private static String commandName(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    private static void prepareXml() {
        try {
            org.vipctl.admx.lint.AdmxLinter.prepare();
        } catch (RuntimeException | LinkageError e) {
            // the command meets the same failure and reports it
        }
    }

    private static void prepare() {
        try {
            org.vipctl.Compilation.prepare();
        } catch (RuntimeException | LinkageError | VirtualMachineError e) {
            // nothing to report here: a command that needs the catalog or schema meets the same failure
        }
    }

    /** {@code --help} or {@code --version} somewhere on the command line: picocli prints text, no command runs. */
    private static boolean helpOnly(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    private static void awaitQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
