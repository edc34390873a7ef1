package org.vipctl.admx.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.emit.admx.Fixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Many copies of Microsoft's files, each with its own namespaces (as bench/make-synthetic-store.py
 * writes them): read in parallel, checked as one store, with exactly the reference store's
 * warnings once per copy and no error.
 */
class LargeStoreTest {

    private static final Pattern NAMESPACE = Pattern.compile("namespace=\"(Microsoft\\.Policies\\.(?:Windows|TerminalServer|TerminalServer-Server))\"");

    @Test
    void copiesOfTheReferenceStoreLintWithoutErrors(@TempDir Path tmp) throws IOException {
        assumeTrue(Fixtures.hasReferenceStore(), "../shared/reference/admx is not present");
        int copies = 12;
        Path ref = Fixtures.referenceStore();
        Files.createDirectories(tmp.resolve("en-US"));
        for (int i = 0; i < copies; i++) {
            for (String name : List.of("Windows", "TerminalServer", "TerminalServer-Server")) {
                String admx = Files.readString(ref.resolve(name + ".admx"), StandardCharsets.UTF_8);
                int copy = i;
                Matcher m = NAMESPACE.matcher(admx);
                admx = m.replaceAll(r -> Matcher.quoteReplacement("namespace=\"" + r.group(1) + ".Copy" + copy + "\""));
                Files.writeString(tmp.resolve(name + "_" + i + ".admx"), admx, StandardCharsets.UTF_8);
                Files.copy(ref.resolve("en-US/" + name + ".adml"), tmp.resolve("en-US/" + name + "_" + i + ".adml"));
            }
        }
        LintResult single = new AdmxLinter(false).lint(List.of(ref));
        LintResult many = new AdmxLinter(false).lint(List.of(tmp));
        assertFalse(many.hasErrors(), () -> many.diagnostics().stream().filter(Diagnostic::isError).toList().toString());
        assertEquals(3 * copies, many.admxFiles());
        assertEquals(3 * copies, many.admlFiles());
        assertEquals(byRule(single, copies), byRule(many, 1));
    }

    private static Map<String, Long> byRule(LintResult r, int factor) {
        return r.diagnostics().stream().collect(Collectors.groupingBy(Diagnostic::ruleId, TreeMap::new,
                Collectors.counting())).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue() * factor, (a, b) -> a, TreeMap::new));
    }
}
