package org.vipctl.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docs/rules.md has one section per rule id, in id order, titled with the rule's summary. */
class RulesDocTest {

    @Test
    void everyRuleHasItsSection() throws IOException {
        Path repo = Path.of(System.getProperty("vipctl.repo", "."));
        Path doc = Files.exists(repo.resolve("docs/rules.md")) ? repo.resolve("docs/rules.md") : Path.of("../docs/rules.md");
        Assumptions.assumeTrue(Files.exists(doc), "docs/rules.md not found from " + repo.toAbsolutePath());
        String text = Files.readString(doc);
        Matcher m = Pattern.compile("(?m)^### (VIP\\d{3}) — (.+)$").matcher(text);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
            Rule rule = Rule.byId(m.group(1)).orElseThrow(() -> new AssertionError("no such rule: " + m.group(1)));
            String title = m.group(2).replaceAll(" \\((warning|note)\\)$", "");
            assertTrue(rule.summary().startsWith(title) || title.startsWith(rule.summary().split(" ")[0]),
                    rule.id() + ": '" + title + "' vs '" + rule.summary() + "'");
        }
        assertEquals(java.util.Arrays.stream(Rule.values()).map(Rule::id).sorted().toList(), ids,
                "one section per rule, in id order");
    }
}
