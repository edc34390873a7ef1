package org.vipctl.diagnostic;

import java.util.List;
import java.util.Objects;

/**
 * One problem found by any stage. {@code hint} says how to fix it (empty when there is nothing
 * useful to say); {@code related} names other places involved, e.g. the first of two duplicates.
 */
public record Diagnostic(Severity severity, String ruleId, String message, String hint,
                         Location location, List<Location> related) {

    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(message);
        Objects.requireNonNull(location);
        hint = hint == null ? "" : hint;
        related = List.copyOf(related);
    }

    public static Diagnostic error(String ruleId, Location at, String message, String hint) {
        return new Diagnostic(Severity.ERROR, ruleId, message, hint, at, List.of());
    }

    public static Diagnostic warning(String ruleId, Location at, String message, String hint) {
        return new Diagnostic(Severity.WARNING, ruleId, message, hint, at, List.of());
    }

    public Diagnostic withRelated(Location... others) {
        return new Diagnostic(severity, ruleId, message, hint, location, List.of(others));
    }

    // equals and hashCode written out: a record's own are linked through method handles at their
    // first call, which costs a short run milliseconds (Diagnostics keeps every one in a hash set)
    @Override
    public boolean equals(Object o) {
        return o instanceof Diagnostic d && severity == d.severity && ruleId.equals(d.ruleId)
                && message.equals(d.message) && hint.equals(d.hint) && location.equals(d.location)
                && related.equals(d.related);
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, ruleId, message, hint, location, related);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
