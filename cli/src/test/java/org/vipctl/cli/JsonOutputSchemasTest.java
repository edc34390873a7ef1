package org.vipctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every JSON document the commands print matches its published schema in schemas/output/ (docs/json-output.md). */
class JsonOutputSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path schemas() {
        Path repo = Path.of(System.getProperty("vipctl.repo", ".."));
        Path p = repo.resolve("schemas/output");
        return Files.isDirectory(p) ? p : Path.of("../schemas/output");
    }

    private static JsonSchema schema(String name) {
        String base = schemas().toAbsolutePath().toUri().toString();
        JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix("https://vipctl.org/schemas/output/", base)));
        return f.getSchema(java.net.URI.create("https://vipctl.org/schemas/output/" + name + ".schema.json"));
    }

    private static JsonNode matches(String schema, String output) throws Exception {
        JsonNode doc = JSON.readTree(output);
        Set<ValidationMessage> problems = schema(schema).validate(doc);
        assertEquals(Set.of(), problems, schema + ": " + output);
        return doc;
    }

    @Test
    void importJsonMatchesItsSchemaWithFilesAndOnStandardOutput() throws Exception {
        Path out = tmp.resolve("out");
        assertEquals(0, ValidateCommandTest.run("compile", "--emit", "pol", "-o", out.toString(),
                ValidateCommandTest.examples().toString()).code());
        Path pol = out.resolve("gpo/Machine/Registry.pol");
        JsonNode files = matches("import", ValidateCommandTest.run("import", "--format", "json", "-o", tmp.resolve("imp").toString(),
                pol.toString()).out());
        assertTrue(files.get("valid").asBoolean() && files.get("imported").asInt() > 0, files.toString());
        assertEquals(files.get("policies").size(), files.get("written").size(), files.toString());
        assertTrue(Files.isRegularFile(Path.of(files.at("/written/0").asText())), files.toString());
        JsonNode stdout = matches("import", ValidateCommandTest.run("import", "--format", "json", "--stdout", pol.toString()).out());
        assertEquals(0, stdout.get("written").size());
        assertTrue(stdout.at("/policies/0/yaml").asText().contains("apiVersion: vipctl/v1"), stdout.toString());
    }

    @Test
    void publishJsonMatchesItsSchemaForANewAndAnUpdatedGpo() throws Exception {
        // the command needs a domain controller (SambaPublishIT runs it against one); its JSON is built from the result
        org.vipctl.registry.RegKey key = org.vipctl.registry.RegKey.parse("HKLM\\SOFTWARE\\Policies\\Contoso",
                org.vipctl.registry.View.BIT64).orElseThrow();
        org.vipctl.plan.Change change = new org.vipctl.plan.Change.Create(key, "Port", new org.vipctl.registry.RegValue.Dword(9000),
                new org.vipctl.registry.Provenance("custom.port", "crm", org.vipctl.diagnostic.Location.ofFile("crm.yaml")));
        org.vipctl.plan.Plan plan = new org.vipctl.plan.Plan("local-gpo:/sysvol/corp.example/Policies/{G}",
                org.vipctl.registry.Scope.POLICY, java.util.List.of(change), java.util.List.of());
        org.vipctl.publish.GpoContainer before = new org.vipctl.publish.GpoContainer("CN={6AC1786C-016F-11D2-945F-00C04FB984F9},CN=Policies",
                "{6AC1786C-016F-11D2-945F-00C04FB984F9}", "RDS virtual IP", 1, "", 0);
        org.vipctl.publish.GpoContainer after = new org.vipctl.publish.GpoContainer(before.dn(), before.guid(),
                before.displayName(), 2, "[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{D02B1F72-3407-48AE-BA88-E8213C6761F1}]", 0);
        org.vipctl.publish.Publisher.Result updated = new org.vipctl.publish.Publisher.Result(java.util.Optional.of(before), after,
                false, plan, java.util.Optional.of(new org.vipctl.apply.ApplyResult(java.util.List.of(change), 3,
                java.util.Optional.of(tmp.resolve("b.json")))), java.util.List.of("a note"), false);
        JsonNode u = matches("publish", JsonOut.write(PublishCommand.json(updated, "corp.example")));
        assertEquals(2, u.at("/after/computer_version").asInt());
        assertEquals(1, u.at("/sysvol/changed").asInt());
        org.vipctl.publish.Publisher.Result created = new org.vipctl.publish.Publisher.Result(java.util.Optional.empty(), after,
                true, plan, java.util.Optional.empty(), java.util.List.of(), true);
        JsonNode c = matches("publish", JsonOut.write(PublishCommand.json(created, "corp.example")));
        assertTrue(c.get("before").isNull() && c.get("sysvol").isNull() && c.get("dry_run").asBoolean());
    }

    @Test
    void everyCommandsJsonMatchesItsSchema() throws Exception {
        String examples = ValidateCommandTest.examples().toString();
        String invalid = ValidateCommandTest.examples().resolve("invalid").toString();
        matches("findings", ValidateCommandTest.run("validate", "--format", "json", examples).out());
        matches("findings", ValidateCommandTest.run("validate", "--format", "json", invalid).out());
        matches("compile", ValidateCommandTest.run("compile", "--format", "json", "-o", tmp.resolve("out").toString(), examples).out());
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "apiVersion: vipctl/v1\nkind: VipPolicy\nmetadata: {name: b}\n"
                + "spec: {rdsIpVirtualization: {enabled: true}}\n");
        matches("invalid", ValidateCommandTest.run("compile", "--format", "json", "-o", tmp.resolve("o2").toString(), bad.toString()).out());
        String target = "--target=regfile:" + tmp.resolve("s.reg");
        String state = "--state-dir=" + tmp.resolve("state");
        matches("invalid", ValidateCommandTest.run("plan", "--format", "json", target, bad.toString()).out());
        matches("plan", ValidateCommandTest.run("plan", "--format", "json", target, examples).out());
        matches("apply", ValidateCommandTest.run("apply", "--yes", "--format", "json", target, state, examples).out());
        matches("rollback", ValidateCommandTest.run("rollback", "--yes", "--format", "json", target, state).out());
        matches("rollback", ValidateCommandTest.run("rollback", "--format", "json", target, "--state-dir=" + tmp.resolve("none")).out());
        Path pol = tmp.resolve("out/gpo/Machine/Registry.pol");
        matches("pol-diff", ValidateCommandTest.run("pol", "diff", "--format", "json", pol.toString(), pol.toString()).out());
        matches("explain", ValidateCommandTest.run("explain", "--format", "json", "VIP044").out());
    }

    @Test
    void theSchemasHaveTeeth() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(ValidateCommandTest.run("validate", "--format", "json",
                ValidateCommandTest.examples().toString()).out());
        doc.putObject("summary").put("errors", "none");
        assertFalse(schema("findings").validate(doc).isEmpty());
        assertTrue(Files.readString(Path.of(System.getProperty("vipctl.repo", "..")).resolve("docs/json-output.md"))
                .contains("schemas/output/findings.schema.json"));
    }
}
