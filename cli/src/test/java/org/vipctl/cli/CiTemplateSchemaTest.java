package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every pipeline template in ci/ against its platform's own schema check, each where available:
 * <ul>
 * <li>GitHub Actions: {@code action-validator} (npm {@code @action-validator/cli});</li>
 * <li>Azure Pipelines: Microsoft's {@code service-schema.json} (from the azure-pipelines-vscode
 *     repository; no package registry carries it), found through {@code VIPCTL_AZURE_PIPELINES_SCHEMA}
 *     or at {@code ~/.cache/vipctl/service-schema.json};</li>
 * <li>GitLab CI: {@code gitlab-ci-local --list-all} (npm {@code gitlab-ci-local}), which validates the
 *     file against GitLab's CI schema; on a Node.js older than 22 it is started with the Set methods
 *     it needs.</li>
 * </ul>
 */
class CiTemplateSchemaTest {

    record Run(int code, String out) {
    }

    private static Path ci() {
        return Path.of(System.getProperty("vipctl.repo", "..")).resolve("ci");
    }

    private static Optional<Path> onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = dir.isEmpty() ? null : Path.of(dir, tool);
            if (p != null && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Run run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("NO_COLOR", "1");
        // a test run from a git hook or `git rebase --exec` inherits GIT_DIR and friends: the throwaway
        // repository's git init/add/commit would then act on the checkout the tests run from
        pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), String.join(" ", cmd) + " did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static List<Path> templates(String folder, String glob) throws IOException {
        try (Stream<Path> s = Files.list(ci().resolve(folder))) {
            return s.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName())).sorted().toList();
        }
    }

    @Test
    void githubWorkflowsPassActionValidator(@TempDir Path tmp) throws Exception {
        Optional<Path> tool = onPath("action-validator");
        assumeTrue(tool.isPresent(), "action-validator not installed (npm install -g @action-validator/cli); check skipped");
        List<Path> files = templates("github-actions", "*.yml");
        assertTrue(!files.isEmpty());
        for (Path f : files) {
            Run r = run(tmp, List.of(tool.get().toString(), f.toString()));
            assertEquals(0, r.code(), f + ":\n" + r.out());
        }
        // and it does reject a workflow with a misspelt key, so a pass means something
        Path bad = tmp.resolve("bad.yml");
        Files.writeString(bad, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n");
        assertEquals(1, run(tmp, List.of(tool.get().toString(), bad.toString())).code());
    }

    @Test
    void azurePipelinePassesServiceSchema() throws Exception {
        String configured = System.getenv("VIPCTL_AZURE_PIPELINES_SCHEMA");
        Path schemaFile = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "vipctl", "service-schema.json");
        assumeTrue(Files.isRegularFile(schemaFile), "Azure Pipelines service-schema.json not found at " + schemaFile
                + " (set VIPCTL_AZURE_PIPELINES_SCHEMA to a copy from Microsoft's azure-pipelines-vscode repository); check skipped");
        ObjectMapper json = new ObjectMapper();
        JsonSchema schema;
        try (InputStream in = Files.newInputStream(schemaFile)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        List<Path> files = templates("azure-pipelines", "*.yml");
        assertTrue(!files.isEmpty());
        for (Path f : files) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(f));
            Set<ValidationMessage> errors = schema.validate(json.valueToTree(doc));
            assertEquals(Set.of(), errors, f.toString());
        }
        JsonNode bad = json.readTree("{\"stages\": [{\"stage\": \"a\", \"jobz\": []}]}");
        assertTrue(!schema.validate(bad).isEmpty(), "the schema rejects a misspelt key, so a pass means something");
    }

    @Test
    void gitlabPipelinePassesGitlabCiLocal(@TempDir Path tmp) throws Exception {
        Optional<Path> tool = onPath("gitlab-ci-local");
        Optional<Path> node = onPath("node");
        Optional<Path> git = onPath("git");
        assumeTrue(tool.isPresent() && node.isPresent() && git.isPresent(),
                "gitlab-ci-local, node or git not installed (npm install -g gitlab-ci-local); check skipped");
        Run version = run(tmp, List.of(node.get().toString(), "--version"));
        int major = Integer.parseInt(version.out().strip().replaceFirst("^v(\\d+).*", "$1"));
        Path polyfill = tmp.resolve("node-set-methods.cjs");
        try (InputStream in = getClass().getResourceAsStream("node-set-methods.cjs")) {
            Files.write(polyfill, in.readAllBytes());
        }
        Path script = tool.get().toRealPath();
        for (Path f : List.of(ci().resolve("gitlab/.gitlab-ci.yml"))) {
            Path repo = Files.createTempDirectory(tmp, "gl");
            Files.copy(f, repo.resolve(".gitlab-ci.yml"));
            for (List<String> g : List.of(List.of("init", "-q"), List.of("add", "."),
                    List.of("-c", "user.name=vipctl", "-c", "user.email=vipctl@example.invalid", "commit", "-q", "-m", "template"))) {
                List<String> cmd = new ArrayList<>(List.of(git.get().toString()));
                cmd.addAll(g);
                assertEquals(0, run(repo, cmd).code());
            }
            List<String> cmd = major >= 22 ? new ArrayList<>(List.of(script.toString()))
                    : new ArrayList<>(List.of(node.get().toString(), "-r", polyfill.toString(), script.toString()));
            cmd.addAll(List.of("--list-all", "--json-schema-validation"));
            Run r = run(repo, cmd);
            assertEquals(0, r.code(), f + ":\n" + r.out());
            assertTrue(r.out().contains("json schema validated"), r.out());
            for (String job : List.of("vipctl", "validate", "compile", "idempotency", "publish")) {
                assertTrue(r.out().lines().anyMatch(l -> l.startsWith(job + " ")), job + " listed:\n" + r.out());
            }
        }
    }
}
