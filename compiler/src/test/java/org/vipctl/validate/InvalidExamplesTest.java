package org.vipctl.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vipctl.Compilation;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;
import org.vipctl.diagnostic.Severity;

/**
 * examples/invalid: each file says in {@code # expect:} comments what vipctl reports on that line
 * (format in examples/invalid/README.md). A top-level file is checked alone, a subfolder as one set
 * of policies. Exactly the marked diagnostics must come out.
 */
class InvalidExamplesTest {

    private static final Pattern MARK = Pattern.compile(
            "expect:\\s*(?:(error|warning|note)\\s+)?(VIP\\d{3})(?:\\s+@(\\S+))?\\s+\"([^\"]*)\"");

    static Path examples() {
        Path repo = Path.of(System.getProperty("vipctl.repo", "."));
        Path p = repo.resolve("examples");
        return Files.isDirectory(p) ? p : Path.of("..").resolve("examples");
    }

    private record Expected(String file, int line, int column, String rule, Severity severity, String fragment) {
        String key() {
            return file + ":" + line + ":" + column + " " + severity.label() + " " + rule;
        }
    }

    /** Reads the marks; Latin-1 keeps every byte a character, so a file that is not UTF-8 is readable too. */
    private static List<Expected> marks(Path file) throws IOException {
        List<Expected> out = new ArrayList<>();
        List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf("expect:");
            if (hash < 0) {
                continue;
            }
            Matcher m = MARK.matcher(line);
            int found = 0;
            while (m.find()) {
                found++;
                String token = m.group(3);
                int column = token == null ? firstNonBlank(line) : line.indexOf(token) + 1;
                assertTrue(column > 0, file + ":" + (i + 1) + ": @" + token + " is not on the line");
                Severity severity = m.group(1) == null ? Severity.ERROR : Severity.valueOf(m.group(1).toUpperCase());
                out.add(new Expected(file.toString(), i + 1, column, m.group(2), severity, m.group(4)));
            }
            assertTrue(found > 0, file + ":" + (i + 1) + ": unreadable expect mark: " + line);
        }
        return out;
    }

    private static int firstNonBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) != ' ') {
                return i + 1;
            }
        }
        return 1;
    }

    private static List<Path> units() throws IOException {
        try (Stream<Path> s = Files.list(examples().resolve("invalid"))) {
            return s.filter(p -> Files.isDirectory(p) || p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFileReportsExactlyWhatItsMarksSay() throws IOException {
        return units().stream().map(unit -> DynamicTest.dynamicTest(unit.getFileName().toString(), () -> check(unit)));
    }

    private static void check(Path unit) throws IOException {
        List<Path> files;
        if (Files.isDirectory(unit)) {
            try (Stream<Path> s = Files.list(unit)) {
                files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
        } else {
            files = List.of(unit);
        }
        List<Expected> expected = new ArrayList<>();
        for (Path f : files) {
            expected.addAll(marks(f));
        }
        assertFalse(expected.isEmpty(), unit + " has no expect marks");
        Diagnostics out = new Diagnostics();
        Compilation.load(List.of(unit), Catalog.builtIn(), out);
        Map<String, Diagnostic> actual = new TreeMap<>();
        for (Diagnostic d : out.sorted()) {
            Diagnostic before = actual.put(d.location() + " " + d.severity().label() + " " + d.ruleId(), d);
            assertEquals(null, before, "two identical diagnostics at one place: " + d);
        }
        TreeSet<String> want = expected.stream().map(Expected::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(String.join("\n", want), String.join("\n", actual.keySet()),
                () -> "diagnostics of " + unit + ":\n" + out.sorted().stream()
                        .map(d -> d.location() + " " + d.ruleId() + " " + d.message()).collect(Collectors.joining("\n")));
        for (Expected e : expected) {
            String message = actual.get(e.key()).message();
            assertTrue(message.contains(e.fragment()), () -> e.key() + ": '" + message + "' lacks '" + e.fragment() + "'");
        }
    }

    @Test
    void everyRuleFamilyOfPolicyFilesHasAnExample() throws IOException {
        TreeSet<String> families = new TreeSet<>();
        for (Path unit : units()) {
            List<Path> files = Files.isDirectory(unit) ? Files.list(unit).toList() : List.of(unit);
            for (Path f : files) {
                marks(f).forEach(e -> families.add(e.rule().substring(0, 5)));
            }
        }
        TreeSet<String> all = new TreeSet<>();
        for (Rule r : Rule.values()) {
            all.add(r.id().substring(0, 5));
        }
        // Not about policy files: catalog and GPO folders (VIP07x), ADMX/ADML files (VIP08x, VIP09x),
        // import sources (VIP10x).
        all.removeAll(List.of("VIP07", "VIP08", "VIP09", "VIP10"));
        assertEquals(all, families);
    }

    @Test
    void theFolderAsAWholeFailsWithALocationForEveryError() {
        Diagnostics out = new Diagnostics();
        Compilation.load(List.of(examples().resolve("invalid")), Catalog.builtIn(), out);
        assertTrue(out.hasErrors());
        for (Diagnostic d : out.sorted()) {
            assertTrue(d.location().hasPosition(), () -> "no line:col: " + d);
        }
    }

    @Test
    void theExamplesAreValidAndSkipTheInvalidFolder() {
        Diagnostics out = new Diagnostics();
        Compilation c = Compilation.load(List.of(examples()), Catalog.builtIn(), out);
        assertTrue(out.isEmpty(), () -> out.sorted().toString());
        assertTrue(c.policies().size() >= 4);
        assertTrue(Files.exists(examples().resolve("invalid/.vipctlignore")));
    }
}
