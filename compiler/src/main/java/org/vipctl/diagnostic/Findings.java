package org.vipctl.diagnostic;

import java.util.List;

/**
 * What one run found, ready to render: the reported diagnostics (sorted), the suppressed ones, and
 * how many policies were read. Summaries come from here so that every format counts the same way.
 */
public record Findings(List<Diagnostic> reported, List<Suppressed> suppressed, int policies) {

    public Findings {
        reported = List.copyOf(reported);
        suppressed = List.copyOf(suppressed);
    }

    public static Findings of(List<Diagnostic> reported) {
        return new Findings(reported, List.of(), 0);
    }

    public long count(Severity s) {
        return reported.stream().filter(d -> d.severity() == s).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** True when a reported finding is at least as severe as {@code failOn}. */
    public boolean failsAt(Severity failOn) {
        return reported.stream().anyMatch(d -> d.severity().atLeast(failOn));
    }

    /** Policy files with at least one reported error. */
    public long filesWithErrors() {
        return reported.stream().filter(Diagnostic::isError).map(d -> d.location().file()).distinct().count();
    }

    /** {@code 1 error, 2 warnings, 0 notes}, then {@code , 2 suppressed} when some were. */
    public String counts() {
        return counts(true);
    }

    /**
     * {@link #counts()} for a text output that lists notes only when {@code notesListed}: notes left
     * out are counted all the same, and the count says so, {@code 0 errors, 1 warning, 2 notes (not
     * listed; --notes lists them)}.
     */
    public String counts(boolean notesListed) {
        String s = Renderer.plural(count(Severity.ERROR), "error") + ", " + Renderer.plural(count(Severity.WARNING), "warning")
                + ", " + notes(count(Severity.NOTE), notesListed);
        return suppressed.isEmpty() ? s : s + ", " + suppressed.size() + " suppressed";
    }

    /** {@code 2 notes}, and when they were left out of the text {@code 2 notes (not listed; --notes lists them)}. */
    public static String notes(long n, boolean listed) {
        String s = Renderer.plural(n, "note");
        return listed || n == 0 ? s : s + " (not listed; --notes lists " + (n == 1 ? "it" : "them") + ")";
    }

    /**
     * The closing line of {@code validate}: {@code valid: 4 policies; 0 errors, 1 warning, 0 notes} or
     * {@code invalid: 3 policies, errors in 1 file; 1 error, 0 warnings, 0 notes}.
     */
    public String summary(Severity failOn) {
        return summary(failOn, true);
    }

    /** {@link #summary(Severity)} with the counts of {@link #counts(boolean)}. */
    public String summary(Severity failOn, boolean notesListed) {
        String policiesText = policies + " polic" + (policies == 1 ? "y" : "ies");
        String counts = counts(notesListed);
        if (hasErrors()) {
            long files = filesWithErrors();
            return "invalid: " + policiesText + ", errors in " + files + " file" + (files == 1 ? "" : "s") + "; " + counts;
        }
        return (failsAt(failOn) ? "failed (--fail-on " + failOn.label() + "): " : "valid: ") + policiesText + "; " + counts;
    }
}
