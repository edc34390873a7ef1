package org.vipctl.emit.citrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Where compiled policies go in a policy set's order that also holds policies vipctl does not
 * manage. The compiled policies, sorted by priority, are inserted one after the other so that the
 * policy with priority p lands at position p (1 = first) when enough other policies exist, and at
 * the end otherwise; policies with equal priority stay next to each other.
 */
final class PriorityPlacement {

    private PriorityPlacement() {
    }

    /**
     * For priorities in ascending order, how many of the other policies precede each compiled
     * policy (before capping at the number of other policies, which only the site knows).
     */
    static List<Integer> othersBefore(List<Integer> sortedPriorities) {
        List<Integer> before = new ArrayList<>();
        int previous = 0;
        for (int i = 0; i < sortedPriorities.size(); i++) {
            int wanted = sortedPriorities.get(i) - 1 - i;
            previous = Math.max(previous, wanted);
            before.add(previous);
        }
        return before;
    }
}
