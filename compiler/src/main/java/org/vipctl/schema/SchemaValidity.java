package org.vipctl.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a document is valid against one of vipctl's schemas, and nothing more: the keywords the
 * schema uses, each with the networknt validator's semantics (draft 2020-12, its default
 * settings), compiled in a few milliseconds. Setting up the validator itself (its meta-schema, a
 * validator object per keyword) and running it was about a quarter of a validate run, and most
 * runs check valid policies, whose check has nothing to say. So {@link SchemaCheck} asks this
 * first and the validator only about a document this finds invalid, for the findings.
 *
 * <p>A schema with a keyword this class does not know is refused when it is compiled, so a new
 * keyword in the schema fails the build (SchemaValidityTest) until it is added here; the same test
 * compares the answer with the validator's on generated documents.
 */
final class SchemaValidity {

    /** Keywords that say something to people and editors and constrain nothing. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "examples", "default", SchemaCheck.OWN_RULE);

    private final Subschema root;

    private SchemaValidity(Subschema root) {
        this.root = root;
    }

    /** Compiles {@code schema}; throws IllegalArgumentException for a keyword or form it does not support. */
    static SchemaValidity of(JsonNode schema) {
        return new SchemaValidity(compile(schema, ""));
    }

    /** Whether {@code instance} is valid against the whole schema. */
    boolean valid(JsonNode instance) {
        return root.valid(instance);
    }

    private static Subschema compile(JsonNode schema, String at) {
        if (schema.isBoolean()) {
            return schema.booleanValue() ? Subschema.ALWAYS : Subschema.NEVER;
        }
        if (!schema.isObject()) {
            throw new IllegalArgumentException("not a schema at " + at);
        }
        Subschema s = new Subschema();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String keyword = e.getKey();
            JsonNode v = e.getValue();
            String here = at + "/" + keyword;
            switch (keyword) {
                case "type" -> s.types = types(v, here);
                case "properties" -> {
                    if (!v.isObject()) {
                        throw new IllegalArgumentException("not an object at " + here);
                    }
                    s.properties = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> p = v.fields(); p.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = p.next();
                        s.properties.put(property.getKey(), compile(property.getValue(), here + "/" + property.getKey()));
                    }
                }
                case "required" -> {
                    array(v, here);
                    s.required = new ArrayList<>();
                    for (JsonNode name : v) {
                        s.required.add(name.asText());
                    }
                }
                case "additionalProperties" -> {
                    if (v.isBoolean()) {
                        s.additionalAllowed = v.booleanValue();
                    } else {
                        s.additionalAllowed = true;
                        s.additional = compile(v, here);
                    }
                    s.declared = new HashSet<>();
                    for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
                        s.declared.add(names.next());
                    }
                }
                case "items" -> s.items = compile(v, here);
                case "contains" -> s.contains = compile(v, here);
                case "allOf" -> s.allOf = list(v, here);
                case "anyOf" -> s.anyOf = list(v, here);
                case "oneOf" -> s.oneOf = list(v, here);
                case "not" -> s.not = compile(v, here);
                case "if" -> s.ifSchema = compile(v, here);
                case "then" -> s.thenSchema = compile(v, here);
                case "else" -> s.elseSchema = compile(v, here);
                case "const" -> s.constValue = v;
                case "enum" -> {
                    array(v, here);
                    s.enumValues = new EnumValues(v);
                }
                case "pattern" -> s.pattern = Pattern.compile(v.asText());
                case "minLength" -> s.minLength = count(v, here);
                case "maxLength" -> s.maxLength = count(v, here);
                case "minItems" -> s.minItems = count(v, here);
                case "maxItems" -> s.maxItems = count(v, here);
                case "minProperties" -> s.minProperties = count(v, here);
                case "maxProperties" -> s.maxProperties = count(v, here);
                case "uniqueItems" -> s.uniqueItems = v.isBoolean() && v.booleanValue();
                case "minimum" -> s.minimum = Threshold.of(v, schema.path("type"), true, here);
                case "maximum" -> s.maximum = Threshold.of(v, schema.path("type"), false, here);
                default -> {
                    if (!ANNOTATIONS.contains(keyword)) {
                        throw new IllegalArgumentException("keyword '" + keyword + "' at " + at
                                + " is not supported by SchemaValidity; add it there with the validator's semantics");
                    }
                }
            }
        }
        if ((s.thenSchema != null || s.elseSchema != null) && s.ifSchema == null) {
            throw new IllegalArgumentException("then or else without if at " + at);
        }
        return s;
    }

    private static void array(JsonNode v, String at) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("not an array at " + at);
        }
    }

    private static List<Subschema> list(JsonNode v, String at) {
        array(v, at);
        List<Subschema> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(compile(v.get(i), at + "/" + i));
        }
        return out;
    }

    private static int count(JsonNode v, String at) {
        if (!v.canConvertToExactIntegral() || !v.canConvertToInt() || v.intValue() < 0) {
            throw new IllegalArgumentException("not a count at " + at);
        }
        return v.intValue();
    }

    private static List<String> types(JsonNode v, String at) {
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            out.add(type(v.textValue(), at));
        } else if (v.isArray() && !v.isEmpty()) {
            for (JsonNode t : v) {
                if (!t.isTextual()) {
                    throw new IllegalArgumentException("type members must be names at " + at);
                }
                out.add(type(t.textValue(), at));
            }
        } else {
            throw new IllegalArgumentException("unsupported type at " + at);
        }
        return out;
    }

    private static String type(String name, String at) {
        return switch (name) {
            case "object", "array", "string", "number", "integer", "boolean", "null" -> name;
            default -> throw new IllegalArgumentException("unsupported type '" + name + "' at " + at);
        };
    }

    /** A value as the validator's enum compares it: numbers by their plain decimal digits, in arrays too. */
    private static JsonNode enumForm(JsonNode n) {
        if (n.isNumber()) {
            return DecimalNode.valueOf(new BigDecimal(n.decimalValue().toPlainString()));
        }
        if (n.isArray()) {
            boolean hasNumber = false;
            for (JsonNode item : n) {
                hasNumber |= item.isNumber();
            }
            if (!hasNumber) {
                return n;
            }
            ArrayNode a = ((ArrayNode) n).deepCopy();
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isNumber()) {
                    a.set(i, enumForm(a.get(i)));
                }
            }
            return a;
        }
        return n;
    }

    /**
     * An int or long node. Whole numbers of that size are compared as longs: the validator compares
     * numbers as BigDecimal, and initialising that class costs a JDK 25 run 25 ms of CPU (its tables
     * are computed); for these numbers both comparisons agree.
     */
    private static boolean isWhole(JsonNode n) {
        return n.isInt() || n.isLong();
    }

    /**
     * The values of an enum, compared as the validator's enum compares them: numbers by value (64.0
     * is 64), in arrays too, anything else by Jackson's equality.
     */
    private static final class EnumValues {

        private final JsonNode members;
        /** The members that are neither numbers nor arrays. */
        private final Set<JsonNode> others = new HashSet<>();
        /** The int and long values the numeric members are equal to. */
        private final Set<Long> wholes = new HashSet<>();
        /** Every member in the validator's form, made when first needed (numbers other than int or long, arrays). */
        private Set<JsonNode> all;

        EnumValues(JsonNode members) {
            this.members = members;
            for (JsonNode m : members) {
                if (isWhole(m)) {
                    wholes.add(m.longValue());
                } else if (m.isNumber()) {
                    BigDecimal d = m.decimalValue();
                    if (d.signum() == 0) {
                        wholes.add(0L);
                    } else if (d.stripTrailingZeros().scale() <= 0 && d.toBigInteger().bitLength() < 64) {
                        wholes.add(d.longValueExact());
                    }
                } else if (!m.isArray()) {
                    others.add(m);
                }
            }
        }

        boolean contains(JsonNode n) {
            if (isWhole(n)) {
                return wholes.contains(n.longValue());
            }
            if (n.isNumber() || n.isArray()) {
                return all().contains(enumForm(n));
            }
            return others.contains(n);
        }

        private synchronized Set<JsonNode> all() {
            if (all == null) {
                Set<JsonNode> forms = new HashSet<>();
                for (JsonNode m : members) {
                    forms.add(enumForm(m));
                }
                all = forms;
            }
            return all;
        }
    }

    /** The validator's name for a node's type (integer for integral numbers), null for anything else. */
    private static String typeOf(JsonNode n) {
        return switch (n.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> n.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> null;
        };
    }

    /** One schema object, each keyword null (or false) when the schema does not have it. */
    private static final class Subschema {

        static final Subschema ALWAYS = new Subschema();
        static final Subschema NEVER = new Subschema();

        List<String> types;
        Map<String, Subschema> properties;
        List<String> required;
        Boolean additionalAllowed;
        Subschema additional;
        Set<String> declared;
        Subschema items;
        Subschema contains;
        List<Subschema> allOf;
        List<Subschema> anyOf;
        List<Subschema> oneOf;
        Subschema not;
        Subschema ifSchema;
        Subschema thenSchema;
        Subschema elseSchema;
        JsonNode constValue;
        EnumValues enumValues;
        Pattern pattern;
        Integer minLength;
        Integer maxLength;
        Integer minItems;
        Integer maxItems;
        Integer minProperties;
        Integer maxProperties;
        boolean uniqueItems;
        Threshold minimum;
        Threshold maximum;

        boolean valid(JsonNode n) {
            if (this == NEVER) {
                return false;
            }
            return (types == null || typeMatches(n))
                    && (properties == null || propertiesValid(n))
                    && (required == null || requiredPresent(n))
                    && (additionalAllowed == null || additionalValid(n))
                    && (items == null || itemsValid(n))
                    && (contains == null || containsOne(n))
                    && (allOf == null || allValid(n))
                    && (anyOf == null || anyValid(n))
                    && (oneOf == null || oneValid(n))
                    && (not == null || !not.valid(n))
                    && (ifSchema == null || conditionalValid(n))
                    && (constValue == null || constMatches(n))
                    && (enumValues == null || enumValues.contains(n))
                    && (pattern == null || !isString(n) || pattern.matcher(n.asText()).find())
                    && (minLength == null || !isString(n) || codePoints(n) >= minLength)
                    && (maxLength == null || !isString(n) || codePoints(n) <= maxLength)
                    && (minItems == null || !n.isArray() || n.size() >= minItems)
                    && (maxItems == null || !n.isArray() || n.size() <= maxItems)
                    && (minProperties == null || !n.isObject() || n.size() >= minProperties)
                    && (maxProperties == null || !n.isObject() || n.size() <= maxProperties)
                    && (!uniqueItems || unique(n))
                    && (minimum == null || !n.isNumber() || !minimum.crossed(n))
                    && (maximum == null || !n.isNumber() || !maximum.crossed(n));
        }

        /** As the validator's type check: an integral number is also a number, an integral value (1.0) an integer. */
        private boolean typeMatches(JsonNode n) {
            String actual = typeOf(n);
            for (String t : types) {
                if (t.equals(actual) || t.equals("number") && "integer".equals(actual)
                        || t.equals("integer") && "number".equals(actual) && n.canConvertToExactIntegral()) {
                    return true;
                }
            }
            return false;
        }

        private boolean propertiesValid(JsonNode n) {
            for (Map.Entry<String, Subschema> e : properties.entrySet()) {
                JsonNode value = n.get(e.getKey());
                if (value != null && !e.getValue().valid(value)) {
                    return false;
                }
            }
            return true;
        }

        private boolean requiredPresent(JsonNode n) {
            if (!n.isObject()) {
                return true;
            }
            for (String name : required) {
                if (n.get(name) == null) {
                    return false;
                }
            }
            return true;
        }

        /** Names starting with '#' are skipped, as the validator skips them. */
        private boolean additionalValid(JsonNode n) {
            if (!n.isObject()) {
                return true;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                if (name.startsWith("#") || declared.contains(name)) {
                    continue;
                }
                if (!additionalAllowed || additional != null && !additional.valid(e.getValue())) {
                    return false;
                }
            }
            return true;
        }

        private boolean itemsValid(JsonNode n) {
            if (!n.isArray()) {
                return true;
            }
            for (JsonNode item : n) {
                if (!items.valid(item)) {
                    return false;
                }
            }
            return true;
        }

        private boolean containsOne(JsonNode n) {
            if (!n.isArray()) {
                return true;
            }
            for (JsonNode item : n) {
                if (contains.valid(item)) {
                    return true;
                }
            }
            return false;
        }

        private boolean allValid(JsonNode n) {
            for (Subschema s : allOf) {
                if (!s.valid(n)) {
                    return false;
                }
            }
            return true;
        }

        private boolean anyValid(JsonNode n) {
            for (Subschema s : anyOf) {
                if (s.valid(n)) {
                    return true;
                }
            }
            return false;
        }

        private boolean oneValid(JsonNode n) {
            int valid = 0;
            for (Subschema s : oneOf) {
                if (s.valid(n) && ++valid > 1) {
                    return false;
                }
            }
            return valid == 1;
        }

        private boolean conditionalValid(JsonNode n) {
            Subschema branch = ifSchema.valid(n) ? thenSchema : elseSchema;
            return branch == null || branch.valid(n);
        }

        /** Numbers by value (1 and 1.0 are the same), anything else by Jackson's equality. */
        private boolean constMatches(JsonNode n) {
            if (constValue.isNumber() && n.isNumber()) {
                return isWhole(constValue) && isWhole(n) ? constValue.longValue() == n.longValue()
                        : constValue.decimalValue().compareTo(n.decimalValue()) == 0;
            }
            return constValue.equals(n);
        }

        private static boolean isString(JsonNode n) {
            return "string".equals(typeOf(n));
        }

        private static int codePoints(JsonNode n) {
            String s = n.textValue();
            return s.codePointCount(0, s.length());
        }

        /** As the validator: over the elements of an array, or the values of an object. */
        private static boolean unique(JsonNode n) {
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode item : n) {
                if (!seen.add(item)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** minimum or maximum, compared as the validator compares (see its MinimumValidator, MaximumValidator). */
    private static final class Threshold {

        private final boolean minimum;
        private final boolean asLong;
        private final long limit;
        private final String text;
        /** The bound when it is a whole number, else null. */
        private final BigInteger whole;

        private Threshold(boolean minimum, boolean asLong, long limit, String text, BigInteger whole) {
            this.minimum = minimum;
            this.asLong = asLong;
            this.limit = limit;
            this.text = text;
            this.whole = whole;
        }

        static Threshold of(JsonNode v, JsonNode type, boolean minimum, String at) {
            if (!v.isNumber()) {
                throw new IllegalArgumentException("not a number at " + at);
            }
            if (v.isDouble() && (Double.isInfinite(v.doubleValue()) || Double.isNaN(v.doubleValue()))) {
                throw new IllegalArgumentException("unsupported bound at " + at);
            }
            // the validator compares as long integers when the bound is an int or long and the
            // schema's type is exactly "integer"; otherwise by BigDecimal
            boolean asLong = (v.isInt() || v.isLong()) && type.isTextual() && type.textValue().equals("integer");
            return new Threshold(minimum, asLong, v.asLong(), v.asText(), v.isIntegralNumber() ? v.bigIntegerValue() : null);
        }

        /** True when {@code n} (a number) lies beyond the bound. */
        boolean crossed(JsonNode n) {
            int compare;
            if (asLong) {
                if (n.isBigInteger()) {
                    compare = n.bigIntegerValue().compareTo(new BigInteger(text));
                } else {
                    compare = Long.compare(n.asLong(), limit);
                }
            } else if (whole != null && n.isIntegralNumber()) {
                // whole numbers compare as BigDecimal does, without setting it up (see isWhole)
                compare = n.bigIntegerValue().compareTo(whole);
            } else {
                if (n.isDouble() && Double.isInfinite(n.doubleValue())) {
                    return minimum == n.doubleValue() < 0;
                }
                compare = new BigDecimal(n.asText()).compareTo(new BigDecimal(text));
            }
            return minimum ? compare < 0 : compare > 0;
        }
    }
}
