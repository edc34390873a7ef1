package org.vipctl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schemas' build-time form holds the tree the JSON gives, in nodes that print themselves as Jackson would. */
class PreparsedSchemasTest {

    @Test
    void theBuildWroteEveryFormAndItEqualsTheJson() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String schema : PreparsedSchemas.SCHEMAS) {
            Optional<JsonNode> form = PreparsedSchemas.read(schema);
            assertTrue(form.isPresent(), PreparsedSchemas.form(schema) + " is missing from the build output:"
                    + " compiler/pom.xml writes it in the process-classes phase");
            JsonNode json = JsonTree.read(schema);
            assertEquals(json, form.get(), schema);
            List<JsonNode> a = new ArrayList<>();
            List<JsonNode> b = new ArrayList<>();
            collect(json, a);
            collect(form.get(), b);
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).getClass(), b.get(i).getClass(), schema);
                assertEquals(mapper.writeValueAsString(a.get(i)), b.get(i).toString(), schema);
            }
        }
    }

    @Test
    void theChecksUseTheForm() {
        assertEquals(PreparsedSchemas.read(PreparsedSchemas.SCHEMAS.get(0)).orElseThrow(), SchemaCheck.policyTree());
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        out.add(n);
        n.forEach(child -> collect(child, out));
    }
}
