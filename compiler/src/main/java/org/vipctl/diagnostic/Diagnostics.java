package org.vipctl.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects diagnostics from the stages of one run; renders nothing itself. A diagnostic equal to
 * one already collected is kept once (two writers of one scope report the same fact).
 */
public final class Diagnostics {

    private final Set<Diagnostic> items = new LinkedHashSet<>();

    public void add(Diagnostic d) {
        items.add(d);
    }

    // loops rather than lambdas and streams: every run calls these (docs/startup.md)
    public void addAll(Iterable<Diagnostic> ds) {
        for (Diagnostic d : ds) {
            items.add(d);
        }
    }

    public boolean hasErrors() {
        for (Diagnostic d : items) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    public long count(Severity severity) {
        long n = 0;
        for (Diagnostic d : items) {
            if (d.severity() == severity) {
                n++;
            }
        }
        return n;
    }

    /** Sorted by file, line, column, then rule, so output is stable across runs. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(ORDER);
        return List.copyOf(copy);
    }

    /**
     * Location, rule, message. Written out: Comparator.comparing makes serializable lambdas, whose
     * linking (through method handles, at the first call) a JDK 25 AOT cache does not keep.
     */
    private static final Comparator<Diagnostic> ORDER = new Comparator<>() {
        @Override
        public int compare(Diagnostic a, Diagnostic b) {
            int c = a.location().compareTo(b.location());
            if (c == 0) {
                c = a.ruleId().compareTo(b.ruleId());
            }
            return c != 0 ? c : a.message().compareTo(b.message());
        }
    };

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
