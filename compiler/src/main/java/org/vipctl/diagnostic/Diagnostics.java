package org.vipctl.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics from the stages of one run; renders nothing itself. */
public final class Diagnostics {

    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void addAll(Iterable<Diagnostic> ds) {
        ds.forEach(items::add);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    public long count(Severity severity) {
        return items.stream().filter(d -> d.severity() == severity).count();
    }

    /** Sorted by file, line, column, then rule, so output is stable across runs. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(Diagnostic::location).thenComparing(Diagnostic::ruleId)
                .thenComparing(Diagnostic::message));
        return List.copyOf(copy);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
