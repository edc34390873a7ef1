package org.vipctl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;

/**
 * The quick validity check agrees with the networknt validator, the one that reports the findings:
 * on every policy file of the repository and on many documents made from them by random edits
 * (values swapped for others of every type, the schema's own names and values, keys removed and
 * added, list items repeated and dropped, parts grafted elsewhere).
 */
class SchemaValidityTest {

    private static final JsonNode SCHEMA = SchemaCheck.policyTree();
    private static final SchemaValidity QUICK = SchemaValidity.of(SCHEMA);
    private static final JsonSchema NETWORKNT = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SCHEMA, SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());
    private static final List<JsonNode> SEEDS = seeds();
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<JsonNode> VALUES = new ArrayList<>();

    static {
        Set<String> names = new LinkedHashSet<>(List.of("#comment", "unknown", "$schema", "name", "enabled"));
        Set<JsonNode> values = new LinkedHashSet<>();
        collect(SCHEMA, names, values);
        NAMES.addAll(names);
        VALUES.addAll(values);
        for (String s : new String[] {"", " ", "x", " crm.exe", "crm.exe ", "a.exe", "CON", "con.exe", "10.0.0.1/24",
            "10.0.0.256/24", "HKLM\\Software\\Contoso", "hkey_local_machine\\X\\", "01ff", "0g", "**del.x", "a\u0000b",
            "é漢", "\uD83D\uDE00", "true", "1", "x".repeat(300)}) {
            VALUES.add(TextNode.valueOf(s));
        }
        for (long n : new long[] {0, -1, 1, 2, 32, 64, 255, 256, 65535, 2147483647L, 2147483648L, 4294967295L,
            4294967296L, Long.MAX_VALUE}) {
            VALUES.add(LongNode.valueOf(n));
        }
        VALUES.add(BigIntegerNode.valueOf(new BigInteger("18446744073709551615")));
        VALUES.add(BigIntegerNode.valueOf(new BigInteger("18446744073709551616")));
        for (String d : new String[] {"1.5", "64.0", "0.0", "-0.5", "1E+2", "4294967295.0", "255.5"}) {
            VALUES.add(DecimalNode.valueOf(new BigDecimal(d)));
        }
        VALUES.add(BooleanNode.TRUE);
        VALUES.add(BooleanNode.FALSE);
        VALUES.add(NullNode.getInstance());
        JsonNodeFactory f = JsonNodeFactory.instance;
        VALUES.add(f.objectNode());
        VALUES.add(f.arrayNode());
        VALUES.add(f.arrayNode().add("a"));
        VALUES.add(f.arrayNode().add("a").add("a"));
        VALUES.add(f.arrayNode().add(1L).add(1L));
        VALUES.add(f.objectNode().put("x", 1L));
    }

    @Test
    void theExamplesAreValid() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertFalse(yaml.isEmpty());
            for (Path f : yaml) {
                for (SourceDocument doc : new YamlLoader().load(f, new Diagnostics())) {
                    assertTrue(QUICK.valid(doc.tree()), f.toString());
                }
            }
        }
    }

    @Test
    void everyPolicyFileOfTheRepositoryGetsTheValidatorsAnswer() {
        int valid = 0;
        for (JsonNode doc : SEEDS) {
            assertAgrees(doc);
            valid += NETWORKNT.validate(doc).isEmpty() ? 1 : 0;
        }
        assertTrue(valid > 0 && valid < SEEDS.size(), valid + " of " + SEEDS.size());
    }

    @Test
    void editedDocumentsGetTheValidatorsAnswer() {
        int valid = 0;
        int runs = 3000;
        for (int seed = 0; seed < runs; seed++) {
            JsonNode doc = edited(new Random(seed));
            assertAgrees(doc);
            valid += NETWORKNT.validate(doc).isEmpty() ? 1 : 0;
        }
        // both answers must be common, or the comparison says little
        assertTrue(valid > runs / 20 && valid < runs * 19 / 20, valid + " of " + runs + " valid");
    }

    @Property(tries = 500)
    void randomlyEditedDocumentsGetTheValidatorsAnswer(@ForAll long seed) {
        assertAgrees(edited(new Random(seed)));
    }

    @Test
    void numbersCompareAsTheValidatorComparesThem() throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> numbers = new ArrayList<>();
        for (long n : new long[] {0, 1, 31, 32, 64, 65, -1, 255, 256, 4294967295L, 4294967296L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            numbers.add(LongNode.valueOf(n));
            numbers.add(f.numberNode(BigInteger.valueOf(n)));
            numbers.add(DecimalNode.valueOf(BigDecimal.valueOf(n)));
            numbers.add(DecimalNode.valueOf(new BigDecimal(n + ".0")));
            numbers.add(f.numberNode((double) n));
            if (n == (int) n) {
                numbers.add(f.numberNode((int) n));
            }
        }
        for (String d : new String[] {"64e0", "6.4E+1", "0.5", "-0.0", "18446744073709551615", "18446744073709551616",
            "18446744073709551615.5", "1E+30"}) {
            numbers.add(DecimalNode.valueOf(new BigDecimal(d)));
        }
        numbers.add(f.numberNode(new BigInteger("18446744073709551615")));
        numbers.add(f.numberNode(new BigInteger("18446744073709551616")));
        numbers.add(TextNode.valueOf("64"));
        numbers.add(f.arrayNode().add(64L));
        numbers.add(f.arrayNode().add(DecimalNode.valueOf(new BigDecimal("64.0"))));
        for (String schema : new String[] {"{\"enum\": [64, 32, \"64\"]}", "{\"enum\": [64.0, 1e30]}",
            "{\"enum\": [[64], 18446744073709551615]}", "{\"const\": 64}", "{\"const\": 18446744073709551615}",
            "{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 4294967295}",
            "{\"type\": \"integer\", \"minimum\": 1, \"maximum\": 18446744073709551615}",
            "{\"minimum\": 0.5, \"maximum\": 64}", "{\"type\": \"number\", \"maximum\": 255}",
            "{\"type\": [\"integer\", \"string\"], \"minimum\": 32}"}) {
            JsonNode tree = m.readTree(schema);
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree);
            SchemaValidity quick = SchemaValidity.of(tree);
            for (JsonNode n : numbers) {
                assertEquals(validator.validate(n).isEmpty(), quick.valid(n), schema + " for " + n + " (" + n.getClass().getSimpleName() + ")");
            }
        }
    }

    @Test
    void theKeywordsThePolicySchemaMayUseNextAgreeWithTheValidator() throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> instances = new ArrayList<>(VALUES);
        instances.add(f.arrayNode().add("a").add("b").add("c"));
        instances.add(f.objectNode().put("a", 1L).put("b", "x"));
        instances.add(f.objectNode().put("a", "x").put("b", "y").put("c", true));
        for (String schema : new String[] {"{\"maxItems\": 2}", "{\"type\": \"array\", \"minItems\": 1, \"maxItems\": 1}",
            "{\"minProperties\": 1, \"maxProperties\": 2}",
            "{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"integer\"}, {\"const\": 1}]}",
            "{\"oneOf\": [{\"required\": [\"a\"]}, {\"required\": [\"b\"]}]}", "{\"oneOf\": [true, {\"type\": \"array\"}]}"}) {
            JsonNode tree = m.readTree(schema);
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree);
            SchemaValidity quick = SchemaValidity.of(tree);
            for (JsonNode n : instances) {
                assertEquals(validator.validate(n).isEmpty(), quick.valid(n), schema + " for " + n);
            }
        }
    }

    @Test
    void aKeywordItDoesNotKnowIsRefused() throws IOException {
        ObjectMapper m = new ObjectMapper();
        for (String schema : new String[] {"{\"format\": \"ipv4\"}", "{\"properties\": {\"a\": {\"$ref\": \"#\"}}}",
            "{\"minContains\": 2, \"contains\": {}}", "{\"type\": \"any\"}", "{\"then\": {}}", "{\"enum\": {}}",
            "{\"patternProperties\": {}}", "{\"exclusiveMinimum\": 1}"}) {
            assertThrows(IllegalArgumentException.class, () -> SchemaValidity.of(m.readTree(schema)), schema);
        }
    }

    private static void assertAgrees(JsonNode doc) {
        boolean networknt = NETWORKNT.validate(doc).isEmpty();
        assertEquals(networknt, QUICK.valid(doc), () -> "networknt says " + (networknt ? "valid" : NETWORKNT.validate(doc))
                + " for " + doc);
    }

    /** A copy of one of the repository's policies with one to four random edits (one in half the cases). */
    private static JsonNode edited(Random r) {
        JsonNode doc = SEEDS.get(r.nextInt(SEEDS.size())).deepCopy();
        int edits = r.nextBoolean() ? 1 : 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            List<JsonNode> containers = new ArrayList<>();
            containers(doc, containers);
            JsonNode c = containers.get(r.nextInt(containers.size()));
            if (c instanceof ObjectNode o) {
                List<String> fields = new ArrayList<>();
                o.fieldNames().forEachRemaining(fields::add);
                int op = r.nextInt(4);
                if (op == 0 && !fields.isEmpty()) {
                    o.remove(fields.get(r.nextInt(fields.size())));
                } else if (op == 1 || fields.isEmpty()) {
                    o.set(NAMES.get(r.nextInt(NAMES.size())), value(r, doc));
                } else {
                    o.set(fields.get(r.nextInt(fields.size())), value(r, doc));
                }
            } else if (c instanceof ArrayNode a) {
                int op = r.nextInt(4);
                if (op == 0 && !a.isEmpty()) {
                    a.remove(r.nextInt(a.size()));
                } else if (op == 1 && !a.isEmpty()) {
                    a.add(a.get(r.nextInt(a.size())).deepCopy());
                } else if (op == 2 || a.isEmpty()) {
                    a.add(value(r, doc));
                } else {
                    a.set(r.nextInt(a.size()), value(r, doc));
                }
            }
        }
        return doc;
    }

    /** A value from the pool, or a part of some policy (grafted). */
    private static JsonNode value(Random r, JsonNode doc) {
        if (r.nextInt(4) == 0) {
            List<JsonNode> parts = new ArrayList<>();
            containers(SEEDS.get(r.nextInt(SEEDS.size())), parts);
            return parts.get(r.nextInt(parts.size())).deepCopy();
        }
        return VALUES.get(r.nextInt(VALUES.size())).deepCopy();
    }

    private static void containers(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(child -> containers(child, out));
        }
    }

    /** Every property name and every const and enum value the schema has. */
    private static void collect(JsonNode schema, Set<String> names, Set<JsonNode> values) {
        if (schema.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("properties")) {
                    e.getValue().fieldNames().forEachRemaining(names::add);
                } else if (e.getKey().equals("const")) {
                    values.add(e.getValue());
                } else if (e.getKey().equals("enum")) {
                    e.getValue().forEach(values::add);
                }
                collect(e.getValue(), names, values);
            }
        } else if (schema.isArray()) {
            schema.forEach(child -> collect(child, names, values));
        }
    }

    /** The policy documents of the repository: the examples (valid and invalid) and the test fixtures. */
    private static List<JsonNode> seeds() {
        List<JsonNode> out = new ArrayList<>();
        YamlLoader loader = new YamlLoader();
        for (Path root : List.of(Path.of("..", "examples"), Path.of("src", "test", "resources"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    for (SourceDocument doc : loader.load(f, new Diagnostics())) {
                        if ("VipPolicy".equals(doc.tree().path("kind").asText())) {
                            out.add(doc.tree());
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
