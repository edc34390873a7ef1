package org.vipctl.schema;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Rule;
import org.vipctl.load.SourceDocument;

/**
 * Checks a document's structure against one of vipctl's JSON Schemas in {@code schemas/} (the same
 * files editors use) and turns the validator's findings into located diagnostics with our own
 * wording. A schema is read and compiled once per process, on first use: compiling is a good part
 * of a run's start-up time, and both values are immutable (a networknt JsonSchema is thread-safe).
 * A policy is first checked by {@link SchemaValidity}, which only tells valid from invalid and
 * costs little to set up; the networknt validator is set up and asked only for an invalid one.
 */
public final class SchemaCheck {

    /** The rule each kind of finding is reported under. */
    private record Rules(Rule unknownKey, Rule missing, Rule wrongType, Rule notAllowed, Rule structure) {
    }

    private static final Rules POLICY_RULES = new Rules(Rule.UNKNOWN_KEY, Rule.MISSING, Rule.WRONG_TYPE,
            Rule.NOT_ALLOWED, Rule.STRUCTURE);
    private static final Rules CATALOG_RULES = new Rules(Rule.CATALOG, Rule.CATALOG, Rule.CATALOG, Rule.CATALOG,
            Rule.CATALOG);

    private final Schema source;
    private final JsonNode schemaTree;
    private final Rules rules;

    private SchemaCheck(Schema source, Rules rules) {
        this.source = source;
        this.schemaTree = source.tree();
        this.rules = rules;
    }

    /** {@code schemas/vipctl-policy.schema.json}: a VipPolicy document. */
    public static SchemaCheck policy() {
        return new SchemaCheck(PolicySchema.SCHEMA, POLICY_RULES);
    }

    /** {@code schemas/vipctl-catalog.schema.json}: a setting catalog file; every finding is VIP070. */
    public static SchemaCheck catalog() {
        return new SchemaCheck(CatalogSchema.SCHEMA, CATALOG_RULES);
    }

    /** The policy schema as a tree, for code that asks what a VipPolicy field is. */
    public static JsonNode policyTree() {
        return PolicySchema.SCHEMA.tree();
    }

    /** Reads the policy schema and compiles its validity check now, if no check has yet. */
    public static void prepare() {
        Objects.requireNonNull(PolicySchema.SCHEMA);
    }

    /**
     * One schema: its tree, the quick check of validity where there is one (the policy schema: see
     * {@link SchemaValidity}), and the networknt validator, compiled when a document first needs it.
     */
    private static final class Schema {
        private final String resource;
        private final JsonNode tree;
        private final SchemaValidity validity;
        private volatile JsonSchema validator;

        Schema(String resource, boolean quick) {
            this.resource = resource;
            Optional<JsonNode> form = PreparsedSchemas.read(resource);
            tree = form.isPresent() ? form.get() : JsonTree.read(resource);
            validity = quick ? SchemaValidity.of(tree) : null;
        }

        JsonNode tree() {
            return tree;
        }

        /** True when the quick check finds the document valid: the validator would find nothing. */
        boolean surelyValid(JsonNode document) {
            return validity != null && validity.valid(document);
        }

        JsonSchema validator() {
            JsonSchema v = validator;
            if (v == null) {
                synchronized (this) {
                    v = validator;
                    if (v == null) {
                        v = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                                .getSchema(tree, SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());
                        validator = v;
                    }
                }
            }
            return v;
        }

        @Override
        public String toString() {
            return resource;
        }
    }

    private static final class PolicySchema {
        static final Schema SCHEMA = new Schema("/org/vipctl/schemas/vipctl-policy.schema.json", true);
    }

    private static final class CatalogSchema {
        static final Schema SCHEMA = new Schema("/org/vipctl/schemas/vipctl-catalog.schema.json", false);
    }

    public List<Diagnostic> check(SourceDocument doc) {
        return findings(doc).diagnostics();
    }

    private static final Findings NONE = new Findings(List.of(), Set.of());

    /** The diagnostics, sorted by position, and the JSON Pointers of the nodes they are about. */
    public record Findings(List<Diagnostic> diagnostics, Set<String> pointers) {
        public Findings {
            diagnostics = List.copyOf(diagnostics);
            pointers = Set.copyOf(pointers);
        }

        /** Whether a finding is about the node at {@code pointer} or something inside it. */
        public boolean within(String pointer) {
            for (String p : pointers) {
                if (p.equals(pointer) || p.startsWith(pointer + "/")) {
                    return true;
                }
            }
            return false;
        }
    }

    public Findings findings(SourceDocument doc) {
        if (source.surelyValid(doc.tree())) {
            return NONE;
        }
        Set<ValidationMessage> messages = source.validator().validate(doc.tree());
        List<Diagnostic> out = new ArrayList<>();
        Set<String> pointers = new java.util.HashSet<>();
        for (ValidationMessage m : messages) {
            if (!reportedByOwnRule(m)) {
                out.add(toDiagnostic(doc, m));
                pointers.add(m.getInstanceLocation().toString());
            }
        }
        out.sort(Comparator.comparing(Diagnostic::location));
        return new Findings(out, pointers);
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
                return rules.unknownKey().error(doc.keyAt(child),
                        "unknown key '" + key + "' in " + (at.isEmpty() ? "the document" : "'" + displayPath(at) + "'"),
                        hint);
            }
            case "required": {
                String key = m.getProperty();
                JsonNode propSchema = parentSchema.path("properties").path(key);
                return rules.missing().error(doc.keyAt(at), "missing required key '" + key + "' in " + field,
                        "add " + example(key, propSchema) + (at.isEmpty() ? "" : " to " + displayPath(at))
                                + hintFrom(propSchema, "").transform(d -> d.isEmpty() ? "" : " (" + d + ")"));
            }
            case "type": {
                String expected = keyword.isArray()
                        ? streamText(keyword).collect(Collectors.joining(" or ")) : keyword.asText();
                return rules.wrongType().error(doc.valueAt(at), field + " must be " + article(expected) + ", got "
                        + describe(value), typeHint(expected, value, description));
            }
            case "enum": {
                List<String> values = streamText(keyword).toList();
                String allowed = values.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
                String hint = DidYouMean.best(value.asText(), values).map(s -> "did you mean '" + s + "'?")
                        .orElse(rules == POLICY_RULES
                                ? "the allowed values are in docs/policy-format.md; vipctl explain VIP012 shows an example"
                                : "allowed: " + allowed);
                String message = values.size() <= 4 ? field + " is " + describe(value) + "; allowed: " + allowed
                        : field + " is " + describe(value) + ", which is not one of its " + values.size() + " allowed values";
                return rules.notAllowed().error(doc.valueAt(at), message, hint);
            }
            case "const":
                return rules.notAllowed().error(doc.valueAt(at), field + " must be '" + keyword.asText() + "', got "
                        + describe(value), "write " + displayPath(at) + ": " + keyword.asText());
            case "pattern":
                return rules.notAllowed().error(doc.valueAt(at), field + " " + describe(value) + " is not allowed",
                        description.isEmpty() ? "it must match " + keyword.asText() : description);
            default:
                return rules.structure().error(doc.valueAt(at), field + ": " + stripLocation(m.getMessage()),
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
    public static String displayPath(String pointer) {
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

    public static String describe(JsonNode v) {
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

}
