package org.vipctl.admx.lint;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.vipctl.admx.AdmxXml;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Constructs Microsoft's shipped templates use beyond the documented subset (supersededAdm,
 * annotation, clientExtension, enabledList, longDecimal, multiText, list, minVersionIndex on
 * reference, required on boolean, fallbackCulture, comboBox, UTF-16 ADML): the schema accepts
 * them and lint reads them without a single diagnostic.
 */
class MicrosoftQuirksTest {

    private static Path quirks() throws URISyntaxException {
        return Path.of(MicrosoftQuirksTest.class.getResource("quirks/Quirks.admx").toURI()).getParent();
    }

    @Test
    void lintReadsEveryQuirkCleanly() throws Exception {
        LintResult r = new AdmxLinter(true).lint(List.of(quirks()));
        assertEquals(List.of(), r.diagnostics());
        assertEquals(1, r.admxFiles());
        assertEquals(1, r.admlFiles());
    }

    @Test
    void schemaAcceptsEveryQuirk() throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.newSchema(AdmxXml.class.getResource("/org/vipctl/admx/schema/PolicyDefinitions.xsd")).newValidator()
                .validate(new StreamSource(quirks().resolve("Quirks.admx").toFile()));
        f.newSchema(AdmxXml.class.getResource("/org/vipctl/admx/schema/PolicyDefinitionResources.xsd")).newValidator()
                .validate(new StreamSource(quirks().resolve("en-US/Quirks.adml").toFile()));
    }
}
