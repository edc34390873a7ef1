package org.vipctl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;

/** Documents written in the preparsed form read back equal: node types, text and every position. */
class PreparsedDocumentsTest {

    private static final String YAML = """
            text: plain
            quoted: "tab\\there é 漢 \\U0001F600"
            empty: ""
            int: 42
            negative: -7
            hex: 0x1F
            big: 123456789012345678901234567890
            float: 1.50
            exp: 2.5e+3
            yes: true
            no: false
            nothing: null
            tilde: ~
            list: [a, 1, [b, {c: d}], {}]
            nested:
              "a/b~c": {deep: [[], []]}
            ---
            second: document
            """;

    @Test
    void documentsReadBackEqual() throws IOException {
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new YamlLoader().parse("catalog:test.yaml", YAML.getBytes(StandardCharsets.UTF_8), d);
        assertTrue(d.isEmpty(), d.sorted()::toString);
        assertEquals(2, docs.size());
        List<SourceDocument> back = roundTrip(docs);
        assertEquals(docs, back);
        for (int i = 0; i < docs.size(); i++) {
            assertEquals(docs.get(i).tree().toString(), back.get(i).tree().toString());
            assertEquals(docs.get(i).tree().get("big") == null ? null : docs.get(i).tree().get("big").getClass(),
                    back.get(i).tree().get("big") == null ? null : back.get(i).tree().get("big").getClass());
        }
    }

    @Test
    void aPositionInAnotherFileCannotBeWritten() {
        SourceDocument doc = new SourceDocument("a.yaml", 0, com.fasterxml.jackson.databind.node.NullNode.getInstance(),
                new Location("a.yaml", 1, 1), Map.of("", new Location("b.yaml", 1, 1)), Map.of());
        assertThrows(IOException.class, () -> PreparsedDocuments.write(List.of(doc), new ByteArrayOutputStream()));
    }

    @Test
    void otherBytesAreRefused() {
        assertThrows(IOException.class, () -> PreparsedDocuments.read(new ByteArrayInputStream("key: value".getBytes(StandardCharsets.UTF_8))));
    }

    private static List<SourceDocument> roundTrip(List<SourceDocument> docs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreparsedDocuments.write(docs, out);
        return PreparsedDocuments.read(new ByteArrayInputStream(out.toByteArray()));
    }
}
