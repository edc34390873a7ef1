package org.vipctl.admx;

import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The XML namespace of ADMX and ADML elements. Microsoft's schema uses
 * {@value AdmxXml#NS}; templates Windows ships also use no namespace at all (AdmPwd, Search),
 * {@code http://www.microsoft.com/GroupPolicy/PolicyDefinitions} (DmaGuard, msedge) or the
 * https form of the schema's namespace (WindowsSandbox). Windows reads all of them the same way,
 * so every variant is read as the schema's namespace. Windows even ships an ADML whose namespace
 * is a typo ({@code …/Policysecurity intelligence} in WindowsDefender.adml) and loads it: a file's
 * elements are known by the namespace of its root element, whatever that is.
 */
public final class PolicyNamespace {

    private static final Set<String> VARIANTS = Set.of("",
            "http://www.microsoft.com/GroupPolicy/PolicyDefinitions",
            "https://www.microsoft.com/GroupPolicy/PolicyDefinitions",
            "https://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions");

    private PolicyNamespace() {
    }

    /** Whether an element in namespace {@code uri} is an ADMX/ADML element. */
    public static boolean isPolicy(String uri) {
        return AdmxXml.NS.equals(uri) || VARIANTS.contains(uri);
    }

    /** Whether {@code uri} is one of the forms other than the schema's own. */
    public static boolean isVariant(String uri) {
        return VARIANTS.contains(uri);
    }

    /** How a note names a variant. */
    public static String describe(String uri) {
        return uri.isEmpty() ? "no namespace" : "namespace " + uri;
    }

    /**
     * A SAX filter that hands every variant, and whatever namespace the root element uses, on as
     * the schema's namespace (for the JAXB binding): Windows reads a file by its element names.
     */
    public static XMLFilterImpl canonicalizing() {
        return new XMLFilterImpl() {
            private String root;

            @Override
            public void startDocument() throws SAXException {
                root = null;
                super.startDocument();
            }

            @Override
            public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
                if (root == null) {
                    root = uri;
                }
                super.startElement(canonical(uri), localName, qName, atts);
            }

            @Override
            public void endElement(String uri, String localName, String qName) throws SAXException {
                super.endElement(canonical(uri), localName, qName);
            }

            private String canonical(String uri) {
                return isVariant(uri) || uri.equals(root) ? AdmxXml.NS : uri;
            }
        };
    }
}
