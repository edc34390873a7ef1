package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.View;
import org.vipctl.target.RegFileRegistry;

/**
 * A target that is a symbolic link is written through (the link stays a link); a target marked
 * read-only is refused unless --replace-read-only is given, and then keeps its permissions.
 */
class SymlinkAndReadOnlyTargetTest {

    private static final RegKey CRM = new RegKey(Hive.HKLM, View.BIT64, "SOFTWARE\\Contoso\\Crm");

    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "symbolic links and POSIX permissions");
    }

    private Cli.Result apply(String target, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "apply";
        args[1] = "--yes";
        args[2] = "--target=" + target;
        args[3] = "--state-dir=" + tmp.resolve("state");
        System.arraycopy(more, 0, args, 4, more.length);
        args[args.length - 1] = Cli.examples().resolve("custom-registry.yaml").toString();
        return Cli.run(args);
    }

    @Test
    void aRegFileTargetThatIsASymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("images")).resolve("server.reg");
        Path link = Files.createSymbolicLink(tmp.resolve("current.reg"), Path.of("images", "server.reg"));
        Cli.Result r = apply("regfile:" + link);
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(new RegValue.Dword(9000), RegFileRegistry.open(real).read(CRM, "ListenPort").orElseThrow());
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
        }

        Cli.Result rollback = Cli.run("rollback", "--yes", "--target=regfile:" + link, "--state-dir=" + tmp.resolve("state"));
        assertEquals(0, rollback.code(), rollback.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(RegFileRegistry.open(real).read(CRM, "ListenPort").isEmpty());
    }

    @Test
    void aGpoWhoseRegistryPolIsASymbolicLinkIsWrittenThrough() throws Exception {
        Path gpo = Files.createDirectories(tmp.resolve("gpo").resolve("Machine")).getParent();
        Path shared = Files.write(tmp.resolve("shared.pol"), new byte[] {'P', 'R', 'e', 'g', 1, 0, 0, 0});
        Path pol = Files.createSymbolicLink(gpo.resolve("Machine").resolve("Registry.pol"), shared);
        Cli.Result r = apply("local-gpo:" + gpo, "--scope=policy");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isSymbolicLink(pol), "Registry.pol is still a link");
        assertTrue(Files.size(shared) > 8, "the records went into the file the link points to");
    }

    @Test
    void aReadOnlyTargetIsRefusedUnlessAskedAndKeepsItsPermissions() throws Exception {
        Path target = tmp.resolve("server.reg");
        assertEquals(0, Cli.run("apply", "--yes", "--target=regfile:" + target, "--state-dir=" + tmp.resolve("seed"),
                Cli.examples().resolve("licence-loopback.yaml").toString()).code());
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(target);

        Cli.Result refused = apply("regfile:" + target);
        assertEquals(1, refused.code(), refused.toString());
        assertTrue(refused.oneErrorLine(), refused.toString());
        assertTrue(refused.err().contains("is read-only") && refused.err().contains("--replace-read-only"), refused.err());
        assertArrayEquals(before, Files.readAllBytes(target));
        try (var s = Files.list(tmp.resolve("state"))) {
            assertEquals(0, s.filter(p -> p.toString().endsWith(".json")).count(), "no backup for a refused run");
        } catch (java.nio.file.NoSuchFileException e) {
            // no state folder at all: nothing was backed up either
        }

        Cli.Result asked = apply("regfile:" + target, "--replace-read-only");
        assertEquals(0, asked.code(), asked.toString());
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(new RegValue.Dword(9000), RegFileRegistry.open(target).read(CRM, "ListenPort").orElseThrow());
    }

    @Test
    void aReadOnlyTargetWithNothingToChangeIsNotAnError() throws Exception {
        Path target = tmp.resolve("server.reg");
        assertEquals(0, apply("regfile:" + target).code());
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
        Cli.Result again = apply("regfile:" + target);
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("0 changed"), again.out());
    }
}
