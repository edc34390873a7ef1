package org.vipctl.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desired registry for one scope: an ordered list of entries, at most one per value. Every
 * registry-shaped output (Registry.pol, .reg, GPO folders) and {@code plan}/{@code apply} start
 * from this value, so they cannot disagree.
 */
public record RegistryState(Scope scope, List<RegistryEntry> entries) {

    public RegistryState {
        entries = List.copyOf(entries);
    }

    public static RegistryState empty(Scope scope) {
        return new RegistryState(scope, List.of());
    }

    /** Entries grouped by key (first appearance order), for writers that print key sections. */
    public Map<String, List<RegistryEntry>> byKey() {
        Map<String, List<RegistryEntry>> out = new LinkedHashMap<>();
        for (RegistryEntry e : entries) {
            out.computeIfAbsent(e.key().id(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    /** This state followed by {@code other}'s entries; a later entry for the same value replaces an earlier one. */
    public RegistryState merge(RegistryState other) {
        Map<String, RegistryEntry> byValue = new LinkedHashMap<>();
        for (RegistryEntry e : entries) {
            byValue.put(e.valueId(), e);
        }
        for (RegistryEntry e : other.entries) {
            byValue.put(e.valueId(), e);
        }
        return new RegistryState(scope, new ArrayList<>(byValue.values()));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
