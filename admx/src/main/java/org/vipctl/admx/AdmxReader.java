package org.vipctl.admx;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.transform.sax.SAXSource;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.vipctl.files.InputLimits;
import org.vipctl.files.InputRefused;
import org.vipctl.files.IoProblem;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads ADMX and ADML files into the JAXB binding leniently: without schema validation, so content
 * the binding does not know is skipped and reported as a located warning instead of failing the
 * file. Files are decoded by their byte-order mark and every namespace form Windows ships is read
 * as the schema's ({@link XmlFileInput}, {@link PolicyNamespace}). Only XML that is not
 * well-formed (or has a DOCTYPE) makes a file unreadable. Not thread-safe: one per thread.
 */
public final class AdmxReader {

    private final Unmarshaller unmarshaller;
    private final XMLReader xml;
    private final InputLimits limits;

    public AdmxReader() {
        this(InputLimits.DEFAULT);
    }

    /** A reader that refuses files above the ADMX limit of {@code limits}. */
    public AdmxReader(InputLimits limits) {
        this.limits = limits;
        try {
            unmarshaller = AdmxXml.context().createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create an ADMX reader", e);
        }
        org.xml.sax.helpers.XMLFilterImpl filter = PolicyNamespace.canonicalizing();
        filter.setParent(AdmxXml.secureReader());
        xml = filter;
    }

    /** Reads one file; problems go to {@code out}. */
    public <T> ParsedFile<T> read(Path path, Class<T> rootType, List<Diagnostic> out) {
        return read(path, path.toString(), rootType, out);
    }

    /** Reads one file, naming it {@code name} in diagnostics. */
    public <T> ParsedFile<T> read(Path path, String name, Class<T> rootType, List<Diagnostic> out) {
        List<Diagnostic> events = new ArrayList<>();
        try {
            InputSource source = XmlFileInput.open(path, limits);
            unmarshaller.setEventHandler(e -> {
                if (e.getSeverity() != ValidationEvent.FATAL_ERROR) {
                    events.add(Rule.ADMX_STRUCTURE.warning(at(name, e.getLocator()), clean(e.getMessage()),
                            "the content is ignored; check it against schemas/admx"));
                }
                return true;
            });
            Object root = unmarshaller.unmarshal(new SAXSource(xml, source));
            if (root instanceof JAXBElement<?> je) {
                root = je.getValue();
            }
            out.addAll(events);
            if (!rootType.isInstance(root)) {
                out.add(Rule.ADMX_STRUCTURE.error(Location.ofFile(name), "root element is not <"
                        + expectedRoot(rootType) + ">", "is this an ADMX/ADML file?"));
                return new ParsedFile<>(path, name, Optional.empty());
            }
            return new ParsedFile<>(path, name, Optional.of(rootType.cast(root)));
        } catch (UnmarshalException e) {
            out.addAll(events);
            Optional<InputRefused> refused = refused(e);
            out.add(refused.isPresent() ? refusedError(name, refused.get()) : syntaxError(name, e));
        } catch (JAXBException | RuntimeException e) {
            out.addAll(events);
            out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(name), "cannot read: " + clean(String.valueOf(e.getMessage())),
                    "check that the file is an ADMX or ADML file"));
        } catch (InputRefused e) {
            out.add(refusedError(name, e));
        } catch (IOException e) {
            out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(name), "cannot read file: " + IoProblem.describe(e),
                    "check the path and its permissions"));
        }
        return new ParsedFile<>(path, name, Optional.empty());
    }

    /** The parser wraps a failure of the stream below it; a refused file is reported as such. */
    private static Optional<InputRefused> refused(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof InputRefused r) {
                return Optional.of(r);
            }
            t = t instanceof UnmarshalException u && u.getLinkedException() != null ? u.getLinkedException() : t.getCause();
        }
        return Optional.empty();
    }

    private static Diagnostic refusedError(String name, InputRefused e) {
        return Rule.ADMX_SYNTAX.error(Location.ofFile(name), e.getReason(),
                e.tooLarge() ? "lint the store with a higher limit if the file is genuine" : "give .admx/.adml files or PolicyDefinitions folders");
    }

    private static String expectedRoot(Class<?> type) {
        String s = type.getSimpleName();
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static Diagnostic syntaxError(String name, UnmarshalException e) {
        Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
        if (cause instanceof SAXParseException spe) {
            String msg = clean(spe.getMessage());
            String hint = msg.contains("DOCTYPE")
                    ? "ADMX and ADML files need no DOCTYPE; vipctl never reads DTDs or external entities"
                    : "fix the XML syntax";
            return Rule.ADMX_SYNTAX.error(new Location(name, spe.getLineNumber(), spe.getColumnNumber()), msg, hint);
        }
        String msg = cause != null ? cause.getMessage() : e.getMessage();
        return Rule.ADMX_SYNTAX.error(Location.ofFile(name), "not readable XML: " + clean(String.valueOf(msg)),
                "fix the XML syntax");
    }

    public static Location at(String file, ValidationEventLocator l) {
        return l == null ? Location.ofFile(file) : new Location(file, Math.max(l.getLineNumber(), 0),
                Math.max(l.getColumnNumber(), 0));
    }

    public static Location at(String file, Locator l) {
        return l == null ? Location.ofFile(file) : new Location(file, Math.max(l.getLineNumber(), 0),
                Math.max(l.getColumnNumber(), 0));
    }

    private static String clean(String message) {
        return message == null ? "" : message.replace('\n', ' ').strip();
    }
}
