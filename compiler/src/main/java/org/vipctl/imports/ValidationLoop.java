package org.vipctl.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;

/**
 * Makes every imported policy one that {@code vipctl validate} accepts, by running the validator
 * itself over them, together, as they will be compiled: a typed section the validator refuses
 * (a program list with a path, prefer loopback without Citrix virtual loopback, an OS that lacks
 * the feature) becomes registry entries, which write the same values; a registry entry or Citrix
 * policy field it refuses is left out. Each such step is reported at the value's place in the
 * source with the rule id the validator gave. Conflicts between two imported policies (VIP061) are
 * left as they are: each policy is valid alone, and the user decides which one wins.
 */
final class ValidationLoop {

    private static final Set<String> ACROSS_POLICIES = Set.of(Rule.CONFLICT.id(), Rule.DUPLICATE_POLICY.id());

    private final Catalog catalog;
    private final Mapping mapping;
    private final String schemaRef;
    private final String outputPrefix;

    ValidationLoop(Catalog catalog, Mapping mapping, String schemaRef, String outputPrefix) {
        this.catalog = catalog;
        this.mapping = mapping;
        this.schemaRef = schemaRef;
        this.outputPrefix = outputPrefix;
    }

    /** Runs until the validator has no error left that a change can fix; returns the last run's findings. */
    List<Diagnostic> run(List<Draft> drafts) {
        List<Diagnostic> last = List.of();
        for (int round = 0; round < 100; round++) {
            Map<String, Draft> byFile = new LinkedHashMap<>();
            Map<String, SourceDocument> docs = new LinkedHashMap<>();
            Diagnostics found = validate(drafts, byFile, docs);
            last = found.sorted();
            List<Runnable> fixes = new ArrayList<>();
            for (Diagnostic e : last) {
                if (!e.isError() || isAcrossPolicies(e)) {
                    continue;
                }
                Draft d = byFile.get(e.location().file());
                if (d == null) {
                    throw new IllegalStateException("import produced a policy the validator refuses outside it: " + e);
                }
                fix(d, docs.get(e.location().file()), e).ifPresent(fixes::add);
            }
            // resolved against this round's YAML first, applied after, so one fix cannot move another's target
            fixes.forEach(Runnable::run);
            boolean changed = !fixes.isEmpty();
            for (Draft d : drafts) {
                if (d.citrixPolicy.isPresent() && d.typed.stream().noneMatch(t -> t.from() instanceof Observed.CitrixValue)) {
                    d.citrixPolicy = Optional.empty();
                    changed = true;
                }
            }
            if (!changed) {
                return last.stream().map(ValidationLoop::acrossPolicies).toList();
            }
        }
        throw new IllegalStateException("import validation did not settle");
    }

    String fileName(Draft d) {
        return outputPrefix + d.name + ".yaml";
    }

    byte[] render(Draft d) {
        return PolicyYaml.render(d, schemaRef, catalog.settings()).getBytes(StandardCharsets.UTF_8);
    }

    private Diagnostics validate(List<Draft> drafts, Map<String, Draft> byFile, Map<String, SourceDocument> docs) {
        Diagnostics found = new Diagnostics();
        List<SourceDocument> all = new ArrayList<>();
        YamlLoader loader = new YamlLoader();
        for (Draft d : drafts) {
            if (d.isEmpty()) {
                continue;
            }
            String file = fileName(d);
            Diagnostics load = new Diagnostics();
            List<SourceDocument> parsed = loader.parse(file, render(d), load);
            if (load.hasErrors() || parsed.size() != 1) {
                throw new IllegalStateException("import wrote YAML that does not load: " + load.sorted());
            }
            byFile.put(file, d);
            docs.put(file, parsed.get(0));
            all.add(parsed.get(0));
        }
        Compilation.of(all, catalog, found);
        return found;
    }

    /** The change that removes {@code e}; empty when there is nothing left to change. */
    private Optional<Runnable> fix(Draft d, SourceDocument doc, Diagnostic e) {
        String pointer = pointerAt(doc, e.location());
        if (e.ruleId().equals(Rule.CONFLICT.id())) {
            for (Location other : e.related()) {
                String p = pointerAt(doc, other);
                if (!p.startsWith("/spec/registry")) {
                    pointer = p;
                }
            }
        }
        String[] parts = pointer.split("/");
        if (parts.length >= 4 && parts[1].equals("spec") && parts[2].equals("registry")) {
            Draft.Entry entry = PolicyYaml.sorted(d.registry).get(Integer.parseInt(parts[3]));
            return Optional.of(() -> {
                if (d.registry.remove(entry)) {
                    d.notExpressible++;
                    d.diagnostics.add(new Diagnostic(Severity.WARNING, e.ruleId(), Mapping.prefix(entry.origin()) + "'"
                            + entry.name() + "' under HKLM\\" + entry.key().literalPath() + ": " + e.message() + "; left out",
                            e.hint(), entry.origin().location(), List.of()));
                }
            });
        }
        if (parts.length >= 3 && parts[1].equals("spec") && parts[2].equals("citrixPolicy") && d.citrixPolicy.isPresent()) {
            return Optional.of(citrixPolicyFix(d, parts, e));
        }
        List<Draft.Typed> section = parts.length >= 3 && parts[1].equals("spec")
                ? d.typed.stream().filter(t -> t.section().equals(parts[2])).toList() : List.of();
        List<Draft.Typed> hit = section.isEmpty() ? List.copyOf(d.typed) : section;
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            for (Draft.Typed t : hit) {
                if (d.typed.contains(t)) {
                    mapping.demote(d, t, Rule.byId(e.ruleId()).orElse(Rule.IMPORTED_AS_REGISTRY), Severity.WARNING,
                            Mapping.field(t.setting()) + ": " + e.message(), e.hint());
                }
            }
            mapping.applyWhen(d);
        });
    }

    /**
     * A field of {@code citrixPolicy} the validator refuses is left out (its default applies); a
     * refused filter is left out alone. The filter is found by identity, so two fixes of one round
     * do not shift each other.
     */
    private static Runnable citrixPolicyFix(Draft d, String[] parts, Diagnostic e) {
        ObjectNode cp = d.citrixPolicy.orElseThrow();
        Location at = d.unit.observed().isEmpty() ? Location.ofFile(d.unit.source())
                : d.unit.observed().get(0).origin().location();
        String prefix = Mapping.prefix(d.unit.observed().isEmpty() ? new Origin.LiveValue(d.unit.source())
                : d.unit.observed().get(0).origin());
        if (parts.length >= 5 && parts[3].equals("filters") && cp.path("filters").isArray()) {
            JsonNode filter = cp.get("filters").get(Integer.parseInt(parts[4]));
            return () -> {
                ArrayNode filters = (ArrayNode) cp.get("filters");
                for (int i = 0; filters != null && i < filters.size(); i++) {
                    if (filters.get(i) == filter) {
                        filters.remove(i);
                        d.diagnostics.add(new Diagnostic(Severity.WARNING, e.ruleId(), prefix + "filter "
                                + filter.path("type").asText() + " '" + filter.path("value").asText() + "': " + e.message()
                                + "; the filter is left out", e.hint(), at, List.of()));
                        if (filters.isEmpty()) {
                            cp.remove("filters");
                        }
                        return;
                    }
                }
            };
        }
        String what = parts.length >= 4 ? "citrixPolicy." + parts[3] : "citrixPolicy";
        return () -> {
            if (d.citrixPolicy.isEmpty() || parts.length >= 4 && !cp.has(parts[3])) {
                return;
            }
            if (parts.length >= 4) {
                cp.remove(parts[3]);
            } else {
                d.citrixPolicy = Optional.empty();
            }
            d.diagnostics.add(new Diagnostic(Severity.WARNING, e.ruleId(), prefix + e.message() + "; " + what
                    + " is left out, its default applies", e.hint(), at, List.of()));
        };
    }

    /** The deepest JSON Pointer whose key or value starts at {@code at}; empty for the document itself. */
    static String pointerAt(SourceDocument doc, Location at) {
        Map<Location, String> best = new HashMap<>();
        for (Map<String, Location> m : List.of(doc.values(), doc.keys())) {
            m.forEach((p, l) -> best.merge(l, p, (a, b) -> a.length() >= b.length() ? a : b));
        }
        return best.getOrDefault(at, "");
    }

    /**
     * A conflict between two imported policies. One inside a policy (a typed field of one scope and a
     * registry entry at its placement in the other, both set, as a server can have) is fixed like any
     * other error: the typed section becomes registry entries, each at its own key.
     */
    private static boolean isAcrossPolicies(Diagnostic d) {
        return ACROSS_POLICIES.contains(d.ruleId())
                && d.related().stream().anyMatch(r -> !r.file().equals(d.location().file()));
    }

    /** A conflict between two imported policies is the user's to settle: a warning, not a failed import. */
    private static Diagnostic acrossPolicies(Diagnostic d) {
        if (!d.isError() || !isAcrossPolicies(d)) {
            return d;
        }
        return new Diagnostic(Severity.WARNING, d.ruleId(), d.message() + " (each imported policy is valid alone;"
                + " they cannot be compiled together)", d.hint(), d.location(), d.related());
    }
}
