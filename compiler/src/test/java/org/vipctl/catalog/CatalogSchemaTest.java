package org.vipctl.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.load.SourceDocument;

/**
 * The built-in catalog files and the examples in the docs pass every check a user file gets: the
 * catalog schema, sources against the policy format, the ADMX data. The start-up path reads the
 * built-in files unchecked, so this test is what keeps them right.
 */
class CatalogSchemaTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theBuiltInFilesPassTheCheckedRead() {
        for (String name : Catalog.builtInResources()) {
            Diagnostics d = new Diagnostics();
            List<SourceDocument> docs = Catalog.builtInDocuments(name, d);
            assertFalse(docs.isEmpty(), name);
            for (SourceDocument doc : docs) {
                CatalogFileReader.Contents read = CatalogFileReader.read(doc, true, d);
                assertTrue(!read.settings().isEmpty() || read.template().isPresent(), name);
            }
            assertTrue(d.isEmpty(), name + ": " + d.sorted());
        }
    }

    @Test
    void theBuiltInTemplatePassesTheAdmxChecks() {
        Diagnostics d = new Diagnostics();
        List<AdmxTemplateGroup> groups = Catalog.builtIn().admxTemplates();
        assertEquals(1, groups.size());
        AdmxChecks checks = new AdmxChecks(d);
        checks.template(groups.get(0).spec());
        checks.policies(groups.get(0).spec(), groups.get(0).settings());
        assertTrue(d.isEmpty(), d.sorted()::toString);
    }

    @Test
    void theDocsExamplesLoadWithoutAProblem() throws IOException {
        List<String> examples = new ArrayList<>();
        for (String doc : List.of("catalog.md", "admx.md")) {
            Matcher m = YAML_BLOCK.matcher(Files.readString(Path.of("..", "docs", doc)));
            while (m.find()) {
                String yaml = m.group(1);
                if (yaml.contains("\nsettings:") || yaml.contains("\nadmxTemplate:")) {
                    examples.add(yaml);
                }
            }
        }
        assertTrue(examples.size() >= 3, "the docs show catalog files: " + examples.size());
        for (String yaml : examples) {
            Path f = dir.resolve("example-" + examples.indexOf(yaml) + ".yaml");
            Files.writeString(f, yaml);
            Diagnostics d = new Diagnostics();
            Catalog.withUserFiles(List.of(f), d);
            assertTrue(d.isEmpty(), yaml + "\n" + d.sorted());
        }
    }
}
