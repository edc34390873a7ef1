package org.vipctl.diagnostic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** Renders diagnostics once, in one of three forms: text for people, JSON for scripts, SARIF 2.1.0 for code-scanning UIs. */
public final class Renderer {

    public enum Format {
        TEXT, JSON, SARIF;

        public static Format parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private Renderer() {
    }

    /**
     * {@code file:line:col: error VIP012 message} and an indented {@code hint:} line. Messages quote
     * the user's values; control characters in them are escaped so that each diagnostic stays on its
     * line and a hostile file cannot send terminal escape sequences.
     */
    public static String text(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append(printable(d.location() + ": " + d.severity().label() + " " + d.ruleId() + " " + d.message()))
                    .append('\n');
            if (!d.hint().isEmpty()) {
                sb.append("    hint: ").append(printable(d.hint())).append('\n');
            }
        }
        return sb.toString();
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** One line: {@code 2 errors, 1 warning}. */
    public static String summary(List<Diagnostic> diagnostics) {
        long e = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long w = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        return plural(e, "error") + ", " + plural(w, "warning");
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** {@code {"format_version": 1, "summary": {...}, "diagnostics": [...]}}. */
    public static String json(List<Diagnostic> diagnostics) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format_version", 1);
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", diagnostics.stream().filter(Diagnostic::isError).count());
        summary.put("warnings", diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count());
        summary.put("notes", diagnostics.stream().filter(d -> d.severity() == Severity.NOTE).count());
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : diagnostics) {
            ObjectNode o = list.addObject();
            o.put("severity", d.severity().label());
            o.put("rule", d.ruleId());
            o.put("message", d.message());
            o.put("hint", d.hint());
            o.set("location", location(d.location()));
            ArrayNode rel = o.putArray("related");
            d.related().forEach(l -> rel.add(location(l)));
        }
        return write(root);
    }

    private static ObjectNode location(Location l) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("file", l.file());
        o.put("line", l.line());
        o.put("column", l.column());
        return o;
    }

    /** SARIF 2.1.0: one run, the rules that fired, one result per diagnostic. */
    public static String sarif(List<Diagnostic> diagnostics, String toolVersion) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "vipctl");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://vipctl.org/docs/rules");
        ArrayNode rules = driver.putArray("rules");
        List<String> ids = diagnostics.stream().map(Diagnostic::ruleId).distinct().sorted().toList();
        for (String id : ids) {
            ObjectNode r = rules.addObject();
            r.put("id", id);
            Rule.byId(id).ifPresent(rule -> r.putObject("shortDescription").put("text", rule.summary()));
        }
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : diagnostics) {
            ObjectNode r = results.addObject();
            r.put("ruleId", d.ruleId());
            r.put("ruleIndex", ids.indexOf(d.ruleId()));
            r.put("level", d.severity() == Severity.ERROR ? "error" : d.severity() == Severity.WARNING ? "warning" : "note");
            r.putObject("message").put("text", d.hint().isEmpty() ? d.message() : d.message() + " (hint: " + d.hint() + ")");
            r.putArray("locations").add(sarifLocation(d.location()));
            if (!d.related().isEmpty()) {
                ArrayNode rel = r.putArray("relatedLocations");
                int i = 0;
                for (Location l : d.related()) {
                    ObjectNode rl = sarifLocation(l);
                    rl.put("id", i++);
                    rel.add(rl);
                }
            }
        }
        return write(root);
    }

    private static ObjectNode sarifLocation(Location l) {
        ObjectNode loc = JsonNodeFactory.instance.objectNode();
        ObjectNode phys = loc.putObject("physicalLocation");
        phys.putObject("artifactLocation").put("uri", uri(l.file()));
        if (l.hasPosition()) {
            ObjectNode region = phys.putObject("region");
            region.put("startLine", l.line());
            region.put("startColumn", Math.max(1, l.column()));
        }
        return loc;
    }

    /**
     * SARIF wants a URI reference: a relative path stays relative (code-scanning tools resolve it
     * against the repository), an absolute one becomes a file: URI, and characters a URI cannot
     * carry (spaces, %, #, ?) are percent-encoded.
     */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        boolean windowsAbsolute = path.matches("[A-Za-z]:/.*");
        StringBuilder sb = new StringBuilder();
        if (windowsAbsolute) {
            sb.append("file:///").append(path, 0, 2);
            path = path.substring(2);
        } else if (path.startsWith("/")) {
            sb.append("file://");
        }
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }

    private static String write(ObjectNode root) {
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
