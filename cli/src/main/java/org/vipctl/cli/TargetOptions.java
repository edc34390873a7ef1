package org.vipctl.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.vipctl.apply.RegFileRegistry;
import org.vipctl.apply.TargetSpec;
import org.vipctl.apply.WindowsRegistry;
import org.vipctl.plan.HostFacts;
import org.vipctl.plan.Registry;
import org.vipctl.plan.RegistryException;
import picocli.CommandLine.Option;

/** {@code --target} and {@code --state-dir}, shared by plan, apply and rollback. */
class TargetOptions {

    @Option(names = "--target", paramLabel = "T",
            description = "Registry to plan against or write: windows (the live registry; default on Windows),"
                    + " local-gpo[:DIR], regfile:FILE (a .reg file as the whole registry).")
    String target;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where backups and locks live (default on Windows: %%ProgramData%%\\vipctl\\backups;"
                    + " required elsewhere).")
    Path stateDir;

    TargetSpec spec() {
        try {
            return target == null ? TargetSpec.defaultFor(System.getProperty("os.name", "")) : TargetSpec.parse(target);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--target: " + e.getMessage());
        }
    }

    /** Opens the target; {@code forWriting} makes the Windows target check elevation first. */
    Registry open(boolean forWriting) {
        TargetSpec s = spec();
        try {
            if (s instanceof TargetSpec.RegFile f) {
                return RegFileRegistry.open(f.file());
            }
            if (s instanceof TargetSpec.Windows) {
                return WindowsRegistry.open(forWriting);
            }
        } catch (RegistryException e) {
            throw new UserError(e.getMessage(), e);
        }
        throw new UserError("the local-gpo target is not available in this build; available targets: windows, regfile:FILE");
    }

    /** What the planner may know about the machine: only the live registry is this machine's. */
    HostFacts host() {
        return spec() instanceof TargetSpec.Windows ? HostFacts.thisMachine() : HostFacts.unknown();
    }

    Path stateDir() {
        if (stateDir != null) {
            return stateDir;
        }
        Optional<String> programData = Optional.ofNullable(System.getenv("ProgramData"));
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") && programData.isPresent()) {
            return Path.of(programData.get(), "vipctl", "backups");
        }
        throw new UsageError("--state-dir DIR is required on this system (where backups and the lock file go)");
    }
}
