package org.vipctl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Findings;
import org.vipctl.diagnostic.Severity;
import org.vipctl.suppress.ProjectConfig;
import org.vipctl.suppress.Suppressor;

/**
 * Policies loaded and their diagnostics split into reported and suppressed by the project file and
 * ignore comments, with the severity that fails the run ({@code --fail-on}, else the project file's
 * {@code failOn}, else error).
 */
record Checked(Compilation compilation, Findings findings, Severity failOn) {

    static Checked of(List<Path> paths, Diagnostics diagnostics, Compilation compilation, Optional<Severity> failOnOption) {
        ProjectConfig config = ProjectConfig.find(paths, diagnostics);
        Findings findings = new Suppressor(config).apply(diagnostics.sorted(), compilation.documents());
        Severity failOn = failOnOption.or(config::failOn).orElse(Severity.ERROR);
        return new Checked(compilation, findings, failOn);
    }

    boolean failed() {
        return findings.failsAt(failOn);
    }
}
