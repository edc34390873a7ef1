package org.vipctl.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;

/** Any text written as a scalar reads back as that same text, in block and in flow position, and comments stay one line. */
class YamlScalarsPropertyTest {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30).filter(RegistryEntries::representable),
                Arbitraries.strings().withChars("-:#,[]{}'\"!&*|>%@`?~ \t\r\n.0123456789aeEinfxNYTso").ofMaxLength(8),
                Arbitraries.of("true", "False", "NO", "on", "~", "null", "1e3", ".5", "-.inf", ".NaN", "0x1F", "0o17", "1_000",
                        "12:30:45", "2024-01-02", "...", "---", "- x", "a: b", "a #b", "\u2028", "\u0085", "\uFEFF", "\u007f",
                        "\uD83D\uDE00 smile", "C:\\Program Files\\x", "192.0.2.96/24", "crm.exe"));
    }

    private static JsonNode read(String yaml) {
        Diagnostics d = new Diagnostics();
        List<SourceDocument> docs = new YamlLoader().parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), d);
        assertFalse(d.hasErrors(), () -> d.sorted() + "\n" + yaml);
        return docs.get(0).tree();
    }

    @Property(tries = 2000)
    void scalarsReadBackExactly(@ForAll("texts") String s) {
        String scalar = YamlScalars.scalar(s);
        String yaml = "# " + YamlScalars.comment(s) + "\nblock: " + scalar + "  # " + YamlScalars.comment(s) + "\n"
                + "flow: [" + scalar + ", x]\nmap: {k: " + scalar + ", n: 1}\nquoted: " + YamlScalars.quoted(s) + "\n";
        JsonNode t = read(yaml);
        assertEquals(s, t.get("block").asText(), yaml);
        assertEquals(true, t.get("block").isTextual(), yaml);
        assertEquals(s, t.get("flow").get(0).asText(), yaml);
        assertEquals(2, t.get("flow").size(), yaml);
        assertEquals(s, t.get("map").get("k").asText(), yaml);
        assertEquals(s, t.get("quoted").asText(), yaml);
        assertEquals(5, yaml.split("\n", -1).length - 1, "every line stays one line: " + yaml);
    }

    @Example
    void plainWhereTheExamplesArePlain() {
        assertEquals("crm.exe", YamlScalars.scalar("crm.exe"));
        assertEquals("192.0.2.96/24", YamlScalars.scalar("192.0.2.96/24"));
        assertEquals("Contact Centre", YamlScalars.scalar("Contact Centre"));
        assertEquals("'9000'", YamlScalars.scalar("9000"));
        assertEquals("'true'", YamlScalars.scalar("true"));
        assertEquals("''", YamlScalars.scalar(""));
        assertEquals("'it''s'", YamlScalars.scalar("it's"));
        assertEquals("\"a\\nb\"", YamlScalars.scalar("a\nb"));
    }
}
