package org.vipctl.emit.gpobackup;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reading backup files in tests: namespace-aware, no DTDs, CDATA kept as its own node. */
final class Dom {

    private Dom() {
    }

    static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setCoalescing(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    /** Child elements in document order. */
    static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    static List<String> childNames(Element e) {
        return children(e).stream().map(Element::getLocalName).toList();
    }

    static Element child(Element e, String localName) {
        return children(e).stream().filter(c -> c.getLocalName().equals(localName)).findFirst()
                .orElseThrow(() -> new AssertionError("<" + e.getLocalName() + "> has no <" + localName + ">"));
    }

    static List<Element> descendants(Element e, String localName) {
        NodeList l = e.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element) l.item(i));
        }
        return out;
    }

    /** The text of the sibling element {@code localName} of {@code e} (e.g. a Value's Name beside its Number). */
    static String sibling(Element e, String localName) {
        return child((Element) e.getParentNode(), localName).getTextContent();
    }
}
