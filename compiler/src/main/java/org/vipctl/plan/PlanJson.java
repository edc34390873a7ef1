package org.vipctl.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.View;

/** The machine-readable plan, documented in docs/plan-json.md. Bump FORMAT_VERSION on any breaking change. */
public final class PlanJson {

    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    public static ObjectNode toTree(Plan plan) {
        return toTree(plan, List.of());
    }

    /** With {@code not_applied}: the Citrix settings apply does not write, and the files that carry them. */
    public static ObjectNode toTree(Plan plan, List<SiteSettings.NotApplied> notApplied) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("target", plan.target());
        root.put("scope", plan.scope().label());
        ObjectNode summary = root.putObject("summary");
        for (Action a : Action.values()) {
            summary.put(a.label(), plan.count(a));
        }
        summary.put("changed", plan.changed());
        ArrayNode changes = root.putArray("changes");
        for (Change c : plan.changes()) {
            ObjectNode o = changes.addObject();
            o.put("action", c.action().label());
            o.put("hive", c.key().hive().name());
            o.put("key", c.key().path());
            o.put("view", c.key().view() == View.BIT32 ? 32 : 64);
            o.put("literal_key", c.key().literalPath());
            o.put("name", c.name());
            value(o, "before", c.before());
            value(o, "after", c.after());
            o.put("type_changed", c instanceof Change.Update u && u.typeChanged());
            o.put("setting", c.provenance().settingId());
            o.put("policy", c.provenance().policyName());
            o.put("source", c.provenance().source().toString());
        }
        ArrayNode warnings = root.putArray("warnings");
        for (PlanWarning w : plan.warnings()) {
            warnings.addObject().put("code", w.code()).put("message", w.message());
        }
        SiteSettings.toJson(notApplied, root.putArray("not_applied"));
        return root;
    }

    public static String toJson(Plan plan) {
        return toJson(plan, List.of());
    }

    public static String toJson(Plan plan, List<SiteSettings.NotApplied> notApplied) {
        try {
            return MAPPER.writeValueAsString(toTree(plan, notApplied)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan JSON", e);
        }
    }

    private static void value(ObjectNode o, String field, Optional<RegValue> v) {
        if (v.isEmpty()) {
            o.putNull(field);
        } else {
            ObjectNode n = RegValueJson.toJson(v.get());
            n.put("display", v.get().display());
            o.set(field, n);
        }
    }
}
