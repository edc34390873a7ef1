package org.vipctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;
import org.vipctl.registry.RegType;
import org.vipctl.schema.DidYouMean;
import org.vipctl.schema.SchemaCheck;

/**
 * Checks a setting's {@code source} and {@code when} pointers against the policy format
 * ({@code schemas/vipctl-policy.schema.json}): each must name a field a VipPolicy can have, and the
 * field must fit the setting (a list for REG_MULTI_SZ, a map entry for every value of a boolean or
 * enum field). A pointer that names nothing would make the setting silently never written.
 */
final class PolicyFields {

    private static final String SCHEMA_FILE = "schemas/vipctl-policy.schema.json";

    private final JsonNode schema;
    private final Diagnostics out;

    PolicyFields(Diagnostics out) {
        this(SchemaCheck.policyTree(), out);
    }

    PolicyFields(JsonNode schema, Diagnostics out) {
        this.schema = schema;
        this.out = out;
    }

    /** Checks one setting read from {@code doc} at {@code ptr}. */
    void check(SourceDocument doc, String ptr, Setting s) {
        if (s.source().isPresent()) {
            resolve(doc, ptr + "/source", s.id(), "source", s.source().get()).ifPresent(field -> fits(doc, ptr, s, field));
        }
        for (int i = 0; i < s.when().size(); i++) {
            String w = s.when().get(i);
            String at = ptr + "/when/" + i;
            resolve(doc, at, s.id(), "when", w).ifPresent(field -> {
                if (!isA(field, "boolean")) {
                    out.add(Rule.CATALOG.error(doc.valueAt(at), "setting " + s.id() + ": when '" + w
                            + "' is not a true/false field of a VipPolicy", "name a boolean field such as /spec/rdsIpVirtualization/enabled"));
                }
            });
        }
    }

    private Optional<JsonNode> resolve(SourceDocument doc, String at, String id, String what, String pointer) {
        JsonNode node = deref(schema);
        String path = "";
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            JsonNode props = node.path("properties");
            if (props.has(token)) {
                node = deref(props.get(token));
            } else if (node.has("items") && token.matches("0|[1-9][0-9]*")) {
                node = deref(node.get("items"));
            } else {
                List<String> known = new ArrayList<>();
                props.fieldNames().forEachRemaining(known::add);
                known.remove("$schema");
                String hint = DidYouMean.best(token, known).map(b -> "did you mean '" + b + "'? ")
                        .orElse(known.isEmpty() ? "" : "fields there: " + String.join(", ", known) + ". ");
                out.add(Rule.CATALOG.error(doc.valueAt(at), "setting " + id + ": " + what + " '" + pointer
                        + "' names no field of a VipPolicy: '" + token + "' is not a field of "
                        + (path.isEmpty() ? "the document" : "'" + path + "'"),
                        hint + "The fields are those of " + SCHEMA_FILE + " (docs/policy-format.md)"));
                return Optional.empty();
            }
            path = path + "/" + raw;
        }
        return Optional.of(node);
    }

    private void fits(SourceDocument doc, String ptr, Setting s, JsonNode field) {
        String at = ptr + "/source";
        String source = s.source().orElseThrow();
        if (s.citrix().isPresent()) {
            String wanted = s.citrix().get().isList() ? "array" : "boolean";
            if (!isA(field, wanted)) {
                mismatch(doc, at, s, field, "a Citrix " + s.citrix().get().kind() + " setting needs a "
                        + (wanted.equals("array") ? "list" : "true/false") + " field");
            }
        }
        if (s.type().isEmpty()) {
            return;
        }
        RegType type = s.type().get();
        if (!s.map().isEmpty()) {
            Set<String> values = new TreeSet<>();
            if (isA(field, "boolean")) {
                values.add("true");
                values.add("false");
            }
            field.path("enum").forEach(v -> values.add(v.asText()));
            values.removeAll(s.map().keySet());
            if (!values.isEmpty()) {
                out.add(Rule.CATALOG.error(doc.valueAt(ptr + "/map"), "setting " + s.id() + ": the map has no entry for "
                        + String.join(", ", values) + " of " + source + "; a policy with that value would write nothing",
                        "add " + values.iterator().next() + ": <data> to the map"));
            }
            return;
        }
        boolean ok = switch (type) {
            case REG_MULTI_SZ -> isA(field, "array");
            case REG_DWORD, REG_QWORD -> isA(field, "integer") || isA(field, "boolean");
            case REG_SZ, REG_EXPAND_SZ, REG_BINARY -> isA(field, "string");
            default -> true;
        };
        if (!ok) {
            mismatch(doc, at, s, field, "a " + type + " value without a map needs a " + switch (type) {
                case REG_MULTI_SZ -> "list";
                case REG_DWORD, REG_QWORD -> "number or true/false";
                default -> "text";
            } + " field");
        }
    }

    private void mismatch(SourceDocument doc, String at, Setting s, JsonNode field, String why) {
        out.add(Rule.CATALOG.error(doc.valueAt(at), "setting " + s.id() + ": source '" + s.source().orElseThrow()
                + "' is " + kind(field) + "; " + why, "name a field that fits, or add a map"));
    }

    private static String kind(JsonNode field) {
        if (field.has("enum")) {
            return "one of a fixed set of words";
        }
        return switch (field.path("type").asText("")) {
            case "array" -> "a list";
            case "boolean" -> "true/false";
            case "integer", "number" -> "a number";
            case "string" -> "text";
            case "object" -> "a mapping";
            default -> "of no single type";
        };
    }

    private static boolean isA(JsonNode field, String type) {
        JsonNode t = field.path("type");
        if (t.isArray()) {
            for (Iterator<JsonNode> it = t.elements(); it.hasNext(); ) {
                if (it.next().asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return t.asText().equals(type);
    }

    /** Follows a local {@code $ref} (#/...), the only kind the policy schema could use. */
    private JsonNode deref(JsonNode n) {
        JsonNode at = n;
        for (int i = 0; i < 16 && at.has("$ref") && at.get("$ref").asText().startsWith("#"); i++) {
            at = schema.at(at.get("$ref").asText().substring(1));
        }
        return at;
    }
}
