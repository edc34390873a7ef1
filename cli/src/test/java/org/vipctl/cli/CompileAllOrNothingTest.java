package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compile -o writes everything or nothing: an output that cannot be placed leaves the folder exactly
 * as it was; outputs of policies no longer compiled are removed, files compile did not write stay.
 */
class CompileAllOrNothingTest {

    @TempDir
    Path tmp;

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                out.put(rel, Files.isDirectory(p) ? "<dir>" : sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cli.Result compile(Path out, String... policies) {
        String[] args = new String[3 + policies.length];
        args[0] = "compile";
        args[1] = "-o";
        args[2] = out.toString();
        for (int i = 0; i < policies.length; i++) {
            args[3 + i] = Cli.examples().resolve(policies[i]).toString();
        }
        return Cli.run(args);
    }

    @Test
    void anOutputThatCannotBePlacedLeavesTheFolderExactlyAsItWas() throws IOException {
        Path out = tmp.resolve("out");
        Cli.Result first = compile(out, "licence-loopback.yaml");
        assertEquals(0, first.code(), first.toString());
        // a file where compile needs the reg folder (written last): the .reg outputs cannot be placed,
        // as with access denied on that folder (which root, running these tests, would not see)
        Files.delete(out.resolve("reg/licence-loopback.reg"));
        Files.delete(out.resolve("reg"));
        Files.writeString(out.resolve("reg"), "in the way");
        Map<String, String> before = tree(out);

        Cli.Result failed = compile(out, "licence-loopback.yaml", "custom-registry.yaml",
                "crm-ip-virtualization.yaml", "cti-citrix-loopback.yaml");
        assertEquals(1, failed.code(), failed.toString());
        assertTrue(failed.err().strip().lines().reduce((a, b) -> b).orElse("").contains("reg"), failed.err());
        assertEquals(before, tree(out), "the output folder is exactly as before");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(java.util.List.of("out"), s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".vipctl.lock")).toList(), "no staging folder left beside the output");
        }
    }

    @Test
    void outputsOfPoliciesNoLongerCompiledAreRemovedAndOtherFilesStay() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, compile(out, "licence-loopback.yaml", "custom-registry.yaml").code());
        assertTrue(Files.exists(out.resolve("reg/crm-client-settings.reg")));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("reg/by-hand.reg"), "mine too");

        Cli.Result second = compile(out, "licence-loopback.yaml");
        assertEquals(0, second.code(), second.toString());
        assertFalse(Files.exists(out.resolve("reg/crm-client-settings.reg")), "output of a policy no longer compiled");
        assertTrue(Files.exists(out.resolve("reg/licence-loopback.reg")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals("mine too", Files.readString(out.resolve("reg/by-hand.reg")));
    }

    @Test
    void anOutputChangedByHandSinceTheLastCompileIsNotRemoved() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, compile(out, "licence-loopback.yaml", "custom-registry.yaml").code());
        Files.writeString(out.resolve("reg/crm-client-settings.reg"), "edited by hand");
        Cli.Result second = compile(out, "licence-loopback.yaml");
        assertEquals(0, second.code(), second.toString());
        assertEquals("edited by hand", Files.readString(out.resolve("reg/crm-client-settings.reg")));
        assertTrue(second.out().contains("reg/crm-client-settings.reg"), "the kept file is named: " + second.out());
    }

    @Test
    void aSecondCompileOfTheSameInputLeavesTheSameBytes() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, compile(out, "licence-loopback.yaml").code());
        Map<String, String> once = tree(out);
        assertEquals(0, compile(out, "licence-loopback.yaml").code());
        assertEquals(once, tree(out));
        byte[] reg = Files.readAllBytes(out.resolve("reg/licence-loopback.reg"));
        assertArrayEquals(reg, Files.readAllBytes(out.resolve("reg/licence-loopback.reg")));
    }
}
