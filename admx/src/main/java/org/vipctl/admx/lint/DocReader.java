package org.vipctl.admx.lint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.admx.AdmxXml;
import org.vipctl.admx.ElementKind;
import org.vipctl.admx.PolicyNamespace;
import org.vipctl.admx.XmlFileInput;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.files.InputLimits;
import org.vipctl.files.InputRefused;
import org.vipctl.files.IoProblem;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads ADMX and ADML files for lint in one streaming pass (SAX, no tree): only the names,
 * references and resource ids the store checks need, each with its place. Files are decoded by
 * their byte-order mark; every namespace form Windows ships is read as the schema's and noted.
 * DOCTYPEs are refused. Not thread-safe: one per thread.
 */
final class DocReader {

    /**
     * A file as read: its content when it could be read, what reading it found, and the namespace
     * form of its root element when it is one of the variants Windows ships ({@link NamespaceForms}).
     */
    record Read<T>(Optional<T> doc, List<Diagnostic> diagnostics, Optional<NamespaceForms.Seen> variant) {
    }

    private final XMLReader xml = AdmxXml.secureReader();
    private final InputLimits limits;

    DocReader() {
        this(InputLimits.DEFAULT);
    }

    /** A reader that refuses files above the ADMX limit of {@code limits}. */
    DocReader(InputLimits limits) {
        this.limits = limits;
    }

    Read<AdmxDoc> admx(Path file, String name) {
        AdmxHandler h = new AdmxHandler(name);
        return parse(file, name, h, h::result);
    }

    Read<AdmlDoc> adml(Path file, String name) {
        AdmlHandler h = new AdmlHandler(name);
        return parse(file, name, h, h::result);
    }

    /** Reads a small template from memory: loads and initialises the parser's classes ahead of a store. */
    void warmUp() {
        AdmxHandler h = new AdmxHandler("warm-up");
        xml.setContentHandler(h);
        xml.setErrorHandler(h);
        try {
            xml.parse(new org.xml.sax.InputSource(new java.io.StringReader("<policyDefinitions xmlns=\"" + AdmxXml.NS
                    + "\" revision=\"1.0\" schemaVersion=\"1.0\"><policyNamespaces><target prefix=\"w\" namespace=\"W\"/>"
                    + "</policyNamespaces><resources minRequiredRevision=\"1.0\"/></policyDefinitions>")));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("the XML parser cannot read a minimal template", e);
        }
    }

    private <T> Read<T> parse(Path file, String name, Handler h, java.util.function.Supplier<T> result) {
        xml.setContentHandler(h);
        xml.setErrorHandler(h);
        try {
            xml.parse(XmlFileInput.open(file, limits));
        } catch (SAXParseException e) {
            String msg = clean(e.getMessage());
            h.out.add(Rule.ADMX_SYNTAX.error(new Location(name, e.getLineNumber(), e.getColumnNumber()), msg,
                    msg.contains("DOCTYPE") ? "ADMX and ADML files need no DOCTYPE; vipctl never reads DTDs or"
                            + " external entities" : "fix the XML syntax"));
            return new Read<>(Optional.empty(), h.out, Optional.empty());
        } catch (WrongRoot e) {
            return new Read<>(Optional.empty(), h.out, Optional.empty());
        } catch (SAXException | RuntimeException e) {
            h.out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(name), "cannot read: " + clean(String.valueOf(e.getMessage())),
                    "check that the file is an ADMX or ADML file"));
            return new Read<>(Optional.empty(), h.out, Optional.empty());
        } catch (InputRefused e) {
            h.out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(name), e.getReason(), e.tooLarge()
                    ? "lint the store with a higher limit (--max-input admx=SIZE) if the file is genuine"
                    : "give .admx/.adml files or PolicyDefinitions folders"));
            return new Read<>(Optional.empty(), h.out, Optional.empty());
        } catch (IOException e) {
            h.out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(name), "cannot read file: " + IoProblem.describe(e),
                    "check the path and its permissions"));
            return new Read<>(Optional.empty(), h.out, Optional.empty());
        }
        return new Read<>(Optional.of(result.get()), h.out, h.variant);
    }

    private static String clean(String message) {
        return message == null ? "" : message.replace('\n', ' ').strip();
    }

    /** Ends the parse of a file whose root is not what it should be. */
    private static final class WrongRoot extends SAXException {
        WrongRoot() {
            super("wrong root element");
        }
    }

    /** The walk shared by both kinds: the grammar, skipping unknown content, places. */
    private abstract static class Handler extends DefaultHandler {
        final String name;
        final List<Diagnostic> out = new ArrayList<>();
        final List<AdmxDoc.Unexpected> unexpected = new ArrayList<>();
        private final String root;
        private final Grammar rootContext;
        private final Grammar[] stack = new Grammar[64];
        private final String[] names = new String[64];
        private int depth;
        private int skipping;
        private Locator locator;
        private String rootUri = "";
        Optional<NamespaceForms.Seen> variant = Optional.empty();

        Handler(String name, String root, Grammar rootContext) {
            this.name = name;
            this.root = root;
            this.rootContext = rootContext;
        }

        @Override
        public void setDocumentLocator(Locator l) {
            locator = l;
        }

        Location here() {
            return locator == null ? Location.ofFile(name) : new Location(name, Math.max(locator.getLineNumber(), 0),
                    Math.max(locator.getColumnNumber(), 0));
        }

        @Override
        public final void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
            if (skipping > 0) {
                skipping++;
                return;
            }
            if (depth == 0) {
                if (!local.equals(root)) {
                    out.add(Rule.ADMX_STRUCTURE.error(Location.ofFile(name), "root element is not <" + root + ">",
                            "is this an ADMX/ADML file?"));
                    throw new WrongRoot();
                }
                rootUri = uri;
                if (PolicyNamespace.isVariant(uri)) {
                    variant = Optional.of(new NamespaceForms.Seen(uri, name, here()));
                } else if (!uri.equals(AdmxXml.NS)) {
                    out.add(Rule.ADMX_STRUCTURE.warning(here(), "<" + root + "> uses namespace '" + uri + "', which is"
                            + " none of the forms of the ADMX format's namespace; read as " + AdmxXml.NS,
                            "Windows reads a file by its element names (it ships WindowsDefender.adml with such a typo);"
                                    + " in your own templates use xmlns=\"" + AdmxXml.NS + "\""));
                }
                push(rootContext, local);
                element(rootContext, a);
                return;
            }
            Grammar parent = stack[depth - 1];
            if (parent == Grammar.ANY) {
                skipping = 1;
                return;
            }
            Optional<Grammar> child = uri.equals(rootUri) || PolicyNamespace.isPolicy(uri) ? parent.child(local)
                    : Optional.empty();
            if (child.isEmpty() || depth == stack.length) {
                unexpected.add(new AdmxDoc.Unexpected(local, names[depth - 1], here()));
                skipping = 1;
                return;
            }
            push(child.get(), local);
            child(parent, local, a);
        }

        private void push(Grammar g, String local) {
            stack[depth] = g;
            names[depth] = local;
            depth++;
        }

        @Override
        public final void endElement(String uri, String local, String qName) {
            if (skipping > 0) {
                skipping--;
                return;
            }
            depth--;
            end(stack[depth], local);
        }

        @Override
        public void warning(SAXParseException e) {
            // the parser's warnings are about DTD features we never read
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        /** The root element's attributes. */
        abstract void element(Grammar root, Attributes a);

        /** A known child {@code local} of an element in context {@code parent}. */
        abstract void child(Grammar parent, String local, Attributes a);

        /** The end of a known element in context {@code g}. */
        void end(Grammar g, String local) {
        }

        static String attr(Attributes a, String name) {
            String v = a.getValue(name);
            return v == null ? "" : v;
        }
    }

    private static final class AdmxHandler extends Handler {
        private Optional<AdmxDoc.Binding> target = Optional.empty();
        private final List<AdmxDoc.Binding> using = new ArrayList<>();
        private Optional<AdmxDoc.Resources> resources = Optional.empty();
        private final List<AdmxDoc.Named> products = new ArrayList<>();
        private final List<AdmxDoc.Definition> definitions = new ArrayList<>();
        private final List<AdmxDoc.Category> categories = new ArrayList<>();
        private final List<AdmxDoc.Policy> policies = new ArrayList<>();
        private Location rootAt = Location.ofFile("");

        // the definition, category, policy and element being read
        private String[] open = new String[0];
        private Location openAt;
        private List<AdmxDoc.Ref> refs;
        private Optional<AdmxDoc.Ref> parent;
        private Optional<AdmxDoc.Ref> supportedOn;
        private List<AdmxDoc.Element> elements;
        private List<AdmxDoc.EnumItem> items;
        private String enumId;
        private Location enumAt;

        AdmxHandler(String name) {
            super(name, "policyDefinitions", Grammar.ADMX_ROOT);
        }

        @Override
        void element(Grammar root, Attributes a) {
            rootAt = here();
        }

        @Override
        void child(Grammar parentContext, String local, Attributes a) {
            switch (parentContext) {
                case NAMESPACES -> {
                    AdmxDoc.Binding b = new AdmxDoc.Binding(attr(a, "prefix"), attr(a, "namespace"), here());
                    if (local.equals("target")) {
                        if (target.isEmpty()) {
                            target = Optional.of(b);
                        }
                    } else {
                        using.add(b);
                    }
                }
                case ADMX_ROOT -> {
                    if (local.equals("resources")) {
                        resources = Optional.of(new AdmxDoc.Resources(attr(a, "minRequiredRevision"),
                                attr(a, "fallbackCulture"), here()));
                    }
                }
                case PRODUCTS, PRODUCT, MAJOR_VERSION -> products.add(new AdmxDoc.Named(
                        local.equals("product") ? "product" : "product version", attr(a, "name"),
                        attr(a, "displayName"), here()));
                case DEFINITIONS -> {
                    open = new String[] {attr(a, "name"), attr(a, "displayName")};
                    openAt = here();
                    refs = new ArrayList<>();
                }
                case COMBINATION -> refs.add(new AdmxDoc.Ref(attr(a, "ref"), here()));
                case CATEGORIES -> {
                    open = new String[] {attr(a, "name"), attr(a, "displayName"), attr(a, "explainText")};
                    openAt = here();
                    parent = Optional.empty();
                }
                case CATEGORY -> {
                    if (local.equals("parentCategory")) {
                        parent = Optional.of(new AdmxDoc.Ref(attr(a, "ref"), here()));
                    }
                }
                case POLICIES -> {
                    open = new String[] {attr(a, "name"), attr(a, "class"), attr(a, "displayName"),
                        attr(a, "explainText"), attr(a, "presentation"), attr(a, "key")};
                    openAt = here();
                    parent = Optional.empty();
                    supportedOn = Optional.empty();
                    elements = new ArrayList<>();
                }
                case POLICY -> {
                    if (local.equals("parentCategory")) {
                        parent = Optional.of(new AdmxDoc.Ref(attr(a, "ref"), here()));
                    } else if (local.equals("supportedOn")) {
                        supportedOn = Optional.of(new AdmxDoc.Ref(attr(a, "ref"), here()));
                    }
                }
                case ELEMENTS -> {
                    ElementKind kind = ElementKind.ofXmlName(local).orElseThrow();
                    if (kind == ElementKind.ENUM) {
                        enumId = attr(a, "id");
                        enumAt = here();
                        items = new ArrayList<>();
                    } else {
                        elements.add(new AdmxDoc.Element(kind, attr(a, "id"), here(), List.of()));
                    }
                }
                case ENUM -> items.add(new AdmxDoc.EnumItem(attr(a, "displayName"), here()));
                default -> {
                }
            }
        }

        @Override
        void end(Grammar g, String local) {
            switch (g) {
                case DEFINITION -> definitions.add(new AdmxDoc.Definition(open[0], open[1], openAt, List.copyOf(refs)));
                case CATEGORY -> categories.add(new AdmxDoc.Category(open[0], open[1], open[2], openAt, parent));
                case POLICY -> policies.add(new AdmxDoc.Policy(open[0], open[1], open[2], open[3], open[4], open[5],
                        openAt, parent, supportedOn, List.copyOf(elements)));
                case ENUM -> elements.add(new AdmxDoc.Element(ElementKind.ENUM, enumId, enumAt, List.copyOf(items)));
                default -> {
                }
            }
        }

        AdmxDoc result() {
            return new AdmxDoc(rootAt, target, using, resources, products, definitions, categories, policies,
                    unexpected);
        }
    }

    private static final class AdmlHandler extends Handler {
        private Location rootAt = Location.ofFile("");
        private String revision = "";
        private boolean hasResources;
        private final List<AdmlDoc.Id> strings = new ArrayList<>();
        private final List<AdmlDoc.Presentation> presentations = new ArrayList<>();
        private String presentationId;
        private Location presentationAt;
        private List<AdmlDoc.Control> controls;

        AdmlHandler(String name) {
            super(name, "policyDefinitionResources", Grammar.ADML_ROOT);
        }

        @Override
        void element(Grammar root, Attributes a) {
            rootAt = here();
            revision = attr(a, "revision");
        }

        @Override
        void child(Grammar parentContext, String local, Attributes a) {
            switch (parentContext) {
                case ADML_ROOT -> hasResources |= local.equals("resources");
                case STRING_TABLE -> strings.add(new AdmlDoc.Id(attr(a, "id"), here()));
                case PRESENTATION_TABLE -> {
                    presentationId = attr(a, "id");
                    presentationAt = here();
                    controls = new ArrayList<>();
                }
                case PRESENTATION -> controls.add(new AdmlDoc.Control(local, local.equals("text") ? "" : attr(a, "refId"),
                        here()));
                default -> {
                }
            }
        }

        @Override
        void end(Grammar g, String local) {
            if (g == Grammar.PRESENTATION) {
                presentations.add(new AdmlDoc.Presentation(presentationId, presentationAt, List.copyOf(controls)));
            }
        }

        AdmlDoc result() {
            return new AdmlDoc(rootAt, revision, hasResources, strings, presentations, unexpected);
        }
    }
}
