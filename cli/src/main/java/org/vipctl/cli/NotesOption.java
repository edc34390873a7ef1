package org.vipctl.cli;

import java.util.List;
import java.util.Optional;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Findings;
import org.vipctl.diagnostic.Renderer;
import org.vipctl.diagnostic.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code --notes}, for every command that prints findings as text: notes are listed only when asked.
 * A note is information that needs no action; without notes every listed finding line is an error
 * or a warning, the lines GitHub's gcc problem matcher and editors' error formats take
 * (docs/rules.md). Notes left out are still counted, and the count says how to list them; JSON and
 * SARIF output carry every finding.
 */
@Command(addMethodSubcommands = false)
final class NotesOption {

    static final String NAME = "--notes";

    @Option(names = NAME,
            description = "Also list notes (information that needs no action) in the text output; without it they"
                    + " are counted, not listed.")
    boolean listed;

    /** The findings' text lines, notes only with {@code --notes}. */
    String text(List<Diagnostic> diagnostics) {
        return Renderer.text(diagnostics, listed);
    }

    /** The counts of a closing line: {@link Findings#counts(boolean)}. */
    String counts(Findings findings) {
        return findings.counts(listed);
    }

    /**
     * For a run that prints no summary of its findings: a line saying how many notes were left out
     * ({@code 2 notes (not listed; --notes lists them)}), or nothing when none were.
     */
    Optional<String> notListed(List<Diagnostic> diagnostics) {
        long notes = diagnostics.stream().filter(d -> d.severity() == Severity.NOTE).count();
        return listed || notes == 0 ? Optional.empty() : Optional.of(Findings.notes(notes, false));
    }
}
