package org.vipctl.diagnostic;

/** A finding that a suppression hides: counted in summaries, carried in JSON and SARIF, not printed as text. */
public record Suppressed(Diagnostic diagnostic, Suppression by) {
}
