package org.vipctl.emit.admx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.OutputFiles;
import org.vipctl.files.AtomicFile;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The templates written from the built-in catalog, compared with reviewed golden files. Only
 * whitespace between elements is ignored: text inside a string, attribute values and order count.
 * Regenerate after a deliberate catalog change with -Dvipctl.updateGolden=true (and bump
 * admxTemplate.revision: the test insists on it).
 */
class AdmxGoldenTest {

    private static final Path GOLDEN = Fixtures.repo().resolve("admx/src/test/resources/org/vipctl/emit/admx/golden");

    @Test
    void builtInCatalogMatchesGoldenFiles() throws IOException {
        Diagnostics d = new Diagnostics();
        OutputFiles out = Fixtures.emit(new AdmxEmitter(), Catalog.builtIn(), List.of(), d);
        assertFalse(d.hasErrors(), () -> d.sorted().toString());
        assertEquals(List.of("admx/VipctlVirtualIP.admx", "admx/de-DE/VipctlVirtualIP.adml",
                "admx/en-US/VipctlVirtualIP.adml"), List.copyOf(out.files().keySet()));
        if (Boolean.getBoolean("vipctl.updateGolden")) {
            for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
                AtomicFile.write(GOLDEN.resolve(e.getKey().substring("admx/".length())), e.getValue());
            }
        }
        for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
            Path golden = GOLDEN.resolve(e.getKey().substring("admx/".length()));
            Diff content = DiffBuilder.compare(Input.fromFile(golden.toFile()))
                    .withTest(Input.fromByteArray(e.getValue()))
                    .ignoreElementContentWhitespace().ignoreComments().checkForIdentical()
                    .withAttributeFilter(a -> !a.getName().equals("revision") && !a.getName().equals("minRequiredRevision"))
                    .build();
            String goldenRevision = revision(Files.readString(golden, StandardCharsets.UTF_8));
            String revision = revision(new String(e.getValue(), StandardCharsets.UTF_8));
            if (content.hasDifferences()) {
                assertTrue(compare(revision, goldenRevision) > 0, () -> e.getKey() + " changed but admxTemplate.revision"
                        + " is still " + revision + ": bump it, review the change and regenerate with"
                        + " -Dvipctl.updateGolden=true\n" + content);
            }
            assertTrue(!content.hasDifferences(), () -> e.getKey() + " differs from " + golden + ":\n" + content);
            assertEquals(goldenRevision, revision, "revision of " + e.getKey());
        }
    }

    @Test
    void stringsAreNotIndentedInsideStringElements() {
        Diagnostics d = new Diagnostics();
        OutputFiles out = Fixtures.emit(new AdmxEmitter(), Catalog.builtIn(), List.of(), d);
        String adml = new String(out.files().get("admx/en-US/VipctlVirtualIP.adml"), StandardCharsets.UTF_8);
        assertTrue(adml.contains("<string id=\"RDS_VirtualizeLoopbackAddresses_Help\">This policy setting gives"),
                adml);
        assertFalse(adml.contains("\n        This policy"), "explain text must start right after the tag");
    }

    @Test
    void goldenComparisonIgnoresIndentationButNotStringContent() {
        String golden = "<r><string id=\"a\">two  spaces</string></r>";
        String reindented = "<r>\n    <string id=\"a\">two  spaces</string>\n</r>";
        String changedText = "<r><string id=\"a\">two spaces</string></r>";
        assertFalse(xmlDiff(golden, reindented).hasDifferences());
        assertTrue(xmlDiff(golden, changedText).hasDifferences());
    }

    private static Diff xmlDiff(String golden, String test) {
        return DiffBuilder.compare(Input.fromString(golden)).withTest(Input.fromString(test))
                .ignoreElementContentWhitespace().ignoreComments().checkForIdentical().build();
    }

    static String revision(String xml) {
        int i = xml.indexOf("revision=\"");
        return xml.substring(i + 10, xml.indexOf('"', i + 10));
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
