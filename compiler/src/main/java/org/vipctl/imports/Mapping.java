package org.vipctl.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vipctl.catalog.CitrixSetting;
import org.vipctl.catalog.Setting;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;
import org.vipctl.model.RegistryData;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;

/**
 * Lowering run backwards: what a source states becomes typed fields where the catalog knows the
 * value and its data is one the typed field can write, {@code registry} entries for everything else
 * under the catalog's keys (and, with {@code all}, anywhere in HKLM), and diagnostics for what a
 * policy cannot hold. The result is checked against lowering itself: a typed field whose
 * {@code when} condition the imported values do not meet would not be written back, so it becomes
 * a registry entry too.
 */
final class Mapping {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final CatalogIndex index;
    private final boolean all;

    Mapping(CatalogIndex index, boolean all) {
        this.index = index;
        this.all = all;
    }

    Draft map(SourceUnit unit) {
        Draft d = new Draft(unit);
        int otherHive = 0;
        Origin firstOtherHive = null;
        for (Observed o : unit.observed()) {
            if (o instanceof Observed.Value v) {
                value(d, v);
            } else if (o instanceof Observed.Deleted del) {
                if (all || index.isCatalogKey(del.key())) {
                    Optional<RegistryEntries.Problem> p = RegistryEntries.names(del.key(), del.name());
                    if (p.isPresent()) {
                        notExpressible(d, p.get().rule(), del.origin(), "deleting '" + del.name() + "': " + p.get().text()
                                + "; left out", "manage this value where it is now");
                    } else {
                        d.registry.add(new Draft.Entry(del.key(), del.name(), Optional.empty(), del.origin()));
                    }
                } else {
                    d.unrelated++;
                }
            } else if (o instanceof Observed.KeyDirective k) {
                if (all || index.isCatalogKey(k.key())) {
                    notExpressible(d, Rule.NOT_IMPORTED, k.origin(), "HKLM\\" + k.key().literalPath() + ": the source "
                            + k.what() + "; a policy cannot say that, so it is left out",
                            "manage it where it is now, or write the values it leaves as registry entries");
                } else {
                    d.unrelated++;
                }
            } else if (o instanceof Observed.OtherHive h) {
                if (all) {
                    d.notExpressible++;
                    otherHive++;
                    firstOtherHive = firstOtherHive == null ? h.origin() : firstOtherHive;
                } else {
                    d.unrelated++;
                }
            } else if (o instanceof Observed.CitrixValue c) {
                citrix(d, c);
            }
        }
        if (otherHive > 0) {
            d.diagnostics.add(Rule.REGISTRY_HIVE.warning(firstOtherHive.location(), otherHive
                            + " value(s) outside HKLM (the user half of the GPO, or HKCU keys) left out, the first at "
                            + (firstOtherHive.where().isEmpty() ? "the start" : firstOtherHive.where())
                            + ": policies hold machine values only",
                    "keep user settings in their GPO; vipctl manages machine-wide settings"));
        }
        unit.citrix().ifPresent(facts -> {
            if (d.typed.stream().anyMatch(t -> t.from() instanceof Observed.CitrixValue)) {
                d.citrixPolicy = Optional.of(citrixPolicy(facts, d));
            }
        });
        applyWhen(d);
        return d;
    }

    private void value(Draft d, Observed.Value v) {
        Optional<Scope> scope = d.unit.scope();
        Optional<Setting> natural = scope.flatMap(s -> index.at(s, v.key(), v.name()));
        if (natural.isPresent()) {
            typed(d, v, natural.get());
            return;
        }
        Optional<Scope> other = scope.map(s -> s == Scope.POLICY ? Scope.LOCAL : Scope.POLICY);
        Optional<Setting> elsewhere = other.flatMap(s -> index.at(s, v.key(), v.name()));
        if (elsewhere.isPresent()) {
            registry(d, v, Optional.of(note(v, "'" + v.name() + "' is where setting " + elsewhere.get().id()
                    + " lives in the " + other.get().label() + " scope, but this source is read as "
                    + scope.get().label() + " scope: kept as a registry entry, which writes it to the same key",
                    "import it from a source of the " + other.get().label() + " scope to get the typed field")));
        } else if (all || index.isCatalogKey(v.key())) {
            registry(d, v, Optional.empty());
        } else {
            d.unrelated++;
        }
    }

    private void typed(Draft d, Observed.Value v, Setting s) {
        if (v.value().isEmpty() || !s.source().matches("/spec/[^/]+/[^/]+")) {
            registry(d, v, Optional.empty());
            return;
        }
        RegValue data = v.value().get();
        RegType want = s.type().orElseThrow();
        String field = field(s);
        if (data.type() != want) {
            registry(d, v, Optional.of(Rule.REGISTRY_DATA.warning(v.origin().location(), prefix(v.origin())
                            + "'" + v.name() + "' is " + data.type() + " " + data.display() + ", but " + field + " ("
                            + s.id() + ") is " + want + ": kept as a registry entry with its own type",
                    "check the value; Windows reads " + v.name() + " as " + want)));
            return;
        }
        Optional<JsonNode> node = yamlValue(s, data);
        if (node.isEmpty()) {
            registry(d, v, Optional.of(Rule.NOT_ALLOWED.warning(v.origin().location(), prefix(v.origin())
                            + "'" + v.name() + "' = " + data.display() + " is none of the values " + field
                            + " can take (" + mapText(s) + "): kept as a registry entry",
                    "check the value; the typed field writes only " + mapText(s))));
            return;
        }
        d.typed.add(new Draft.Typed(s, node.get(), v));
    }

    /** The YAML value that lowers to exactly {@code data}, if there is one. */
    static Optional<JsonNode> yamlValue(Setting s, RegValue data) {
        RegType type = s.type().orElseThrow();
        if (!s.map().isEmpty()) {
            // sorted, so a catalog that maps two YAML values to the same data imports the same one every time
            for (Map.Entry<String, JsonNode> e : new TreeMap<>(s.map()).entrySet()) {
                if (RegistryData.of(type, e.getValue()).filter(data::equals).isPresent()) {
                    String k = e.getKey();
                    return Optional.of(k.equals("true") || k.equals("false") ? JSON.booleanNode(k.equals("true")) : JSON.textNode(k));
                }
            }
            return Optional.empty();
        }
        JsonNode node = switch (type) {
            case REG_DWORD -> JSON.numberNode(((RegValue.Dword) data).unsigned());
            case REG_QWORD -> JSON.numberNode(new BigInteger(Long.toUnsignedString(((RegValue.Qword) data).value())));
            case REG_SZ -> JSON.textNode(((RegValue.Sz) data).text());
            case REG_EXPAND_SZ -> JSON.textNode(((RegValue.ExpandSz) data).text());
            case REG_BINARY -> JSON.textNode(HexFormat.of().formatHex(((RegValue.Binary) data).bytes()));
            case REG_MULTI_SZ -> {
                ArrayNode a = JSON.arrayNode();
                ((RegValue.MultiSz) data).items().forEach(a::add);
                yield a;
            }
            default -> null;
        };
        // the typed field must write back these very bytes (no NUL in text, no empty list item)
        return node != null && RegistryData.of(type, node).filter(data::equals).isPresent() ? Optional.of(node) : Optional.empty();
    }

    private void registry(Draft d, Observed.Value v, Optional<Diagnostic> why) {
        Optional<RegistryEntries.Problem> problem = RegistryEntries.problem(v);
        if (problem.isPresent()) {
            notExpressible(d, problem.get().rule(), v.origin(), "'" + v.name() + "' under HKLM\\" + v.key().literalPath()
                    + ": " + problem.get().text() + "; left out", "manage this value where it is now");
            return;
        }
        why.ifPresent(d.diagnostics::add);
        d.registry.add(new Draft.Entry(v.key(), v.name(), v.value(), v.origin()));
    }

    private void citrix(Draft d, Observed.CitrixValue c) {
        Optional<Setting> s = index.citrix(c.setting());
        if (s.isEmpty() || s.get().citrix().isEmpty()) {
            d.unrelated++;
            return;
        }
        CitrixSetting cs = s.get().citrix().get();
        String state = c.state().toLowerCase(Locale.ROOT);
        JsonNode node;
        if (cs.isList()) {
            if (state.equals("enabled") || state.equals("allowed") || state.equals("usedefault")) {
                ArrayNode a = JSON.arrayNode();
                (state.equals("usedefault") ? List.<String>of() : c.values()).forEach(a::add);
                node = a;
            } else {
                node = null;
            }
        } else if (state.equals("enabled") || state.equals("allowed")) {
            node = JSON.booleanNode(true);
        } else if (state.equals("disabled") || state.equals("prohibited") || state.equals("usedefault")) {
            // Citrix's default for these settings is Disabled: UseDefault has the same effect
            node = JSON.booleanNode(false);
        } else {
            node = null;
        }
        if (node == null) {
            notExpressible(d, Rule.CITRIX_POLICY, c.origin(), prefix(c.origin()) + "Citrix setting " + cs.name()
                    + " is '" + c.state() + "', which " + field(s.get()) + " cannot express; left out",
                    "set the setting to Enabled or Disabled in Citrix Studio, or write it by hand");
            return;
        }
        d.typed.add(new Draft.Typed(s.get(), node, c));
    }

    private static ObjectNode citrixPolicy(CitrixPolicyFacts facts, Draft d) {
        ObjectNode cp = JSON.objectNode();
        cp.put("name", facts.name());
        if (!facts.enabled()) {
            cp.put("enabled", false);
        }
        if (facts.priority() != 1) {
            cp.put("priority", facts.priority());
        }
        if (!facts.filters().isEmpty()) {
            ArrayNode fs = cp.putArray("filters");
            for (CitrixPolicyFacts.Filter f : facts.filters()) {
                ObjectNode o = fs.addObject();
                o.put("type", f.type());
                o.put("value", f.value());
                o.put("mode", f.allow() ? "Allow" : "Deny");
                if (!f.enabled()) {
                    o.put("enabled", false);
                }
            }
        }
        return cp;
    }

    /**
     * Lowering writes a field only when every {@code when} pointer is true: a field whose condition
     * the imported values do not meet (VirtualMode beside EnableVirtualIP = 0) moves to a registry
     * entry, which writes it back unconditionally. Repeated until nothing moves.
     */
    void applyWhen(Draft d) {
        boolean moved = true;
        while (moved) {
            moved = false;
            JsonNode tree = d.specTree();
            for (Draft.Typed t : List.copyOf(d.typed)) {
                List<String> unmet = t.setting().when().stream().filter(w -> !tree.at(w).asBoolean(false)).toList();
                if (!unmet.isEmpty()) {
                    demote(d, t, Rule.IMPORTED_AS_REGISTRY, Severity.NOTE, field(t.setting()) + " is written only when "
                            + String.join(" and ", unmet.stream().map(Mapping::path).toList())
                            + " is true, which the source does not set",
                            "kept as a registry entry so the value is written back as it is");
                    moved = true;
                }
            }
        }
    }

    /**
     * Takes a typed field out: a registry value becomes a registry entry (when it can be one), a
     * Citrix setting has no other form and is left out. The diagnostic says why.
     */
    void demote(Draft d, Draft.Typed t, Rule rule, Severity severity, String why, String hint) {
        d.typed.remove(t);
        Origin o = t.from().origin();
        if (t.from() instanceof Observed.Value v) {
            registry(d, v, Optional.of(new Diagnostic(severity, rule.id(), prefix(o) + why + "; '" + v.name()
                    + "' is imported as a registry entry", hint, o.location(), List.of())));
        } else {
            d.notExpressible++;
            d.diagnostics.add(new Diagnostic(severity == Severity.NOTE ? Severity.WARNING : severity, rule.id(),
                    prefix(o) + why + "; " + field(t.setting()) + " is left out", hint, o.location(), List.of()));
        }
    }

    private static void notExpressible(Draft d, Rule rule, Origin o, String message, String hint) {
        d.notExpressible++;
        d.diagnostics.add(rule.warning(o.location(), prefix(o) + message, hint));
    }

    private static Diagnostic note(Observed.Value v, String message, String hint) {
        return new Diagnostic(Severity.NOTE, Rule.IMPORTED_AS_REGISTRY.id(), prefix(v.origin()) + message, hint,
                v.origin().location(), List.of());
    }

    /** A location prefix for sources whose Location has no line: {@code record at byte 8: }. */
    static String prefix(Origin o) {
        return o instanceof Origin.RegLine || o.where().isEmpty() ? "" : o.where() + ": ";
    }

    static String field(Setting s) {
        return path(s.source());
    }

    /** {@code /spec/rdsIpVirtualization/enabled} → {@code rdsIpVirtualization.enabled}. */
    static String path(String pointer) {
        String p = pointer.startsWith("/spec/") ? pointer.substring("/spec/".length()) : pointer;
        return p.replace('/', '.');
    }

    private static String mapText(Setting s) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(s.map()).forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" = ").append(v.asText()));
        return b.toString();
    }
}
