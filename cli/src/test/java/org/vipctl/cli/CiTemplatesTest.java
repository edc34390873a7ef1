package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The pipeline templates users copy: they parse, and they run what docs/gitops.md says they run. */
class CiTemplatesTest {

    private static Path ci() {
        return Path.of(System.getProperty("vipctl.repo", "..")).resolve("ci");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String rel) throws Exception {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(ci().resolve(rel)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void githubWorkflowAppliesTwiceOnWindowsAndFailsOnASecondChange() throws Exception {
        Map<String, Object> jobs = (Map<String, Object>) yaml("github-actions/vipctl.yml").get("jobs");
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
    void azureAndGitlabTemplatesHaveTheSameJobs() throws Exception {
        String azure = yaml("azure-pipelines/azure-pipelines.yml").toString();
        String gitlab = yaml("gitlab/.gitlab-ci.yml").toString();
        for (String t : List.of(azure, gitlab)) {
            assertTrue(t.contains("validate --format sarif"), t);
            assertTrue(t.contains("compile -o build/vipctl"), t);
            assertTrue(t.contains("apply --yes --format json --target windows"), t);
        }
    }

    @Test
    void scheduledTaskIsWellFormedAndRunsTheDriftCheck() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(ci().resolve("windows/vipctl-drift-check.xml").toFile());
        assertEquals("http://schemas.microsoft.com/windows/2004/02/mit/task", d.getDocumentElement().getNamespaceURI());
        assertEquals("S-1-5-18", d.getElementsByTagNameNS("*", "UserId").item(0).getTextContent());
        assertTrue(d.getElementsByTagNameNS("*", "Arguments").item(0).getTextContent().contains("vipctl-drift-check.ps1"));
        String ps = Files.readString(ci().resolve("windows/vipctl-drift-check.ps1"));
        assertTrue(ps.contains("plan --detailed-exitcode --target windows") && ps.contains("Write-EventLog"), ps);
    }
}
