package org.vipctl.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The npm packages the tests cross-check with (ajv, ajv-formats, the SARIF multitool), installed by
 * {@code .ci/run} into {@code .ci/tools/node_modules} (or the folder named by VIPCTL_NODE_MODULES).
 * Tests that need them skip when node or the packages are missing.
 */
public final class NodeTools {

    private final Path modules;

    private NodeTools(Path modules) {
        this.modules = modules;
    }

    public static Optional<NodeTools> find() {
        String env = System.getenv("VIPCTL_NODE_MODULES");
        Path repo = Path.of(System.getProperty("vipctl.repo", ".."));
        for (Path p : env != null ? List.of(Path.of(env)) : List.of(repo.resolve(".ci/tools/node_modules"), Path.of("../.ci/tools/node_modules"))) {
            if (Files.isDirectory(p.resolve("ajv")) && Files.isDirectory(p.resolve("ajv-formats")) && hasNode()) {
                return Optional.of(new NodeTools(p.toAbsolutePath().normalize()));
            }
        }
        return Optional.empty();
    }

    /** The tools, or the test is skipped with a message that says how to get them. */
    public static NodeTools require() {
        Optional<NodeTools> t = find();
        Assumptions.assumeTrue(t.isPresent(), "node with ajv and ajv-formats not found in .ci/tools/node_modules"
                + " (npm install --prefix .ci/tools ajv ajv-formats): skipped");
        return t.get();
    }

    public Path modules() {
        return modules;
    }

    private static boolean hasNode() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** ajv's verdict (draft 2020-12, formats on) for each file: empty list = valid, else ajv's errors. */
    public Map<Path, List<String>> validate(Path schema, List<Path> files) throws IOException, InterruptedException {
        return validate(schema, files, false);
    }

    /** With {@code strict}, ajv's strict mode: a schema it refuses fails the call. */
    public Map<Path, List<String>> validate(Path schema, List<Path> files, boolean strict) throws IOException, InterruptedException {
        Path script = Files.createTempFile("ajv-validate", ".js");
        try (InputStream in = NodeTools.class.getResourceAsStream("ajv-validate.js")) {
            Files.write(script, in.readAllBytes());
        }
        try {
            List<String> cmd = new ArrayList<>(List.of("node", script.toString(), modules.toString(), schema.toAbsolutePath().toString()));
            files.forEach(f -> cmd.add(f.toAbsolutePath().toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("AJV_STRICT", strict ? "1" : "0");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("ajv failed: " + out);
            }
            ObjectMapper json = new ObjectMapper();
            Map<Path, List<String>> result = new LinkedHashMap<>();
            for (String line : out.lines().toList()) {
                JsonNode r = json.readTree(line);
                List<String> errors = new ArrayList<>();
                r.get("errors").forEach(e -> errors.add(e.asText()));
                result.put(Path.of(r.get("file").asText()), errors);
            }
            return result;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The schema and validator of the SARIF multitool package, when installed. */
    public Optional<Path> sarifMultitool() {
        Path dir = modules.resolve("@microsoft/sarif-multitool-linux");
        Path exe = dir.resolve("Sarif.Multitool");
        if (!Files.isRegularFile(exe) || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        if (!Files.isExecutable(exe)) {
            exe.toFile().setExecutable(true);
        }
        return Files.isExecutable(exe) ? Optional.of(dir) : Optional.empty();
    }
}
