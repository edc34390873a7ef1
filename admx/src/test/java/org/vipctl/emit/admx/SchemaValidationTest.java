package org.vipctl.emit.admx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vipctl.admx.AdmxXml;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.OutputFiles;
import org.xml.sax.SAXException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The written templates are valid against our own XSD, checked in the JVM (always) and with
 * xmllint (when installed); and the XSD accepts Microsoft's real files.
 */
class SchemaValidationTest {

    private static Schema schema(String name) throws SAXException {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        URL xsd = AdmxXml.class.getResource("/org/vipctl/admx/schema/" + name);
        return f.newSchema(xsd);
    }

    private static Validator validator(String schemaName) throws SAXException {
        Validator v = schema(schemaName).newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return v;
    }

    private static String schemaFor(String file) {
        return file.endsWith(".admx") ? "PolicyDefinitions.xsd" : "PolicyDefinitionResources.xsd";
    }

    private static OutputFiles generated() {
        Diagnostics d = new Diagnostics();
        return Fixtures.emit(new AdmxEmitter(), Catalog.builtIn(), List.of(), d);
    }

    @Test
    void generatedFilesValidateInTheJvm() throws Exception {
        OutputFiles out = generated();
        assertEquals(3, out.files().size());
        for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
            validator(schemaFor(e.getKey())).validate(new StreamSource(new ByteArrayInputStream(e.getValue())));
        }
    }

    @Test
    void schemaRejectsWhatTheFormatForbids() throws Exception {
        String bad = "<policyDefinitions xmlns=\"" + AdmxXml.NS + "\" revision=\"one\" schemaVersion=\"1.0\">"
                + "<policyNamespaces><target prefix=\"a\" namespace=\"A\"/></policyNamespaces>"
                + "<resources minRequiredRevision=\"1.0\"/></policyDefinitions>";
        Validator v = validator("PolicyDefinitions.xsd");
        assertThrows(SAXException.class, () -> v.validate(new StreamSource(new ByteArrayInputStream(bad.getBytes()))));
    }

    @Test
    void microsoftReferenceFilesValidateInTheJvm() throws Exception {
        assumeTrue(Fixtures.hasReferenceStore(), "../shared/reference/admx is not present");
        for (Path f : referenceFiles()) {
            validator(schemaFor(f.toString())).validate(new StreamSource(f.toFile()));
        }
    }

    @Test
    void generatedAndReferenceFilesValidateWithXmllint(@TempDir Path tmp) throws Exception {
        assumeTrue(xmllintAvailable(), "xmllint is not installed (apt-get install libxml2-utils)");
        generated().writeTo(tmp);
        List<Path> all = new ArrayList<>();
        try (var s = Files.walk(tmp)) {
            s.filter(Files::isRegularFile).forEach(all::add);
        }
        if (Fixtures.hasReferenceStore()) {
            all.addAll(referenceFiles());
        }
        for (Path f : all) {
            Process p = new ProcessBuilder("xmllint", "--noout", "--nonet", "--schema",
                    Fixtures.schema(schemaFor(f.toString())).toString(), f.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), () -> f + ":\n" + output);
        }
    }

    private static List<Path> referenceFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (var s = Files.walk(Fixtures.referenceStore())) {
            s.filter(p -> p.toString().endsWith(".admx") || p.toString().endsWith(".adml")).sorted().forEach(files::add);
        }
        return files;
    }

    private static boolean xmllintAvailable() {
        try {
            Process p = new ProcessBuilder("xmllint", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
