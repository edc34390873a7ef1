package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI as a user meets it: exit codes, output, help texts. */
class PackagedCliIT {

    private static final String EXAMPLES = "examples";

    @Test
    void validateAcceptsTheExamples() throws Exception {
        PackagedCli.Result r = PackagedCli.run("validate", EXAMPLES);
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("valid: ")), r.toString());
        assertFalse((r.out() + r.err()).contains(": error: "), r.toString());
    }

    @Test
    void compilingRegTwiceGivesIdenticalBytes(@TempDir Path tmp) throws Exception {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        PackagedCli.Result a = PackagedCli.run("compile", "--emit", "reg", "-o", first.toString(), EXAMPLES);
        PackagedCli.Result b = PackagedCli.run("compile", "--emit", "reg", "-o", second.toString(), EXAMPLES);
        assertEquals(0, a.code(), a.toString());
        assertEquals(0, b.code(), b.toString());
        Map<String, byte[]> one = files(first);
        Map<String, byte[]> two = files(second);
        assertTrue(one.containsKey(".vipctl-manifest.json"), "compile lists what it wrote: " + one.keySet());
        assertFalse(one.isEmpty(), "compile wrote nothing: " + a);
        assertTrue(one.keySet().stream().allMatch(f -> f.equals(".vipctl-manifest.json") || f.startsWith("reg/") && f.endsWith(".reg")),
                one.keySet().toString());
        assertEquals(one.keySet(), two.keySet());
        one.forEach((name, bytes) -> assertArrayEquals(bytes, two.get(name), name));
        // and again into the same folder: replaced in place, still the same bytes
        PackagedCli.Result c = PackagedCli.run("compile", "--emit", "reg", "-o", first.toString(), EXAMPLES);
        assertEquals(0, c.code(), c.toString());
        files(first).forEach((name, bytes) -> assertArrayEquals(two.get(name), bytes, name));
    }

    @Test
    void versionNamesTheToolAndItsVersion() throws Exception {
        PackagedCli.Result r = PackagedCli.run("--version");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().lines().findFirst().orElse("").matches("vipctl \\d+\\.\\d+\\.\\d+.*"), r.toString());
    }

    @Test
    void everyCommandsHelpHasAnExamplesSection() throws Exception {
        Map<String, String> helps = new LinkedHashMap<>();
        collectHelp(List.of(), helps);
        assertTrue(helps.size() >= 3, "expected the top level and its commands: " + helps.keySet());
        assertTrue(helps.containsKey("validate") && helps.containsKey("compile"), helps.keySet().toString());
        helps.forEach((command, help) -> assertTrue(help.contains("\nExamples:\n"),
                "'vipctl " + command + " --help' has no Examples: section:\n" + help));
    }

    /** Runs {@code vipctl PATH --help} and recurses into the commands its "Commands:" section lists. */
    private static void collectHelp(List<String> path, Map<String, String> into) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        PackagedCli.Result r = PackagedCli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r);
        assertEquals("", r.err(), "help prints nothing on stderr (e.g. picocli format warnings): " + args);
        into.put(String.join(" ", path), r.out());
        for (String sub : subcommands(r.out())) {
            if (sub.equals("help")) {
                continue; // picocli's built-in help command documents itself
            }
            List<String> child = new ArrayList<>(path);
            child.add(sub);
            collectHelp(child, into);
        }
    }

    private static List<String> subcommands(String help) {
        List<String> names = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help.lines().toList()) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                break;
            } else if (inCommands && line.matches("  \\S.*")) {
                names.add(line.strip().split("[\\s,]+")[0]);
            }
        }
        return names;
    }

    @Test
    void aUsageErrorExits64WithAHint() throws Exception {
        PackagedCli.Result unknownOption = PackagedCli.run("validate", "--no-such-option", EXAMPLES);
        assertEquals(64, unknownOption.code(), unknownOption.toString());
        assertTrue(unknownOption.err().contains("--help"), unknownOption.toString());
        PackagedCli.Result noCommand = PackagedCli.run();
        assertEquals(64, noCommand.code(), noCommand.toString());
        PackagedCli.Result unknownFormat = PackagedCli.run("compile", "--emit", "no-such-format", EXAMPLES);
        assertEquals(64, unknownFormat.code(), unknownFormat.toString());
    }

    @Test
    void aMissingPathExits1WithOneErrorLineAndNoStackTrace(@TempDir Path tmp) throws Exception {
        Path missing = tmp.resolve("no-such-policy.yaml");
        for (String command : List.of("validate", "compile")) {
            List<String> args = new ArrayList<>(List.of(command));
            if (command.equals("compile")) {
                args.addAll(List.of("-o", tmp.resolve("out").toString()));
            }
            args.add(missing.toString());
            PackagedCli.Result r = PackagedCli.run(args.toArray(String[]::new));
            assertEquals(1, r.code(), command + ": " + r);
            // a diagnostic ("FILE:0:0: error: ... [VIP006]": stdout for validate, stderr for compile)
            List<String> errors = (r.out() + r.err()).lines().filter(l -> l.contains(": error: ") || l.startsWith("vipctl: error:")).toList();
            assertEquals(1, errors.size(), command + ": " + r);
            assertTrue(errors.get(0).contains(missing.toString()), command + ": " + r);
            String all = r.out() + r.err();
            assertFalse(all.contains("Exception") || all.contains("\tat "), command + " printed a stack trace: " + r);
            assertFalse(Files.exists(tmp.resolve("out")), "nothing is written on error");
        }
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
