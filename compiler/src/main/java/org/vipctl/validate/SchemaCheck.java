package org.vipctl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;

/**
 * Checks a document's structure against {@code schemas/vipctl-policy.schema.json} (the same file
 * editors use) and turns the validator's findings into located diagnostics with our own wording.
 */
final class SchemaCheck {

    static final String RESOURCE = "/org/vipctl/schemas/vipctl-policy.schema.json";

    private final JsonNode schemaTree = Compiled.TREE;
    private final JsonSchema schema = Compiled.SCHEMA;

    /**
     * Read and compiled once per process, on first use: compiling is a good part of a validate run's
     * start-up time, and both values are immutable (a networknt JsonSchema is thread-safe).
     */
    private static final class Compiled {
        static final JsonNode TREE = read();
        static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(TREE, SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());

        private static JsonNode read() {
            try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("policy schema missing from the jar: " + RESOURCE);
                }
                return new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the policy schema", e);
            }
        }
    }

    /** Compiles the schema now, if no check has yet. */
    static void prepare() {
        Objects.requireNonNull(Compiled.SCHEMA);
    }

    List<Diagnostic> check(SourceDocument doc) {
        Set<ValidationMessage> messages = schema.validate(doc.tree());
        List<Diagnostic> out = new ArrayList<>();
        for (ValidationMessage m : messages) {
            if (!reportedByOwnRule(m)) {
                out.add(toDiagnostic(doc, m));
            }
        }
        out.sort(Comparator.comparing(Diagnostic::location));
        return out;
    }

    /** The keyword that marks a subschema whose check a semantic rule reports, with better words. */
    static final String OWN_RULE = "x-vipctl-rule";

    /**
     * True when the failed constraint sits in a subschema marked {@value #OWN_RULE}: the schema has
     * it for editors and other validators, and vipctl's semantic rules report the same problem with
     * its own rule id, location and hint, so reporting it here too would say it twice.
     */
    private boolean reportedByOwnRule(ValidationMessage m) {
        String ptr = fragment(m);
        for (String p = ptr; !p.isEmpty(); p = parent(p)) {
            if (schemaTree.at(p).has(OWN_RULE)) {
                return true;
            }
        }
        return false;
    }

    private Diagnostic toDiagnostic(SourceDocument doc, ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        String schemaPtr = fragment(m);
        JsonNode keyword = schemaTree.at(schemaPtr);
        JsonNode parentSchema = schemaTree.at(parent(schemaPtr));
        JsonNode value = doc.tree().at(at);
        String field = at.isEmpty() ? "the document" : "'" + displayPath(at) + "'";
        String description = parentSchema.path("description").asText("");
        switch (m.getType()) {
            case "additionalProperties": {
                String key = m.getProperty();
                String child = at + "/" + SourceDocument.escape(key);
                List<String> allowed = new ArrayList<>();
                parentSchema.path("properties").fieldNames().forEachRemaining(allowed::add);
                allowed.remove("$schema");
                String hint = DidYouMean.best(key, allowed)
                        .map(s -> "did you mean '" + s + "'?")
                        .orElse("allowed here: " + String.join(", ", allowed));
                return Rule.UNKNOWN_KEY.error(doc.keyAt(child),
                        "unknown key '" + key + "' in " + (at.isEmpty() ? "the document" : "'" + displayPath(at) + "'"),
                        hint);
            }
            case "required": {
                String key = m.getProperty();
                JsonNode propSchema = parentSchema.path("properties").path(key);
                return Rule.MISSING.error(doc.keyAt(at), "missing required key '" + key + "' in " + field,
                        "add " + example(key, propSchema) + (at.isEmpty() ? "" : " to " + displayPath(at))
                                + hintFrom(propSchema, "").transform(d -> d.isEmpty() ? "" : " (" + d + ")"));
            }
            case "type": {
                String expected = keyword.isArray()
                        ? streamText(keyword).collect(Collectors.joining(" or ")) : keyword.asText();
                return Rule.WRONG_TYPE.error(doc.valueAt(at), field + " must be " + article(expected) + ", got "
                        + describe(value), typeHint(expected, value, description));
            }
            case "enum": {
                List<String> values = streamText(keyword).toList();
                String allowed = values.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
                String hint = DidYouMean.best(value.asText(), values).map(s -> "did you mean '" + s + "'?")
                        .orElse("the allowed values are in docs/policy-format.md; vipctl explain VIP012 shows an example");
                String message = values.size() <= 4 ? field + " is " + describe(value) + "; allowed: " + allowed
                        : field + " is " + describe(value) + ", which is not one of its " + values.size() + " allowed values";
                return Rule.NOT_ALLOWED.error(doc.valueAt(at), message, hint);
            }
            case "const":
                return Rule.NOT_ALLOWED.error(doc.valueAt(at), field + " must be '" + keyword.asText() + "', got "
                        + describe(value), "write " + displayPath(at) + ": " + keyword.asText());
            case "pattern":
                return Rule.NOT_ALLOWED.error(doc.valueAt(at), field + " " + describe(value) + " is not allowed",
                        description.isEmpty() ? "it must match " + keyword.asText() : description);
            default:
                return Rule.STRUCTURE.error(doc.valueAt(at), field + ": " + stripLocation(m.getMessage()),
                        structureHint(m.getType(), keyword, description));
        }
    }

    private static String fragment(ValidationMessage m) {
        String s = m.getSchemaLocation().toString();
        int hash = s.indexOf('#');
        return hash < 0 ? "" : s.substring(hash + 1);
    }

    private static String parent(String ptr) {
        int slash = ptr.lastIndexOf('/');
        return slash <= 0 ? "" : ptr.substring(0, slash);
    }

    /** {@code /spec/registry/0/type} → {@code spec.registry[0].type}. */
    static String displayPath(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/")) {
            String p = part.replace("~1", "/").replace("~0", "~");
            if (p.matches("\\d+")) {
                sb.append('[').append(p).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(p);
            }
        }
        return sb.toString();
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith("/") || message.startsWith(": ") ? message.substring(colon + 2) : message;
    }

    private static java.util.stream.Stream<String> streamText(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.stream();
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "string" -> "text";
            default -> type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " + type : "a " + type;
        };
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "text '" + v.asText() + "'";
        }
        if (v.isBoolean()) {
            return "boolean " + v.asText();
        }
        if (v.isNumber()) {
            return "number " + v.asText();
        }
        if (v.isNull()) {
            return "nothing (null)";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String typeHint(String expected, JsonNode value, String description) {
        if (expected.equals("boolean") && value.isTextual()) {
            return "write true or false (YAML words like yes/no/on/off are read as text here)";
        }
        if (expected.equals("array") && value.isTextual()) {
            String text = value.asText();
            String item = text.substring(Math.max(text.lastIndexOf('\\'), text.lastIndexOf('/')) + 1).strip();
            return "write a list, e.g. [" + (item.isEmpty() ? "crm.exe" : item) + "]";
        }
        return description;
    }

    /** What to change for the constraints without a message of their own. */
    private static String structureHint(String type, JsonNode keyword, String description) {
        return switch (type) {
            case "uniqueItems" -> "remove the repeated item";
            case "maxLength" -> "shorten it to at most " + keyword.asText() + " characters";
            case "minLength" -> "write at least " + keyword.asText() + " character" + (keyword.asInt() == 1 ? "" : "s");
            case "minimum" -> "use " + keyword.asText() + " or more";
            case "maximum" -> "use " + keyword.asText() + " or less";
            case "minItems" -> "list at least " + keyword.asText() + " item" + (keyword.asInt() == 1 ? "" : "s");
            default -> description;
        };
    }

    /** {@code enabled: true}, {@code name: ...}: a key as the user would add it. */
    private static String example(String key, JsonNode schema) {
        if (schema.has("const")) {
            return "'" + key + ": " + schema.get("const").asText() + "'";
        }
        if (schema.has("enum")) {
            return "'" + key + ": " + schema.get("enum").get(0).asText() + "'";
        }
        return switch (schema.path("type").asText("")) {
            case "boolean" -> "'" + key + ": true' (or false)";
            case "array" -> "'" + key + ": [...]'";
            case "object" -> "'" + key + ": {...}'";
            default -> "'" + key + ": ...'";
        };
    }

    private static String hintFrom(JsonNode schema, String fallback) {
        String d = schema.path("description").asText("");
        return d.isEmpty() ? fallback : d;
    }

    static Location locationOf(SourceDocument doc, String pointer) {
        return doc.valueAt(pointer);
    }
}
