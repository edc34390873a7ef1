package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What a {@code validate PATH...} of valid policies does not do at start (docs/startup.md), seen in
 * the classes the packaged jar initialises: no picocli model, no JSON Schema validator, no
 * ObjectMapper, no JSON parser, no BigDecimal. Counts no time: a class initialised again names the
 * change that brought it back.
 */
class StartupWorkIT {

    /** Class name prefixes a valid plain validate must not initialise, with the reason. */
    private static final List<String[]> NOT_INITIALISED = List.of(
            new String[] {"picocli.CommandLine$Model", "validate PATH... runs without picocli's model (Main.plainValidate)"},
            new String[] {"com.networknt.schema.", "valid documents are checked by schema.SchemaValidity alone"},
            new String[] {"com.fasterxml.jackson.databind.ObjectMapper", "schema nodes print themselves (schema.JsonTree)"},
            new String[] {"com.fasterxml.jackson.core.base.ParserMinimalBase",
                "the schemas are read from their build-time form (schema.PreparsedSchemas)"},
            new String[] {"java.math.BigDecimal", "whole numbers are compared as longs (schema.SchemaValidity)"});

    @Test
    void aValidPlainValidateInitialisesNoneOfTheSetUpItAvoids() throws Exception {
        Set<String> initialised = initialisedClasses("validate", "examples");
        assertTrue(initialised.contains("org.vipctl.cli.ValidateCommand"), "the class list is read: " + initialised.size());
        for (String[] c : NOT_INITIALISED) {
            List<String> found = initialised.stream().filter(n -> n.startsWith(c[0])).toList();
            assertTrue(found.isEmpty(), c[1] + ", yet initialised: " + found);
        }
    }

    @Test
    void anInvalidPolicyStillGetsTheValidatorsFindings() throws Exception {
        Set<String> initialised = initialisedClasses("validate", "examples/invalid/schema-errors.yaml");
        assertTrue(initialised.stream().anyMatch(n -> n.startsWith("com.networknt.schema.")), "the validator reports the findings");
    }

    /** The classes the packaged jar initialises for {@code args}, from the JVM's class+init log. */
    private static Set<String> initialisedClasses(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:class+init=info:stdout", "-jar",
                PackagedCli.jar().toString()));
        cmd.addAll(List.of(args));
        PackagedCli.Result r = PackagedCli.exec(cmd, PackagedCli.repo(), 180, StandardCharsets.UTF_8);
        assertFalse(r.out().isEmpty(), r.toString());
        Set<String> names = new TreeSet<>();
        for (String line : r.out().split("\n")) {
            int at = line.indexOf("Initializing '");
            if (at >= 0) {
                int start = at + "Initializing '".length();
                int end = line.indexOf('\'', start);
                if (end > start) {
                    names.add(line.substring(start, end).replace('/', '.'));
                }
            }
        }
        if (args.length == 2 && args[1].equals("examples")) {
            assertEquals(0, r.code(), r.toString());
        }
        return names;
    }
}
