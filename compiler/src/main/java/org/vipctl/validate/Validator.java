package org.vipctl.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;
import org.vipctl.model.Policy;

/**
 * Validates documents: structure by the JSON Schema, then the semantic rules of each policy, then
 * the rules across files that the model shows (unique names, Citrix policy names and priorities).
 * Conflicting registry values need lowered policies and are checked after this, by
 * {@code lower.Conflicts}. Every problem is reported, not just the first.
 */
public final class Validator {

    private final SchemaCheck schema = new SchemaCheck();

    /** Compiles the policy schema now (once per process) instead of in the first validation. */
    public static void prepare() {
        SchemaCheck.prepare();
    }

    /** Returns the policies without errors; all diagnostics go to {@code out}. */
    public List<Policy> validate(List<SourceDocument> docs, Diagnostics out) {
        List<Policy> read = new ArrayList<>();
        List<Diagnostics> readProblems = new ArrayList<>();
        for (SourceDocument doc : docs) {
            List<Diagnostic> structural = schema.check(doc);
            out.addAll(structural);
            if (structural.stream().anyMatch(Diagnostic::isError)) {
                continue;
            }
            Diagnostics own = new Diagnostics();
            read.add(new PolicyReader(doc, own).read());
            readProblems.add(own);
        }
        Effective effective = Effective.of(read);
        List<Policy> valid = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            Diagnostics own = readProblems.get(i);
            SemanticRules.check(read.get(i), effective, own);
            out.addAll(own.sorted());
            if (!own.hasErrors()) {
                valid.add(read.get(i));
            }
        }
        return acrossFiles(read, valid, out);
    }

    private List<Policy> acrossFiles(List<Policy> read, List<Policy> valid, Diagnostics out) {
        // Names are checked over every policy that could be read, so a duplicate is reported even
        // when one of the two has errors of its own.
        Map<String, Policy> byName = new HashMap<>();
        java.util.Set<Policy> duplicates = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Policy p : read) {
            Policy first = byName.putIfAbsent(p.name().value().toLowerCase(Locale.ROOT), p);
            if (first != null) {
                duplicates.add(p);
                out.add(Rule.DUPLICATE_POLICY.error(p.name().at(), "policy name '" + p.name().value()
                                + "' is already used at " + first.name().at(),
                        "policy names name output files and must be unique (compared ignoring case)")
                        .withRelated(first.name().at()));
            }
        }
        List<Policy> kept = valid.stream().filter(p -> !duplicates.contains(p)).toList();
        CitrixRules.acrossFiles(kept, out);
        return kept;
    }
}
