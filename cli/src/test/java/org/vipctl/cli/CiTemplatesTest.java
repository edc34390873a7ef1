package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The pipeline templates users copy: they parse, the three platforms run the same steps, every
 * variable they use is defined in them, the bundle they publish is the one the servers' pull task
 * reads, and the scheduled tasks run their scripts as SYSTEM.
 */
class CiTemplatesTest {

    private static final String GITHUB = "github-actions/vipctl.yml";
    private static final String AZURE = "azure-pipelines/azure-pipelines.yml";
    private static final String GITLAB = "gitlab/.gitlab-ci.yml";
    private static final Pattern OWN_VARIABLE = Pattern.compile("\\b(VIPCTL_[A-Z0-9_]+|POLICIES)\\b");

    private static Path ci() {
        return Path.of(System.getProperty("vipctl.repo", "..")).resolve("ci");
    }

    private static String text(String rel) throws Exception {
        return Files.readString(ci().resolve(rel));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String rel) throws Exception {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text(rel));
    }

    @Test
    @SuppressWarnings("unchecked")
    void githubWorkflowAppliesTwiceChecksDriftAndRollsBackOnWindows() throws Exception {
        Map<String, Object> jobs = (Map<String, Object>) yaml(GITHUB).get("jobs");
        Map<String, Object> idem = (Map<String, Object>) jobs.get("idempotency");
        assertEquals("windows-latest", idem.get("runs-on"));
        List<String> runs = ((List<Map<String, Object>>) idem.get("steps")).stream()
                .map(s -> String.valueOf(s.getOrDefault("run", ""))).toList();
        List<String> applies = runs.stream().filter(r -> r.contains("vipctl.jar apply --yes")
                && r.contains("--target windows")).toList();
        assertEquals(2, applies.size(), runs.toString());
        assertTrue(applies.get(1).contains("--format json") && applies.get(1).contains("$result.changed -ne 0"), applies.get(1));
        String validate = jobs.get("validate").toString();
        assertTrue(validate.contains("--format sarif") && validate.contains("upload-sarif"), validate);
        String compile = jobs.get("compile").toString();
        assertTrue(compile.contains("compile -o build/vipctl") && compile.contains("upload-artifact"), compile);
    }

    @Test
    void allThreePlatformsRunTheSameSteps() throws Exception {
        for (String t : List.of(GITHUB, AZURE, GITLAB)) {
            String s = text(t);
            for (String step : List.of("validate --format sarif", "compile -o build/vipctl",
                    "apply --yes --target windows", "apply --yes --format json --target windows", "$result.changed -ne 0",
                    "plan --detailed-exitcode --target windows", "rollback --yes --target windows",
                    "sha256sum -c -", "vipctl-bundle-", "latest.json.tmp", "VIPCTL_PUBLISH_SHARE")) {
                assertTrue(s.contains(step), t + " lacks: " + step);
            }
        }
    }

    @Test
    void everyVariableATemplateUsesIsDefinedInIt() throws Exception {
        // GitHub: repository variables reach the jobs only through the workflow's env block
        Map<String, Object> gh = yaml(GITHUB);
        checkDefined(GITHUB, text(GITHUB), keys(gh.get("env")));
        Matcher vars = Pattern.compile("vars\\.([A-Z0-9_]+)").matcher(text(GITHUB));
        while (vars.find()) {
            assertTrue(text(GITHUB).contains(vars.group(1) + ": ${{ vars." + vars.group(1) + " }}"),
                    "vars." + vars.group(1) + " is mapped in env");
        }
        checkDefined(AZURE, text(AZURE), keys(yaml(AZURE).get("variables")));
        checkDefined(GITLAB, text(GITLAB), keys(yaml(GITLAB).get("variables")));
    }

    @Test
    void azureTemplateSaysThatAzureReposNeedsABranchPolicy() throws Exception {
        String azure = text(AZURE);
        assertTrue(azure.contains("Azure Repos") && azure.contains("Build Validation"), "branch policy note");
    }

    /** Runs the GitHub bundle step with bash, as the runner would, and reads the result as the pull task does. */
    @Test
    @SuppressWarnings("unchecked")
    void theBundleIsWhatThePullTaskReads(@TempDir Path tmp) throws Exception {
        // the step runs zip and sha256sum from the PATH, as a runner does
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) && onPath("zip") && onPath("sha256sum"),
                "needs bash, and zip and sha256sum on the PATH, to run the bundle step");
        Map<String, Object> compile = (Map<String, Object>) ((Map<String, Object>) yaml(GITHUB).get("jobs")).get("compile");
        String script = ((List<Map<String, Object>>) compile.get("steps")).stream()
                .filter(s -> "Bundle for the servers".equals(s.get("name"))).map(s -> (String) s.get("run")).findFirst().orElseThrow();
        Files.writeString(tmp.resolve("vipctl.jar"), "jar");
        Files.createDirectories(tmp.resolve("policies"));
        Files.writeString(tmp.resolve("policies/farm.yaml"), "kind: VipPolicy\n");
        Files.createDirectories(tmp.resolve("build/vipctl/gpo"));
        Files.writeString(tmp.resolve("build/vipctl/gpo/GPT.INI"), "[General]\r\n");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-e", "-c", script).directory(tmp.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("POLICIES", "policies", "GITHUB_RUN_NUMBER", "42",
                "GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);

        JsonNode latest = new ObjectMapper().readTree(tmp.resolve("bundle/out/latest.json").toFile());
        String version = latest.path("version").asText();
        assertEquals("42-0123456789ab", version);
        // the pull task's own checks of latest.json (ci/windows/vipctl-pull.ps1)
        assertTrue(version.matches("[A-Za-z0-9._-]+"));
        assertTrue(latest.path("bundle").asText().matches("[A-Za-z0-9._-]+\\.zip"));
        Path zip = tmp.resolve("bundle/out").resolve(latest.path("bundle").asText());
        String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        assertEquals(sum, latest.path("sha256").asText());
        Set<String> entries = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().map(ZipEntry::getName).forEach(entries::add);
            JsonNode info = new ObjectMapper().readTree(z.getInputStream(z.getEntry("bundle.json")));
            assertEquals(version, info.path("version").asText());
        }
        String pull = text("windows/vipctl-pull.ps1");
        for (String needed : List.of("vipctl.jar", "policies/farm.yaml", "compiled/gpo/GPT.INI", "bundle.json")) {
            assertTrue(entries.contains(needed), needed + " in " + entries);
        }
        for (String read : List.of("'vipctl.jar'", "'policies'", "'bundle.json'", "'latest.json'", "$latest.sha256", "$latest.bundle")) {
            assertTrue(pull.contains(read), "the pull task reads " + read);
        }
    }

    @Test
    void scheduledTasksAreWellFormedAndRunTheirScriptsAsSystem() throws Exception {
        for (String[] task : List.of(new String[] {"windows/vipctl-drift-check.xml", "vipctl-drift-check.ps1"},
                new String[] {"windows/vipctl-pull.xml", "vipctl-pull.ps1"})) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(ci().resolve(task[0]).toFile());
            assertEquals("http://schemas.microsoft.com/windows/2004/02/mit/task", d.getDocumentElement().getNamespaceURI());
            assertEquals("S-1-5-18", d.getElementsByTagNameNS("*", "UserId").item(0).getTextContent());
            assertTrue(d.getElementsByTagNameNS("*", "Arguments").item(0).getTextContent().contains(task[1]), task[0]);
        }
        String drift = text("windows/vipctl-drift-check.ps1");
        assertTrue(drift.contains("plan --detailed-exitcode --target windows") && drift.contains("Write-EventLog"), drift);
        String pull = text("windows/vipctl-pull.ps1");
        for (String s : List.of("'--detailed-exitcode', '--format', 'json'", "'apply', '--yes', '--format', 'json'", "Get-FileHash -Algorithm SHA256",
                "Write-EventLog", "last-run.json", "-ReportOnly")) {
            assertTrue(pull.contains(s), "pull task: " + s);
        }
    }

    private static boolean onPath(String tool) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }

    private static Set<String> keys(Object map) {
        return new TreeSet<>(((Map<?, ?>) map).keySet().stream().map(String::valueOf).toList());
    }

    private static void checkDefined(String template, String text, Set<String> defined) {
        Matcher m = OWN_VARIABLE.matcher(text);
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        used.removeAll(defined);
        assertEquals(Set.of(), used, template + " uses variables it does not define (defined: " + defined + ")");
    }
}
