package org.vipctl.format.citrix;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the CliXml that {@link CliXmlWriter} writes and that {@code Export-Clixml} writes for
 * Citrix exports into {@link CliValue}s: {@code S B I32 Nil}, property bags ({@code MS}, and
 * {@code Props} merged into them), lists ({@code LST}, {@code IE}, {@code STK}, {@code QUE}),
 * {@code Ref} to an object read before, {@code TN}/{@code TNRef} type lists and {@code _xHHHH_}
 * decoding. Other elements (a setting vipctl does not manage may hold a date, a 64-bit number or a
 * dictionary) become {@link CliValue.Other}. DTDs and external entities are refused; XML that is
 * not CliXml is a {@link CliXmlException} naming the line.
 */
public final class CliXmlReader {

    private final XMLStreamReader xml;
    private final Map<String, List<String>> typeNames = new HashMap<>();
    private final Map<String, CliValue> objects = new HashMap<>();

    private CliXmlReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    public static List<CliValue.Obj> read(byte[] bytes) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                return new CliXmlReader(r).document();
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new CliXmlException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private List<CliValue.Obj> document() throws XMLStreamException {
        nextElement();
        expect("Objs");
        List<CliValue.Obj> objects = new ArrayList<>();
        while (nextElement()) {
            if (!xml.getLocalName().equals("Ref")) {
                expect("Obj");
            }
            CliValue v = value();
            if (!(v instanceof CliValue.Obj o)) {
                throw error("top-level object is not a property bag");
            }
            objects.add(o);
        }
        return objects;
    }

    /** Moves to the next start element of this level; false at the parent's end element. */
    private boolean nextElement() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!CliXmlWriter.NAMESPACE.equals(xml.getNamespaceURI())) {
                    throw error("element <" + xml.getLocalName() + "> is not in the PowerShell namespace");
                }
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.CHARACTERS && !xml.isWhiteSpace()) {
                throw error("unexpected text '" + xml.getText().strip() + "'");
            }
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw error("DTDs and entities are not allowed");
            }
        }
        return false;
    }

    private void expect(String name) {
        if (!name.equals(xml.getLocalName())) {
            throw error("expected <" + name + "> but found <" + xml.getLocalName() + ">");
        }
    }

    private CliValue value() throws XMLStreamException {
        String tag = xml.getLocalName();
        switch (tag) {
            case "S":
                return new CliValue.Str(decode(xml.getElementText()));
            case "B": {
                String t = xml.getElementText().strip();
                if (!t.equals("true") && !t.equals("false")) {
                    throw error("boolean '" + t + "' is neither true nor false");
                }
                return new CliValue.Bool(t.equals("true"));
            }
            case "I32": {
                String t = xml.getElementText().strip();
                try {
                    return new CliValue.Int32(Integer.parseInt(t));
                } catch (NumberFormatException e) {
                    throw error("'" + t + "' is not a 32-bit integer");
                }
            }
            case "Nil":
                xml.getElementText();
                return new CliValue.Nil();
            case "Obj": {
                String ref = xml.getAttributeValue(null, "RefId");
                CliValue v = objOrArray();
                if (ref != null) {
                    objects.put(ref, v);
                }
                return v;
            }
            case "Ref": {
                CliValue v = objects.get(refId());
                if (v == null) {
                    throw error("Ref to an object not read before");
                }
                skip();
                return v;
            }
            default:
                return skip();
        }
    }

    /** Reads past the current element; its text when it is a primitive, nothing for a container. */
    private CliValue.Other skip() throws XMLStreamException {
        String tag = xml.getLocalName();
        StringBuilder text = new StringBuilder();
        boolean container = false;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                container = true;
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS && depth == 1) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw error("DTDs and entities are not allowed");
            }
        }
        return new CliValue.Other(tag, container ? "" : decode(text.toString()));
    }

    private CliValue objOrArray() throws XMLStreamException {
        List<String> types = List.of();
        CliValue result = null;
        while (nextElement()) {
            String tag = xml.getLocalName();
            if (tag.equals("TN")) {
                String ref = refId();
                List<String> names = new ArrayList<>();
                while (nextElement()) {
                    expect("T");
                    names.add(xml.getElementText());
                }
                typeNames.put(ref, names);
                types = names;
            } else if (tag.equals("TNRef")) {
                types = typeNames.get(refId());
                if (types == null) {
                    throw error("TNRef to an unknown type list");
                }
                xml.getElementText();
            } else if (tag.equals("MS") || tag.equals("Props")) {
                CliValue.Builder b = CliValue.Obj.builder();
                if (result instanceof CliValue.Obj earlier) {
                    earlier.members().forEach(b::put);
                }
                while (nextElement()) {
                    String name = xml.getAttributeValue(null, "N");
                    if (name == null) {
                        throw error("member without a name (N attribute)");
                    }
                    try {
                        b.put(decode(name), value());
                    } catch (IllegalArgumentException e) {
                        throw error("member '" + decode(name) + "' appears twice");
                    }
                }
                result = b.build();
            } else if (tag.equals("LST") || tag.equals("IE") || tag.equals("STK") || tag.equals("QUE")) {
                List<CliValue> items = new ArrayList<>();
                while (nextElement()) {
                    items.add(value());
                }
                result = new CliValue.Arr(items);
            } else if (tag.equals("ToString")) {
                xml.getElementText();
            } else {
                // DCT and the primitive value of an extended object: nothing Citrix policy data needs.
                CliValue.Other other = skip();
                if (result == null) {
                    result = other;
                }
            }
        }
        if (result == null) {
            throw error("object has neither members (MS) nor a list (LST)");
        }
        if (result instanceof CliValue.Other && !types.isEmpty()) {
            result = new CliValue.Other(types.get(0), "");
        }
        if (result instanceof CliValue.Arr && !types.isEmpty() && !types.get(0).endsWith("[]")) {
            throw error("list object has type " + types.get(0));
        }
        return result;
    }

    private String refId() {
        String ref = xml.getAttributeValue(null, "RefId");
        if (ref == null) {
            throw error("<" + xml.getLocalName() + "> without RefId");
        }
        return ref;
    }

    private CliXmlException error(String message) {
        return new CliXmlException("line " + xml.getLocation().getLineNumber() + ": " + message, null);
    }

    /** Reverses {@link CliXmlWriter#encode}: every {@code _xHHHH_} becomes its character. */
    static String decode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("_x", i) && i + 7 <= s.length() && s.charAt(i + 6) == '_'
                    && s.substring(i + 2, i + 6).matches("[0-9A-Fa-f]{4}")) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }

    /** A CliXml document that cannot be read. */
    public static final class CliXmlException extends RuntimeException {
        CliXmlException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
