package org.vipctl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema reader that needs no ObjectMapper gives the tree and the text Jackson's own would. */
class JsonTreeTest {

    @Test
    void theSchemasReadToTheSameTreesAsObjectMapperGives() throws IOException {
        for (String resource : new String[] {"/org/vipctl/schemas/vipctl-policy.schema.json",
            "/org/vipctl/schemas/vipctl-catalog.schema.json"}) {
            try (InputStream a = SchemaCheck.class.getResourceAsStream(resource);
                 InputStream b = SchemaCheck.class.getResourceAsStream(resource)) {
                assertEquals(new ObjectMapper().readTree(a), JsonTree.read(b), resource);
            }
        }
    }

    @Test
    void textNodesPrintAsJacksonPrintsThem() {
        for (String s : new String[] {"perProgram", "", "quote \" and \\ backslash", "line\nbreak\ttab", "\u0007\u001f",
            "é漢\uD83D\uDE00", "</script>"}) {
            assertEquals(new TextNode(s).toString(), new JsonTree.QuotedText(s).toString(), s);
        }
    }

    @Test
    void everyNodeOfTheSchemasPrintsAsJacksonPrintsIt() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String resource : new String[] {"/org/vipctl/schemas/vipctl-policy.schema.json",
            "/org/vipctl/schemas/vipctl-catalog.schema.json"}) {
            try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
                List<JsonNode> nodes = new ArrayList<>();
                collect(JsonTree.read(in), nodes);
                for (JsonNode n : nodes) {
                    assertEquals(mapper.writeValueAsString(n), n.toString(), resource);
                }
            }
        }
    }

    @Test
    void valuesOfEveryKindPrintAsJacksonPrintsThem() throws IOException {
        String json = "{\"a\":[1,-2,3000000000,123456789012345678901234567890,1.5,-0.0,1e300,true,false,null,"
                + "\"x\\\"y\",{},[]],\"\":{\"n\\u0001\":{\"deep\":[[]]}},\"é\":\"\uD83D\uDE00\"}";
        JsonNode ours = JsonTree.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        JsonNode jackson = new ObjectMapper().readTree(json);
        assertEquals(jackson, ours);
        assertEquals(jackson.toString(), ours.toString());
        assertEquals(jackson.get("a").toString(), ours.get("a").toString());
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        out.add(n);
        n.forEach(child -> collect(child, out));
    }

    @Test
    void contentAfterTheValueIsAnError() {
        assertThrows(IOException.class, () -> JsonTree.read(new ByteArrayInputStream("{} {}".getBytes(StandardCharsets.UTF_8))));
    }
}
