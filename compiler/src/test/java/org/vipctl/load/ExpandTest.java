package org.vipctl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Rule;

/** How paths on the command line become policy files. */
class ExpandTest {

    @TempDir
    Path dir;

    private final YamlLoader loader = new YamlLoader();

    private Path write(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "a: 1\n");
        return p;
    }

    private static void symlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("symbolic links are not available here: " + e);
        }
    }

    @Test
    void foldersAreSearchedRecursivelyForYamlInSortedOrder() throws IOException {
        Path b = write("b.yml");
        Path a = write("sub/a.yaml");
        Path c = write("C.YAML");
        write("notes.txt");
        Diagnostics out = new Diagnostics();
        assertEquals(List.of(c, b, a), loader.expand(List.of(dir), out));
        assertTrue(out.isEmpty());
    }

    @Test
    void hiddenEntriesAreSkipped() throws IOException {
        Path kept = write("policy.yaml");
        write(".github/workflows/ci.yml");
        write(".pre-commit-config.yaml");
        assertEquals(List.of(kept), loader.expand(List.of(dir), new Diagnostics()));
    }

    @Test
    void aSubfolderWithTheIgnoreMarkerIsSkippedUnlessNamed() throws IOException {
        Path kept = write("good.yaml");
        Path bad = write("invalid/bad.yaml");
        Files.writeString(dir.resolve("invalid").resolve(YamlLoader.IGNORE_MARKER), "");
        Path deeper = write("invalid/group/x.yaml");
        assertEquals(List.of(kept), loader.expand(List.of(dir), new Diagnostics()));
        assertEquals(List.of(bad, deeper), loader.expand(List.of(dir.resolve("invalid")), new Diagnostics()));
    }

    @Test
    void aFileNamedTwiceIsReadOnce() throws IOException {
        Path a = write("a.yaml");
        assertEquals(List.of(a), loader.expand(List.of(dir, a, dir.resolve("./a.yaml")), new Diagnostics()));
    }

    @Test
    void aFolderWithoutPolicies() throws IOException {
        write("readme.txt");
        Diagnostics out = new Diagnostics();
        assertTrue(loader.expand(List.of(dir), out).isEmpty());
        Diagnostic d = out.sorted().get(0);
        assertEquals(Rule.EMPTY.id(), d.ruleId());
        assertEquals(dir.toString(), d.location().file());
        assertTrue(d.message().contains("no policy files"), d.message());
    }

    @Test
    void aMissingPath() {
        Diagnostics out = new Diagnostics();
        Path gone = dir.resolve("nope");
        assertTrue(loader.expand(List.of(gone), out).isEmpty());
        Diagnostic d = out.sorted().get(0);
        assertEquals(Rule.UNREADABLE.id(), d.ruleId());
        assertEquals("no such file or directory", d.message());
        assertEquals(gone.toString(), d.location().toString());
    }

    @Test
    void aSymlinkLoopInAFolderDoesNotHangAndBrokenPolicyLinksAreReported() throws IOException {
        Path kept = write("policy.yaml");
        symlink(dir.resolve("loop"), dir);
        symlink(dir.resolve("self.yaml"), dir.resolve("self.yaml"));
        Diagnostics out = new Diagnostics();
        assertEquals(List.of(kept), loader.expand(List.of(dir), out));
        List<Diagnostic> all = out.sorted();
        assertEquals(1, all.size(), all::toString);
        assertEquals(Rule.UNREADABLE.id(), all.get(0).ruleId());
        assertEquals(dir.resolve("self.yaml").toString(), all.get(0).location().file());
        assertTrue(all.get(0).message().contains("symbolic link"), all.get(0).message());
    }

    @Test
    void aSymlinkLoopOnTheCommandLine() {
        Path self = dir.resolve("self.yaml");
        symlink(self, self);
        Diagnostics out = new Diagnostics();
        assertTrue(loader.expand(List.of(self), out).isEmpty());
        assertTrue(out.sorted().get(0).message().contains("symbolic link"), out.sorted().get(0).message());
    }

    @Test
    void aFolderNamedThroughALinkIsSearchedAndKeepsTheGivenName() throws IOException {
        write("real/p.yaml");
        Path link = dir.resolve("link");
        symlink(link, dir.resolve("real"));
        assertEquals(List.of(link.resolve("p.yaml")), loader.expand(List.of(link), new Diagnostics()));
    }

    @Test
    void notAFile() {
        Path dev = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(dev), "needs /dev/null");
        Diagnostics out = new Diagnostics();
        assertTrue(loader.expand(List.of(dev), out).isEmpty());
        assertEquals("not a regular file or directory", out.sorted().get(0).message());
    }
}
