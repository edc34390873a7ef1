package org.vipctl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state-dir}: where apply and rollback keep backups and the lock (plan reads only and has none). */
final class StateDirOption {

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where backups and the lock file live. Default on Windows:"
                    + " %%ProgramData%%\\vipctl\\backups; required on other systems.")
    Path stateDir;

    Path stateDir() {
        return TargetOptions.stateDir(stateDir);
    }
}
