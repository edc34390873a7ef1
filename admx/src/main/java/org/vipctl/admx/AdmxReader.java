package org.vipctl.admx;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.transform.sax.SAXSource;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Location;
import org.vipctl.diagnostic.Rule;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads ADMX and ADML files leniently: JAXB without schema validation, so content the binding does
 * not know is skipped and reported as a located warning instead of failing the file. Only XML that
 * is not well-formed (or has a DOCTYPE) makes a file unreadable. Not thread-safe: one per thread.
 */
public final class AdmxReader {

    private final Unmarshaller unmarshaller;
    private final XMLReader xml;

    public AdmxReader() {
        try {
            unmarshaller = AdmxXml.context().createUnmarshaller();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot create an ADMX reader", e);
        }
        xml = AdmxXml.secureReader();
    }

    /** Reads one file; problems go to {@code out}. */
    public <T> ParsedFile<T> read(Path path, Class<T> rootType, List<Diagnostic> out) {
        return read(path, path.toString(), rootType, out);
    }

    /** Reads one file, naming it {@code name} in diagnostics. */
    public <T> ParsedFile<T> read(Path path, String name, Class<T> rootType, List<Diagnostic> out) {
        List<Diagnostic> events = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path)) {
            unmarshaller.setEventHandler(e -> {
                if (e.getSeverity() != ValidationEvent.FATAL_ERROR) {
                    events.add(Rule.ADMX_STRUCTURE.warning(at(name, e.getLocator()), clean(e.getMessage()),
                            "the content is ignored; check it against schemas/admx"));
                }
                return true;
            });
            InputSource source = new InputSource(in);
            source.setSystemId(path.toUri().toString());
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
            out.add(syntaxError(name, e));
        } catch (JAXBException | RuntimeException e) {
            out.addAll(events);
            out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(name), "cannot read: " + clean(String.valueOf(e.getMessage())),
                    "check that the file is an ADMX or ADML file"));
        } catch (IOException e) {
            out.add(Rule.ADMX_SYNTAX.error(Location.ofFile(name), "cannot read file: " + e.getMessage(),
                    "check the path and its permissions"));
        }
        return new ParsedFile<>(path, name, Optional.empty());
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
