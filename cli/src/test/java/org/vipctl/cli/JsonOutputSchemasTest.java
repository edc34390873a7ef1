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
