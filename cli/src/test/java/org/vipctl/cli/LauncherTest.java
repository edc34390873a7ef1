package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./vipctl launcher in a copy of the repository layout, with stand-ins for mvn (records the
 * build, makes the jar) and java (records the run): it builds when the jar is missing or older than
 * any input, not otherwise, says so in one line, and prints no terminal escape codes.
 */
class LauncherTest {

    @TempDir
    Path repo;
    Path tools;

    private record Run(int code, String out, String err, boolean built) {
    }

    @BeforeEach
    void layout() throws IOException {
        Path launcher = Path.of(System.getProperty("vipctl.repo", "..")).resolve("vipctl");
        Assumptions.assumeTrue(Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/sh")), "no POSIX shell or launcher");
        Files.copy(launcher, repo.resolve("vipctl"));
        repo.resolve("vipctl").toFile().setExecutable(true);
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("compiler/src/main/java"));
        Files.writeString(repo.resolve("compiler/src/main/java/A.java"), "class A {}");
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/rules.md"), "# rules");
        tools = Files.createDirectories(repo.resolve("fake/bin"));
        script("mvn", "echo built >> \"$FAKE_LOG\"; mkdir -p cli/target; printf '\\033[0m[INFO] noise\\n'; : > cli/target/vipctl-1.0.jar");
        script("java", "echo \"ran $*\"");
    }

    private void script(String name, String body) throws IOException {
        Path p = tools.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        p.toFile().setExecutable(true);
    }

    private Run run() throws IOException, InterruptedException {
        Path log = repo.resolve("fake/log");
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder(repo.resolve("vipctl").toString(), "validate", "x");
        Map<String, String> env = pb.environment();
        env.put("PATH", tools + ":/usr/bin:/bin");
        env.put("JAVA_HOME", repo.resolve("fake").toString());
        env.put("FAKE_LOG", log.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out, err, Files.exists(log));
    }

    private void age(Path p, int secondsAgo) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }

    @Test
    void buildsOnFirstRunThenOnlyWhenAnInputIsNewer() throws Exception {
        Run first = run();
        assertTrue(first.built(), first.toString());
        assertEquals("vipctl: building the jar (first run, about a minute)...\n", first.err());
        assertTrue(first.out().startsWith("ran ") && first.out().contains("-jar") && first.out().endsWith("validate x\n"), first.out());

        for (String input : new String[] {"pom.xml", "compiler/src/main/java/A.java", "docs/rules.md"}) {
            Path jar = repo.resolve("cli/target/vipctl-1.0.jar");
            age(repo.resolve("pom.xml"), 100);
            age(repo.resolve("compiler/src/main/java/A.java"), 100);
            age(repo.resolve("docs/rules.md"), 100);
            age(jar, 50);
            Run fresh = run();
            assertFalse(fresh.built(), "jar newer than every input: no build\n" + fresh);
            assertEquals("", fresh.err());

            age(repo.resolve(input), 10);
            Run stale = run();
            assertTrue(stale.built(), input + " changed: " + stale);
            assertEquals("vipctl: building the jar (sources changed, about a minute)...\n", stale.err());
            assertFalse((stale.out() + stale.err()).contains("\u001b"), "no terminal escape codes");
        }
    }

    @Test
    void aFailedBuildSaysSoWithoutEscapeCodes() throws Exception {
        script("mvn", "printf '\\033[1;31m[ERROR] broken\\033[0m\\n'; exit 1");
        Run r = run();
        assertEquals(1, r.code());
        assertTrue(r.err().contains("[ERROR] broken"), r.err());
        assertTrue(r.err().endsWith("vipctl: build failed; run 'mvn -B -DskipTests package' to see why\n"), r.err());
        assertFalse(r.err().contains("\u001b"), r.err());
        assertEquals("", r.out());
    }
}
