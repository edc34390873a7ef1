package org.vipctl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
    void contentAfterTheValueIsAnError() {
        assertThrows(IOException.class, () -> JsonTree.read(new ByteArrayInputStream("{} {}".getBytes(StandardCharsets.UTF_8))));
    }
}
