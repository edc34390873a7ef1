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

    /** Made on first JSON or SARIF output: text output (most runs) does not pay for Jackson's set-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private Renderer() {
    }

    /**
     * One line per diagnostic in the form compilers use, {@code file:line:col: error: message [VIP012]},
     * and an indented {@code hint:} line. A diagnostic about a whole file (no position) says
     * {@code file:0:0:}, so every line keeps the same shape for problem matchers and editors. Messages
     * quote the user's values; control characters in them are escaped so that each diagnostic stays on
     * its line and a hostile file cannot send terminal escape sequences.
     */
    public static String text(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append(line(d)).append('\n');
            if (!d.hint().isEmpty()) {
                sb.append("    hint: ").append(printable(d.hint())).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * {@link #text} of the diagnostics, notes only when {@code notes}. Text output lists notes only
     * when asked ({@code --notes}): a note is information that needs no action, and without notes
     * every listed line is an error or a warning, which is what GitHub's gcc problem matcher
     * ({@code ^(.*):(\d+):(\d+):\s+(?:fatal\s+)?(warning|error):\s+(.*)$}) and editors' error
     * formats take. Summaries still count the notes ({@link Findings#counts(boolean)}).
     */
    public static String text(List<Diagnostic> diagnostics, boolean notes) {
        return text(notes ? diagnostics : diagnostics.stream().filter(d -> d.severity() != Severity.NOTE).toList());
    }

    /** The first line of {@link #text}: {@code file:line:col: severity: message [RULE]}. */
    public static String line(Diagnostic d) {
        Location l = d.location();
        return printable(l.file() + ":" + l.line() + ":" + l.column() + ": " + d.severity().label() + ": "
                + d.message() + " [" + d.ruleId() + "]");
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

    /** One line: {@code 2 errors, 1 warning, 0 notes}. */
    public static String summary(List<Diagnostic> diagnostics) {
        return Findings.of(diagnostics).counts();
    }

    /** {@link #summary(List)} for a text output that lists notes only when {@code notesListed}. */
    public static String summary(List<Diagnostic> diagnostics, boolean notesListed) {
        return Findings.of(diagnostics).counts(notesListed);
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** {@link #json(Findings)} of diagnostics with nothing suppressed. */
    public static String json(List<Diagnostic> diagnostics) {
        return json(Findings.of(diagnostics));
    }

    /** {@code {"format_version": 1, "summary": {...}, "diagnostics": [...], "suppressed": [...]}} (docs/json-output.md). */
    public static String json(Findings findings) {
        return write(jsonTree(findings));
    }

    /** The JSON object of {@link #json(Findings)}, for commands that embed it in their own output. */
    public static ObjectNode jsonTree(Findings findings) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format_version", 1);
        ObjectNode summary = root.putObject("summary");
        summary.put("policies", findings.policies());
        summary.put("errors", findings.count(Severity.ERROR));
        summary.put("warnings", findings.count(Severity.WARNING));
        summary.put("notes", findings.count(Severity.NOTE));
        summary.put("suppressed", findings.suppressed().size());
        ArrayNode list = root.putArray("diagnostics");
        findings.reported().forEach(d -> list.add(jsonDiagnostic(d)));
        ArrayNode suppressed = root.putArray("suppressed");
        for (Suppressed s : findings.suppressed()) {
            ObjectNode o = jsonDiagnostic(s.diagnostic());
            ObjectNode by = o.putObject("suppression");
            by.put("kind", s.by().kind() == Suppression.Kind.IN_SOURCE ? "comment" : "project");
            by.put("reason", s.by().reason());
            by.set("location", location(s.by().where()));
            suppressed.add(o);
        }
        return root;
    }

    private static ObjectNode jsonDiagnostic(Diagnostic d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("severity", d.severity().label());
        o.put("rule", d.ruleId());
        o.put("message", d.message());
        o.put("hint", d.hint());
        o.set("location", location(d.location()));
        ArrayNode rel = o.putArray("related");
        d.related().forEach(l -> rel.add(location(l)));
        return o;
    }

    private static ObjectNode location(Location l) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("file", l.file());
        o.put("line", l.line());
        o.put("column", l.column());
        return o;
    }

    /** {@link #sarif(Findings, String)} of diagnostics with nothing suppressed. */
    public static String sarif(List<Diagnostic> diagnostics, String toolVersion) {
        return sarif(Findings.of(diagnostics), toolVersion);
    }

    /**
     * SARIF 2.1.0: one run; every rule that fired with its title, description, help (text and
     * Markdown) and help page from docs/rules.md; one result per finding, suppressed ones carrying
     * their suppression (inSource for a comment, external for the project file).
     */
    public static String sarif(Findings findings, String toolVersion) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "vipctl");
        driver.put("version", toolVersion);
        driver.put("informationUri", RuleDocs.RULES_PAGE);
        ArrayNode rules = driver.putArray("rules");
        List<Diagnostic> all = new java.util.ArrayList<>(findings.reported());
        findings.suppressed().forEach(s -> all.add(s.diagnostic()));
        List<String> ids = all.stream().map(Diagnostic::ruleId).distinct().sorted().toList();
        for (String id : ids) {
            rules.add(sarifRule(id));
        }
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : findings.reported()) {
            results.add(sarifResult(d, ids));
        }
        for (Suppressed s : findings.suppressed()) {
            ObjectNode r = sarifResult(s.diagnostic(), ids);
            ObjectNode sup = r.putArray("suppressions").addObject();
            sup.put("kind", s.by().kind() == Suppression.Kind.IN_SOURCE ? "inSource" : "external");
            if (!s.by().reason().isEmpty()) {
                sup.put("justification", s.by().reason());
            }
            sup.set("location", sarifLocation(s.by().where()));
            results.add(r);
        }
        return write(root);
    }

    private static ObjectNode sarifRule(String id) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("id", id);
        RuleDocs.builtIn().get(id).ifPresent(doc -> {
            r.put("name", camel(doc.title()));
            r.putObject("shortDescription").put("text", doc.title());
            r.putObject("fullDescription").put("text", RuleDoc.plain(firstParagraph(doc.description(), doc.title())));
            ObjectNode help = r.putObject("help");
            help.put("text", doc.text());
            help.put("markdown", doc.markdown());
            r.put("helpUri", doc.helpUri());
            r.putObject("defaultConfiguration").put("level", level(doc.severity()));
        });
        return r;
    }

    private static ObjectNode sarifResult(Diagnostic d, List<String> ids) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("ruleId", d.ruleId());
        r.put("ruleIndex", ids.indexOf(d.ruleId()));
        r.put("level", level(d.severity()));
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
        return r;
    }

    private static String level(Severity s) {
        return s == Severity.ERROR ? "error" : s == Severity.WARNING ? "warning" : "note";
    }

    private static String firstParagraph(String description, String fallback) {
        String p = description.strip().split("\\n\\s*\\n")[0].strip();
        return p.isEmpty() ? fallback : p;
    }

    /** SARIF's rule name: an identifier-like form of the title, e.g. {@code ProgramListedTwice}. */
    static String camel(String title) {
        StringBuilder sb = new StringBuilder();
        for (String w : title.split("[^A-Za-z0-9]+")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
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
