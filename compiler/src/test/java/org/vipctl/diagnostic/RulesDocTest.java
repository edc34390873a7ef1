package org.vipctl.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docs/rules.md is the one source of rule help: one complete section per rule id, in id order. */
class RulesDocTest {

    private static Path doc() {
        Path repo = Path.of(System.getProperty("vipctl.repo", "."));
        return Files.exists(repo.resolve("docs/rules.md")) ? repo.resolve("docs/rules.md") : Path.of("../docs/rules.md");
    }

    @Test
    void everyRuleHasOneSectionInIdOrder() throws IOException {
        Path doc = doc();
        Assumptions.assumeTrue(Files.exists(doc), "docs/rules.md not found");
        Matcher m = Pattern.compile("(?m)^### (VIP\\d{3}) — ").matcher(Files.readString(doc));
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertEquals(Arrays.stream(Rule.values()).map(Rule::id).sorted().toList(), ids, "one section per rule, in id order");
    }

    @Test
    void theDataInTheJarIsTheDocsPage() throws IOException {
        Path doc = doc();
        Assumptions.assumeTrue(Files.exists(doc), "docs/rules.md not found");
        try (InputStream in = RuleDocs.class.getResourceAsStream(RuleDocs.RESOURCE)) {
            assertEquals(Files.readString(doc), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the packed copy is docs/rules.md itself (rebuild after editing it)");
        }
    }

    @Test
    void everySectionHasADescriptionAnExampleAndAFixOrReason() {
        RuleDocs docs = RuleDocs.builtIn();
        for (Rule rule : Rule.values()) {
            RuleDoc d = docs.get(rule.id()).orElseThrow(() -> new AssertionError("no section for " + rule.id()));
            assertFalse(d.title().isBlank(), rule.id());
            assertFalse(d.description().isBlank(), rule.id() + " has no description");
            assertTrue(d.exampleText().isPresent(), rule.id() + " has no example");
            assertFalse(d.example().contains("```"), rule.id() + ": fence left in the example");
            assertEquals(rule.summary(), d.title());
            String text = d.text();
            assertTrue(text.startsWith(rule.id() + " — " + d.title()), text);
            assertFalse(text.contains("*Fix:*") || text.contains("*Example:*"), "markers are parsed, not shown: " + text);
        }
    }

    @Test
    void parsesTheStructuredParts() {
        RuleDocs docs = RuleDocs.parse("""
                # Title

                ## Family (VIP900–VIP901)

                ### VIP900 — Something is off (warning)

                Why it matters, with `code` and a [link](other.md).

                *Example:*

                ```yaml
                a: 1

                b: 2
                ```

                *Fix:* do *this*.

                *Source:* Vendor, "Doc".

                ### VIP901 — Other

                Body.
                """);
        RuleDoc d = docs.get("VIP900").orElseThrow();
        assertEquals("Something is off", d.title());
        assertEquals(Severity.WARNING, d.severity());
        assertEquals("a: 1\n\nb: 2\n", d.example());
        assertEquals("do *this*.", d.fix());
        assertEquals("Vendor, \"Doc\".", d.source());
        assertEquals("Why it matters, with `code` and a [link](other.md).", d.description());
        assertTrue(d.text().contains("Why it matters, with code and a link (other.md)."), d.text());
        assertTrue(d.text().contains("Fix: do this."), d.text());
        assertEquals(Severity.ERROR, docs.get("VIP901").orElseThrow().severity());
        assertEquals("https://vipctl.org/docs/rules#vip900", d.helpUri());
    }
}
