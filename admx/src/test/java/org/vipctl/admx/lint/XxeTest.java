package org.vipctl.admx.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.admx.AdmxReader;
import org.vipctl.admx.AdmxXml;
import org.vipctl.admx.ParsedFile;
import org.vipctl.admx.binding.PolicyDefinitionResources;
import org.vipctl.diagnostic.Diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An ADML that tries to pull a local file in through an external entity is refused, unread. */
class XxeTest {

    @Test
    void externalEntityIsNeverResolved(@TempDir Path tmp) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        Path lang = Files.createDirectories(tmp.resolve("store/en-US"));
        Path adml = lang.resolve("Evil.adml");
        Files.writeString(adml, "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE policyDefinitionResources [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<policyDefinitionResources xmlns=\"" + AdmxXml.NS + "\" revision=\"1.0\" schemaVersion=\"1.0\">"
                + "<displayName>&xxe;</displayName><description/><resources><stringTable>"
                + "<string id=\"A\">&xxe;</string></stringTable></resources></policyDefinitionResources>",
                StandardCharsets.UTF_8);

        List<Diagnostic> out = new ArrayList<>();
        ParsedFile<PolicyDefinitionResources> f = new AdmxReader().read(adml, PolicyDefinitionResources.class, out);
        assertTrue(f.root().isEmpty(), "a file with a DOCTYPE must not be read");
        assertEquals(1, out.size(), out::toString);
        assertEquals("VIP080", out.get(0).ruleId());
        assertTrue(out.get(0).message().contains("DOCTYPE"), out.get(0).message());
        assertEquals(2, out.get(0).location().line());
        out.forEach(d -> assertFalse(d.toString().contains("TOP-SECRET"), "entity content leaked"));

        LintResult r = new AdmxLinter(false).lint(List.of(tmp.resolve("store")));
        assertTrue(r.hasErrors());
        assertFalse(r.diagnostics().toString().contains("TOP-SECRET"));
    }

    @Test
    void parameterEntityDtdFetchIsRefusedToo(@TempDir Path tmp) throws IOException {
        Path admx = tmp.resolve("Evil.admx");
        Files.writeString(admx, "<?xml version=\"1.0\"?>\n<!DOCTYPE x SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
                + "<policyDefinitions xmlns=\"" + AdmxXml.NS + "\" revision=\"1.0\" schemaVersion=\"1.0\"/>");
        List<Diagnostic> out = new ArrayList<>();
        ParsedFile<org.vipctl.admx.binding.PolicyDefinitions> f =
                new AdmxReader().read(admx, org.vipctl.admx.binding.PolicyDefinitions.class, out);
        assertTrue(f.root().isEmpty());
        assertEquals("VIP080", out.get(0).ruleId());
    }
}
