package org.vipctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vipctl.apply.Engine;
import org.vipctl.files.InputLimits;
import org.vipctl.files.LockFile;
import org.vipctl.gpo.Ownership;
import org.vipctl.plan.HostFacts;
import org.vipctl.registry.Hive;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;
import org.vipctl.target.Registry;
import org.vipctl.target.TargetSpec;
import org.vipctl.target.WindowsRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --target}, shared by plan, apply and rollback. */
@Command(addMethodSubcommands = false)
class TargetOptions {

    @Option(names = "--target", paramLabel = "T",
            description = "Registry to plan against or write: windows (the live registry; default on Windows),"
                    + " local-gpo[:DIR] (Machine\\Registry.pol of a local GPO; default folder"
                    + " %%SystemRoot%%\\System32\\GroupPolicy), regfile:FILE (a .reg file as the whole registry).")
    String target;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The input size limits of this run (none set when the options are used outside a command). */
    InputLimits limits() {
        return command == null ? InputLimits.DEFAULT : Main.inputLimits(command);
    }

    TargetSpec spec() {
        try {
            return target == null ? TargetSpec.defaultFor(System.getProperty("os.name", "")) : TargetSpec.parse(target);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--target: " + e.getMessage());
        }
    }

    /** Opens the target now (plan); {@code forWriting} makes the Windows target check elevation first. */
    Registry open(boolean forWriting) {
        return target(forWriting).open().get();
    }

    /** The target, opened by the engine once it holds the lock (apply, rollback). */
    Engine.Target target(boolean forWriting) {
        return target(spec(), forWriting);
    }

    /**
     * The target a saved plan names ({@code regfile:/abs/file}, {@code local-gpo:/abs/dir},
     * {@code windows}); {@code --target}, when given, must name the same one.
     */
    Engine.Target targetNamed(String name, boolean forWriting) {
        TargetSpec named;
        try {
            named = TargetSpec.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UserError("the saved plan names an unknown target: " + e.getMessage());
        }
        Engine.Target t = target(named, forWriting);
        if (target != null && !target(spec(), forWriting).name().equals(t.name())) {
            throw new UsageError("--target " + target + " is not the target of the saved plan, " + name);
        }
        return t;
    }

    /** What the planner may know about the machine, for a target named by a saved plan. */
    static HostFacts hostOf(String targetName) {
        return "windows".equals(targetName) ? HostFacts.thisMachine() : HostFacts.unknown();
    }

    private Engine.Target target(TargetSpec s, boolean forWriting) {
        if (s instanceof TargetSpec.RegFile f) {
            return Engine.Target.regFile(f.file(), limits());
        }
        if (s instanceof TargetSpec.LocalGpo g) {
            return Engine.Target.gpoFolder(g.dir().orElseGet(TargetOptions::localGpoFolder), Ownership.none(), limits());
        }
        return new Engine.Target("windows", windowsLocks(), List.of(), () -> WindowsRegistry.open(forWriting));
    }

    /**
     * The live registry has no file to lock beside: one lock file per hive and view the windows
     * target writes (HKLM, 64- and 32-bit), in one place per machine, whatever --state-dir says.
     */
    private static List<Path> windowsLocks() {
        Path dir = Path.of(Optional.ofNullable(System.getenv("ProgramData")).orElse(System.getProperty("java.io.tmpdir")),
                "vipctl", "locks");
        List<Path> out = new ArrayList<>();
        for (View v : View.values()) {
            out.add(dir.resolve("windows-" + Hive.HKLM.name() + "-" + v.bits() + LockFile.SUFFIX));
        }
        return out;
    }

    /** A GPO holds Group Policy values, so local-gpo manages the policy keys unless --scope says otherwise. */
    Scope scope(Scope given) {
        if (given != null) {
            return given;
        }
        return spec() instanceof TargetSpec.LocalGpo ? Scope.POLICY : Scope.LOCAL;
    }

    private static Path localGpoFolder() {
        Optional<String> root = Optional.ofNullable(System.getenv("SystemRoot"));
        if (!isWindows() || root.isEmpty()) {
            throw new UsageError("--target local-gpo needs a folder off Windows: local-gpo:DIR");
        }
        return Path.of(root.get(), "System32", "GroupPolicy");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** What the planner may know about the machine: only the live registry is this machine's. */
    HostFacts host() {
        return spec() instanceof TargetSpec.Windows ? HostFacts.thisMachine() : HostFacts.unknown();
    }

    /** {@code given}, or the default state folder of this system. */
    static Path stateDir(Path given) {
        if (given != null) {
            return given;
        }
        Optional<String> programData = Optional.ofNullable(System.getenv("ProgramData"));
        if (isWindows() && programData.isPresent()) {
            return Path.of(programData.get(), "vipctl", "backups");
        }
        throw new UsageError("--state-dir DIR is required on this system (where backups and the lock file go)");
    }
}
