package org.vipctl.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile --emit pol,gpo}, {@code --gpo-dir} and {@code pol show/diff} on the examples, through the packaged jar. */
class PolGpoIT {

    private static final Path REPO = Path.of(System.getProperty("vipctl.repo", "."));

    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("vipctl-out", ".txt");
        Path err = Files.createTempFile("vipctl-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(REPO.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Run(code, Files.readString(out), Files.readString(err));
    }

    private static Run vipctl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("vipctl.jar")));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private static boolean samba() throws IOException, InterruptedException {
        return Files.isExecutable(Path.of("/usr/bin/python3"))
                && run(List.of("/usr/bin/python3", "-c", "import samba.dcerpc.preg")).code() == 0;
    }

    @Test
    void examplesCompileToAGpoFolderThatSambaRepacksIdentically(@TempDir Path out) throws Exception {
        Run r = vipctl("compile", "--emit", "pol,gpo", "-o", out.toString(), "examples/");
        assertEquals(0, r.code(), r.err());
        Path pol = out.resolve("gpo/Machine/Registry.pol");
        String ini = Files.readString(out.resolve("gpo/GPT.INI"));
        assertEquals("[General]\r\nVersion=1\r\ngPCMachineExtensionNames=[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}"
                + "{D02B1F72-3407-48AE-BA88-E8213C6761F1}]\r\n", ini);
        Run show = vipctl("pol", "show", pol.toString());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("\nComputer\nSOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP\nEnableVirtualIP\nDWORD:1\n"), show.out());

        assumeTrue(samba(), "Samba's Python bindings are not installed (apt-get install python3-samba); Samba check skipped");
        Run s = run(List.of("/usr/bin/python3", "-c",
                "import sys\nfrom samba.dcerpc import preg\nfrom samba.ndr import ndr_unpack, ndr_pack\n"
                        + "raw = open(sys.argv[1], 'rb').read()\nf = ndr_unpack(preg.file, raw)\n"
                        + "print(len(f.entries), ndr_pack(f) == raw)\n", pol.toString()));
        assertEquals(0, s.code(), s.err());
        long records = show.out().lines().filter(l -> l.equals("Computer")).count();
        assertEquals(records + " True", s.out().strip(), "Samba sees every record and repacks the same bytes");
    }

    @Test
    void gpoDirSecondCompileChangesNothingAndAChangedPolicyBumpsOnlyTheComputerVersion(@TempDir Path tmp) throws Exception {
        Path policies = tmp.resolve("policies");
        Files.createDirectories(policies);
        try (Stream<Path> s = Files.list(REPO.resolve("examples"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(p, policies.resolve(p.getFileName()));
            }
        }
        Path gpo = tmp.resolve("gpo");
        Files.createDirectories(gpo);
        Files.writeString(gpo.resolve("GPT.INI"), "[General]\r\nVersion=" + ((3 << 16) | 4) + "\r\ndisplayName=VDA farm\r\n");
        String state = "--state-dir=" + tmp.resolve("state");
        String[] compile = {"compile", "--emit", "pol,gpo", "--gpo-dir", gpo.toString(), state, "-o", tmp.resolve("out").toString(), policies.toString()};

        Run first = vipctl(compile);
        assertEquals(0, first.code(), first.err());
        String ini1 = Files.readString(gpo.resolve("GPT.INI"));
        assertTrue(ini1.contains("Version=" + ((3 << 16) | 5) + "\r\n"), ini1);
        byte[] pol1 = Files.readAllBytes(gpo.resolve("Machine/Registry.pol"));

        Run second = vipctl(compile);
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("already up to date"), second.out());
        assertEquals(ini1, Files.readString(gpo.resolve("GPT.INI")));
        assertArrayEquals(pol1, Files.readAllBytes(gpo.resolve("Machine/Registry.pol")));

        Path crm = policies.resolve("crm-ip-virtualization.yaml");
        assumeTrue(Files.exists(crm), "example crm-ip-virtualization.yaml not found");
        Files.writeString(crm, Files.readString(crm).replace("192.0.2.96/24", "192.0.2.160/27"));
        Run third = vipctl(compile);
        assertEquals(0, third.code(), third.err());
        String ini3 = Files.readString(gpo.resolve("GPT.INI"));
        assertTrue(ini3.contains("Version=" + ((3 << 16) | 6) + "\r\n"), "user half 3 kept, computer 5 -> 6: " + ini3);
        Path before = tmp.resolve("before.pol");
        Files.write(before, pol1);
        Run diff = vipctl("pol", "diff", before.toString(), gpo.resolve("Machine/Registry.pol").toString());
        assertEquals(2, diff.code(), diff.err());
        assertTrue(diff.out().contains("VIPAdapter  SZ:192.0.2.96/24 -> SZ:192.0.2.160/27"), diff.out());
        assertTrue(diff.out().endsWith("0 added, 0 removed, 1 changed\n"), diff.out());

        Run undo = vipctl("rollback", "--yes", "--target=local-gpo:" + gpo, state);
        assertEquals(0, undo.code(), undo.err());
        assertArrayEquals(pol1, Files.readAllBytes(gpo.resolve("Machine/Registry.pol")), "rollback undoes the last update exactly");
    }

    /** An output that cannot be written stops compile before the GPO folder is touched. */
    @Test
    void aFailedOutputLeavesTheGpoFolderUntouched(@TempDir Path tmp) throws Exception {
        Path gpo = tmp.resolve("gpo");
        Files.createDirectories(gpo);
        Files.writeString(gpo.resolve("GPT.INI"), "[General]\r\nVersion=0\r\n");
        Path out = tmp.resolve("o2");
        Files.createDirectories(out);
        Files.writeString(out.resolve("reg"), "a file where compile needs a folder");

        Run r = vipctl("compile", "--emit", "reg,gpo", "--gpo-dir", gpo.toString(), "--state-dir=" + tmp.resolve("state"),
                "-o", out.toString(), REPO.resolve("examples").toString());

        assertEquals(1, r.code(), r.err());
        // the warnings about the policies and the count of their notes come first; the failure itself is one line
        java.util.List<String> rest = r.err().lines()
                .filter(l -> !l.matches(".*:\\d+:\\d+: warning: .*") && !l.startsWith("    hint: ")
                        && !l.matches("\\d+ notes? \\(not listed; --notes lists (it|them)\\)")).toList();
        assertEquals(1, rest.size(), r.err());
        assertTrue(rest.get(0).startsWith("vipctl: error: cannot write the outputs: ") && rest.get(0).contains("GPO folder was not touched"), r.err());
        assertEquals("[General]\r\nVersion=0\r\n", Files.readString(gpo.resolve("GPT.INI")));
        assertFalse(Files.exists(gpo.resolve("Machine")), "no Registry.pol written");
    }
}
