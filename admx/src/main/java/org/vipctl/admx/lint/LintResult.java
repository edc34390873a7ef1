package org.vipctl.admx.lint;

import java.util.List;
import org.vipctl.diagnostic.Diagnostic;

/** What {@code admx lint} found: diagnostics (sorted) and what it read. */
public record LintResult(List<Diagnostic> diagnostics, int admxFiles, int admlFiles, List<String> languages) {

    public LintResult {
        diagnostics = List.copyOf(diagnostics);
        languages = List.copyOf(languages);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
