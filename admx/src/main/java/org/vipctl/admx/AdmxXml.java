package org.vipctl.admx;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.vipctl.admx.binding.PolicyDefinitionResources;
import org.vipctl.admx.binding.PolicyDefinitions;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The JAXB context of the ADMX/ADML binding and the one safe way to get an XML parser: DOCTYPE
 * declarations are refused outright, so no external entity or DTD is ever resolved.
 */
public final class AdmxXml {

    /** ADMX ids: letters, digits and underscore. */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_]+");

    public static final String NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions";

    // Immutable and thread-safe once built; building it is the slow part of a lint run.
    private static final JAXBContext CONTEXT = createContext();

    private AdmxXml() {
    }

    public static JAXBContext context() {
        return CONTEXT;
    }

    private static JAXBContext createContext() {
        try {
            return JAXBContext.newInstance(PolicyDefinitions.class, PolicyDefinitionResources.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the ADMX binding cannot be loaded", e);
        }
    }

    /** A namespace-aware SAX reader that rejects DOCTYPE and never fetches anything. */
    public static XMLReader secureReader() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader r = f.newSAXParser().getXMLReader();
            r.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' refused");
            });
            return r;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("no secure XML parser available", e);
        }
    }

    /** Marshals a root object (PolicyDefinitions or PolicyDefinitionResources) as indented UTF-8 XML. */
    public static byte[] marshal(Object root) {
        try {
            Marshaller m = CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.marshal(root, out);
            return out.toString(StandardCharsets.UTF_8).replace(" standalone=\"yes\"", "")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write ADMX/ADML: " + e, e);
        }
    }
}
