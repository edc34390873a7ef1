package org.vipctl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --state-dir}: where apply and rollback keep backups (plan reads only and has none). Locks
 * are kept with each target, not here (docs/reliability.md).
 */
final class StateDirOption {

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where backups live. Default on Windows:"
                    + " %%ProgramData%%\\vipctl\\backups; required on other systems.")
    Path stateDir;

    Path stateDir() {
        return TargetOptions.stateDir(stateDir);
    }
}
