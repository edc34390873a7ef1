package org.vipctl.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.vipctl.apply.Engine;
import org.vipctl.gpo.GpoRegistry;
import org.vipctl.plan.HostFacts;
import org.vipctl.registry.Scope;
import org.vipctl.target.RegFileRegistry;
import org.vipctl.target.Registry;
import org.vipctl.target.TargetSpec;
import org.vipctl.target.WindowsRegistry;
import picocli.CommandLine.Option;

/** {@code --target}, shared by plan, apply and rollback. */
class TargetOptions {

    @Option(names = "--target", paramLabel = "T",
            description = "Registry to plan against or write: windows (the live registry; default on Windows),"
                    + " local-gpo[:DIR] (Machine\\Registry.pol of a local GPO; default folder"
                    + " %%SystemRoot%%\\System32\\GroupPolicy), regfile:FILE (a .reg file as the whole registry).")
    String target;

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
        TargetSpec s = spec();
        if (s instanceof TargetSpec.RegFile f) {
            Path file = f.file().toAbsolutePath().normalize();
            return new Engine.Target(RegFileRegistry.nameOf(file), () -> RegFileRegistry.open(file));
        }
        if (s instanceof TargetSpec.LocalGpo g) {
            Path dir = g.dir().orElseGet(TargetOptions::localGpoFolder).toAbsolutePath().normalize();
            return new Engine.Target(GpoRegistry.nameOf(dir), () -> GpoRegistry.open(dir));
        }
        return new Engine.Target("windows", () -> WindowsRegistry.open(forWriting));
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
