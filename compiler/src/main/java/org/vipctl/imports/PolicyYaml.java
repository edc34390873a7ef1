package org.vipctl.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vipctl.catalog.Setting;
import org.vipctl.model.TargetOs;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;

/**
 * Writes an imported policy in the documented format, the way the examples are written: a
 * {@code yaml-language-server} schema line, a header naming the source, then the policy with one
 * comment per value saying where it came from. Everything is in a fixed order (catalog order for
 * typed fields, key and name for registry entries) and nothing depends on the time or the machine,
 * so importing the same source twice gives the same bytes.
 */
final class PolicyYaml {

    private static final int FLOW_LIMIT = 100;

    private PolicyYaml() {
    }

    static String render(Draft d, String schemaRef, List<Setting> catalogOrder) {
        StringBuilder b = new StringBuilder();
        b.append("# yaml-language-server: $schema=").append(YamlScalars.comment(schemaRef)).append('\n');
        b.append("#\n");
        b.append("# Imported by vipctl import from ").append(YamlScalars.comment(d.unit.kind())).append(' ')
                .append(YamlScalars.comment(d.unit.source())).append('.').append('\n');
        for (String f : d.unit.files()) {
            if (!f.equals(d.unit.source())) {
                b.append("# Read: ").append(YamlScalars.comment(f)).append('\n');
            }
        }
        explainOrigins(d, b);
        b.append("apiVersion: vipctl/v1\n");
        b.append("kind: VipPolicy\n");
        b.append("metadata:\n");
        b.append("  name: ").append(YamlScalars.scalar(d.name)).append('\n');
        d.description.ifPresent(x -> b.append("  description: ").append(YamlScalars.scalar(x)).append('\n'));
        if (!d.os.isEmpty()) {
            b.append("targets:\n  os: [")
                    .append(String.join(", ", d.os.stream().map(TargetOs::yamlName).toList())).append("]\n");
        }
        if (d.isEmpty() && d.citrixPolicy.isEmpty()) {
            b.append("spec: {}\n");
            return b.toString();
        }
        b.append("spec:\n");
        typed(d, catalogOrder, b);
        d.citrixPolicy.ifPresent(cp -> citrixPolicy(cp, b));
        registry(d, b);
        return b.toString();
    }

    private static void explainOrigins(Draft d, StringBuilder b) {
        boolean pol = d.unit.observed().stream().anyMatch(o -> o.origin() instanceof Origin.PolRecordAt);
        boolean reg = d.unit.observed().stream().anyMatch(o -> o.origin() instanceof Origin.RegLine);
        if (pol) {
            b.append("# \"record at byte N\": where the value's record starts in the Registry.pol file.\n");
        }
        if (reg) {
            b.append("# \"line N\": the line of the value in the .reg file.\n");
        }
    }

    private static void typed(Draft d, List<Setting> catalogOrder, StringBuilder b) {
        List<Draft.Typed> fields = new ArrayList<>(d.typed);
        fields.sort(Comparator.comparingInt(t -> catalogOrder.indexOf(t.setting())));
        Map<String, List<Draft.Typed>> sections = new LinkedHashMap<>();
        for (Draft.Typed t : fields) {
            sections.computeIfAbsent(t.section(), k -> new ArrayList<>()).add(t);
        }
        for (Map.Entry<String, List<Draft.Typed>> s : sections.entrySet()) {
            b.append("  ").append(s.getKey()).append(":\n");
            List<String> keys = s.getValue().stream().map(t -> t.from() instanceof Observed.Value v
                    ? "HKLM\\" + v.key().literalPath() : "").filter(k -> !k.isEmpty()).distinct().toList();
            for (String k : keys) {
                b.append("    # ").append(YamlScalars.comment(k)).append('\n');
            }
            for (Draft.Typed t : s.getValue()) {
                field(t, b);
            }
        }
    }

    private static void field(Draft.Typed t, StringBuilder b) {
        String comment = "  # " + YamlScalars.comment(origin(t.from()));
        String head = "    " + t.field() + ":";
        JsonNode v = t.value();
        if (v.isArray()) {
            String flow = flowList(v);
            if (head.length() + 1 + flow.length() <= FLOW_LIMIT) {
                b.append(head).append(' ').append(flow).append(comment).append('\n');
            } else {
                b.append(head).append(comment).append('\n');
                for (JsonNode item : v) {
                    b.append("      - ").append(YamlScalars.scalar(item.asText())).append('\n');
                }
            }
            return;
        }
        b.append(head).append(' ').append(scalar(v)).append(comment).append('\n');
    }

    /** {@code EnableVirtualIP, record at byte 8} or {@code VirtualLoopbackSupport, Citrix policy 'CTI'}. */
    private static String origin(Observed o) {
        String what = o instanceof Observed.Value v ? v.name() : o instanceof Observed.CitrixValue c ? c.setting() : "";
        String where = o.origin().where();
        return where.isEmpty() ? what : what + ", " + where;
    }

    private static String scalar(JsonNode v) {
        if (v.isBoolean() || v.isNumber()) {
            return v.asText();
        }
        return YamlScalars.scalar(v.asText());
    }

    private static String flowList(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(i -> items.add(YamlScalars.scalar(i.asText())));
        return "[" + String.join(", ", items) + "]";
    }

    private static void citrixPolicy(JsonNode cp, StringBuilder b) {
        b.append("  citrixPolicy:\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = cp.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isArray()) {
                b.append("    ").append(e.getKey()).append(":\n");
                for (JsonNode item : e.getValue()) {
                    List<String> parts = new ArrayList<>();
                    item.fields().forEachRemaining(f -> parts.add(f.getKey() + ": " + scalar(f.getValue())));
                    b.append("      - {").append(String.join(", ", parts)).append("}\n");
                }
            } else {
                b.append("    ").append(e.getKey()).append(": ").append(scalar(e.getValue())).append('\n');
            }
        }
    }

    private static void registry(Draft d, StringBuilder b) {
        if (d.registry.isEmpty()) {
            return;
        }
        b.append("  registry:\n");
        for (Draft.Entry e : sorted(d.registry)) {
            List<String> parts = new ArrayList<>();
            parts.add("key: " + YamlScalars.quoted("HKLM\\" + e.key().literalPath()));
            if (!RegistryEntry.isKeyOnly(e.name())) { // an entry without a name is the key itself
                parts.add("name: " + YamlScalars.scalar(e.name()));
                if (e.value().isEmpty()) {
                    parts.add("ensure: absent");
                } else {
                    parts.add("type: " + e.value().get().type().name());
                    parts.add("data: " + data(e.value().get()));
                }
            }
            b.append("    - {").append(String.join(", ", parts)).append('}');
            String where = e.origin().where();
            if (!where.isEmpty()) {
                b.append("  # ").append(YamlScalars.comment(where));
            }
            b.append('\n');
        }
    }

    /** Registry entries by key, then value name, ignoring case first so the order reads naturally. */
    static List<Draft.Entry> sorted(List<Draft.Entry> entries) {
        List<Draft.Entry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparing((Draft.Entry e) -> e.key().literalPath().toLowerCase(Locale.ROOT))
                .thenComparing(e -> e.key().literalPath())
                .thenComparing(e -> e.name().toLowerCase(Locale.ROOT))
                .thenComparing(Draft.Entry::name));
        return out;
    }

    private static String data(RegValue v) {
        if (v instanceof RegValue.Dword d) {
            return Long.toString(d.unsigned());
        }
        if (v instanceof RegValue.Qword q) {
            return Long.toUnsignedString(q.value());
        }
        if (v instanceof RegValue.Sz s) {
            return YamlScalars.scalar(s.text());
        }
        if (v instanceof RegValue.ExpandSz s) {
            return YamlScalars.scalar(s.text());
        }
        if (v instanceof RegValue.MultiSz m) {
            return "[" + String.join(", ", m.items().stream().map(YamlScalars::scalar).toList()) + "]";
        }
        if (v instanceof RegValue.Binary bin) {
            return YamlScalars.quoted(HexFormat.of().formatHex(bin.bytes()));
        }
        throw new IllegalArgumentException("no YAML form for " + v.type());
    }
}
