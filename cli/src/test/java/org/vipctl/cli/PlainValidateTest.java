package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code validate PATH...} is parsed without picocli's model (Main.plainValidate): every command
 * line that takes that way must give the command exactly the fields picocli gives it, and every
 * other command line must go to picocli.
 */
class PlainValidateTest {

    @Property(tries = 300)
    void aPlainValidateHasTheFieldsPicocliGivesIt(@ForAll("commandLines") List<String> args) throws Exception {
        String[] a = args.toArray(String[]::new);
        ValidateCommand plain = Main.plainValidate(a);
        if (plain == null) {
            return;
        }
        CommandLine cmd = Main.fullCommandLine();
        cmd.setCaseInsensitiveEnumValuesAllowed(true); // as Main.run sets it
        CommandLine.ParseResult parsed = cmd.parseArgs(a);
        assertTrue(parsed.hasSubcommand(), args.toString());
        assertEquals(List.of(), parsed.unmatched(), args.toString());
        Object picocli = parsed.subcommand().commandSpec().userObject();
        assertEquals(ValidateCommand.class, picocli.getClass());
        assertSameOptions(picocli, plain, args.toString());
        assertSameOptions(parsed.commandSpec().userObject(), new Main(), args.toString());
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("examples", "examples/", "a b.yaml", "x=y", "--format=json", "json", "compile", "help",
                        "validate", "--", "-", "-h", "--catalog", "c.yaml", "@args.txt", "", " ", "--debug", "é.yaml",
                        "a\u0000b", "--max-input", "policy=1K", "-V", "--fail-on", "warning"),
                Arbitraries.strings().ofMaxLength(6));
        return word.list().ofMaxSize(4).map(rest -> {
            List<String> all = new ArrayList<>();
            all.add("validate");
            all.addAll(rest);
            return all;
        });
    }

    @Test
    void pathsAloneTakeThePlainWay() {
        assertNotNull(Main.plainValidate(new String[] {"validate", "examples"}));
        assertNotNull(Main.plainValidate(new String[] {"validate", "a.yaml", "b.yml", "policies/"}));
    }

    @Test
    void everythingElseGoesToPicocli() {
        for (String[] args : new String[][] {{}, {"validate"}, {"compile", "examples"}, {"validate", "--format", "json", "x"},
            {"validate", "x", "--debug"}, {"validate", "--", "x"}, {"validate", "@args"}, {"validate", ""},
            {"validate", "-"}, {"validate", "a\u0000b"}, {"--debug", "validate", "x"}, {"valdiate", "x"}}) {
            assertNull(Main.plainValidate(args), String.join(" ", args));
        }
    }

    @Test
    void aPlainValidateReportsAsPicocliWould(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: vipctl/v1\nkind: VipPolicy\n");
        Cli.Result plain = Cli.run("validate", bad.toString());
        Cli.Result picocli = Cli.run("validate", "--fail-on", "error", bad.toString());
        assertEquals(1, plain.code());
        assertEquals(picocli.toString(), plain.toString());
        Path gone = dir.resolve("gone");
        assertEquals(Cli.run("validate", "--", gone.toString()).toString(), Cli.run("validate", gone.toString()).toString());
        assertFalse(Cli.run("validate", Cli.examples().toString()).out().isEmpty());
    }

    /** Every field picocli sets (options, parameters, and those of mixins, recursively) is equal. */
    private static void assertSameOptions(Object expected, Object actual, String args) throws IllegalAccessException {
        for (Field f : expected.getClass().getDeclaredFields()) {
            f.setAccessible(true);
            if (f.isAnnotationPresent(CommandLine.Mixin.class)) {
                assertSameOptions(f.get(expected), f.get(actual), args);
            } else if (f.isAnnotationPresent(CommandLine.Option.class) || f.isAnnotationPresent(CommandLine.Parameters.class)) {
                assertEquals(f.get(expected), f.get(actual), f.getName() + " of " + args);
            }
        }
    }
}
