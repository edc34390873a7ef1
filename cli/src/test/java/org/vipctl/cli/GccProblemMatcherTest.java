package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text output's promise to CI (docs/gitops.md): the pattern of GitHub's gcc problem matcher
 * matches every finding line that vipctl lists, over every example policy and an ADMX store with
 * notes. A text run's standard output is finding lines, each followed by at most one hint line,
 * then the summary as its last line.
 */
class GccProblemMatcherTest {

    /** The pattern of GitHub's gcc problem matcher (ammaraskar/gcc-problem-matcher, gcc_matcher.json). */
    static final Pattern GCC = Pattern.compile("^(.*):(\\d+):(\\d+):\\s+(?:fatal\\s+)?(warning|error):\\s+(.*)$");

    /**
     * A hint line as {@code Renderer.text} writes it: four spaces, {@code hint: } and the hint, which is
     * never empty (a finding without a hint has no hint line) and never spans lines (line breaks in it
     * are escaped).
     */
    static final Pattern HINT = Pattern.compile("^ {4}hint: \\S.*$");

    /** The counts that close a summary line; group 1 is the number of notes. */
    private static final String COUNTS = "\\d+ errors?, \\d+ warnings?, (\\d+) notes?"
            + "(?: \\(not listed; --notes lists (?:it|them)\\))?(?:, \\d+ suppressed)?";

    static final Pattern VALIDATE_SUMMARY = Pattern.compile(
            "^(?:valid|invalid|failed \\(--fail-on \\w+\\)): \\d+ polic(?:y|ies)(?:, errors in \\d+ files?)?; " + COUNTS + "$");

    static final Pattern LINT_SUMMARY = Pattern.compile("^(?:ok|errors): \\d+ ADMX and \\d+ ADML files \\(.*\\); " + COUNTS + "$");

    /** What one text run listed: its finding lines and the notes its summary counts. */
    record Tally(List<String> findingLines, int notesCounted, String summary) {
    }

    /**
     * Checks the shape of a text run's standard output and returns its finding lines: the last line
     * is the summary; every other line is a hint line right after a finding line, or a finding line,
     * and every finding line matches the gcc pattern.
     */
    static Tally check(String what, String stdout, Pattern summary) {
        List<String> lines = stdout.lines().toList();
        assertFalse(lines.isEmpty(), what + ": no output");
        String last = lines.get(lines.size() - 1);
        Matcher s = summary.matcher(last);
        assertTrue(s.matches(), what + ": the last line is not the summary: " + last);
        List<String> findings = new ArrayList<>();
        boolean afterFinding = false;
        for (String line : lines.subList(0, lines.size() - 1)) {
            if (line.startsWith("    hint: ")) {
                assertTrue(HINT.matcher(line).matches(), what + ": malformed hint line: " + line);
                assertTrue(afterFinding, what + ": a hint line that does not follow a finding line: " + line);
                afterFinding = false;
                continue;
            }
            assertTrue(GCC.matcher(line).matches(), what + ": a finding line the gcc problem matcher does not match: " + line);
            findings.add(line);
            afterFinding = true;
        }
        return new Tally(findings, Integer.parseInt(s.group(1)), last);
    }

    /** Each example policy file and folder on its own, then examples/ and examples/invalid/ whole. */
    static List<Path> everyExample() throws IOException {
        Path examples = ValidateCommandTest.examples();
        List<Path> all = new ArrayList<>();
        for (Path folder : List.of(examples, examples.resolve("invalid"))) {
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(p -> Files.isDirectory(p) ? !p.equals(examples.resolve("invalid"))
                                : p.getFileName().toString().matches(".*\\.ya?ml"))
                        .sorted().forEach(all::add);
            }
            all.add(folder);
        }
        return all;
    }

    @Test
    void everyListedFindingLineOfEveryExampleMatchesTheGccProblemMatcher() throws IOException {
        List<Path> examples = everyExample();
        assertTrue(examples.size() > 25, examples::toString);
        int findingLines = 0;
        int notesLeftOut = 0;
        for (Path p : examples) {
            ValidateCommandTest.Result r = ValidateCommandTest.run("validate", p.toString());
            assertEquals("", r.err(), p + ": findings go to standard output");
            Tally t = check("validate " + p, r.out(), VALIDATE_SUMMARY);
            findingLines += t.findingLines().size();
            notesLeftOut += t.notesCounted();
            if (t.notesCounted() > 0) {
                assertTrue(t.summary().contains(" (not listed; --notes lists "), t.summary());
            }
        }
        assertTrue(findingLines > 50, "finding lines checked: " + findingLines);
        assertTrue(notesLeftOut > 0, "the examples have notes, so leaving them out was exercised");
    }

    @Test
    void everyListedFindingLineOfAnAdmxStoreWithNotesMatchesTheGccProblemMatcher(@TempDir Path tmp) throws IOException {
        Path store = NotesOptionTest.admxStoreWithANote(tmp);
        ValidateCommandTest.Result r = ValidateCommandTest.run("admx", "lint", store.toString());
        assertEquals(0, r.code(), r.out());
        Tally t = check("admx lint", r.out(), LINT_SUMMARY);
        assertFalse(t.findingLines().isEmpty(), r.out());
        assertEquals(1, t.notesCounted(), r.out());
    }
}
