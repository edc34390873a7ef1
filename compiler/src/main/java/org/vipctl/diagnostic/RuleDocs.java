package org.vipctl.diagnostic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule sections of docs/rules.md, read from the copy packed into the jar. Each section is
 * {@code ### VIPnnn — Title [(warning)|(note)]}, then the description, and optionally
 * {@code *Example:*} with a fenced block, {@code *Fix:*} and {@code *Source:*} paragraphs.
 */
public final class RuleDocs {

    static final String RESOURCE = "/org/vipctl/docs/rules.md";
    static final String RULES_PAGE = "https://vipctl.org/docs/rules";

    private static final Pattern HEADING = Pattern.compile("(?m)^(#{2,3}) (.*)$");
    private static final Pattern RULE_TITLE = Pattern.compile("(VIP\\d{3}) — (.+?)(?: \\((warning|note)\\))?");

    private final Map<String, RuleDoc> byId;

    private RuleDocs(Map<String, RuleDoc> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** Read once per process, on first use. */
    private static final class BuiltIn {
        static final RuleDocs DOCS = parse(read());

        private static String read() {
            try (InputStream in = RuleDocs.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("rule documentation missing from the jar: " + RESOURCE);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the rule documentation", e);
            }
        }
    }

    public static RuleDocs builtIn() {
        return BuiltIn.DOCS;
    }

    public Optional<RuleDoc> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, RuleDoc> all() {
        return new java.util.TreeMap<>(byId);
    }

    public static RuleDocs parse(String markdown) {
        Map<String, RuleDoc> out = new LinkedHashMap<>();
        Matcher m = HEADING.matcher(markdown);
        int start = -1;
        String heading = null;
        while (true) {
            boolean found = m.find();
            if (heading != null) {
                section(heading, markdown.substring(start, found ? m.start() : markdown.length())).ifPresent(d -> out.put(d.id(), d));
            }
            if (!found) {
                break;
            }
            heading = m.group(1).length() == 3 ? m.group(2) : null;
            start = m.end();
        }
        return new RuleDocs(out);
    }

    private static Optional<RuleDoc> section(String heading, String body) {
        Matcher t = RULE_TITLE.matcher(heading.strip());
        if (!t.matches()) {
            return Optional.empty();
        }
        Severity severity = t.group(3) == null ? Severity.ERROR : Severity.parse(t.group(3));
        String example = "";
        String fix = "";
        String source = "";
        StringBuilder description = new StringBuilder();
        String[] paragraphs = body.strip().split("\\n\\s*\\n");
        for (int i = 0; i < paragraphs.length; i++) {
            String p = paragraphs[i].strip();
            if (p.startsWith("*Example:*")) {
                String rest = p.substring("*Example:*".length()).strip();
                StringBuilder block = new StringBuilder(rest);
                if (rest.isEmpty() && i + 1 < paragraphs.length) {
                    block.append(paragraphs[++i]);
                }
                // a fenced block may contain blank lines: join paragraphs until it closes
                while (fenceOpen(block.toString()) && i + 1 < paragraphs.length) {
                    block.append("\n\n").append(paragraphs[++i]);
                }
                example = unfence(block.toString());
            } else if (p.startsWith("*Fix:*")) {
                fix = p.substring("*Fix:*".length()).strip();
            } else if (p.startsWith("*Source:*")) {
                source = p.substring("*Source:*".length()).strip();
            } else {
                if (description.length() > 0) {
                    description.append("\n\n");
                }
                description.append(p);
            }
        }
        return Optional.of(new RuleDoc(t.group(1), t.group(2).strip(), severity, description.toString(), example, fix, source));
    }

    private static boolean fenceOpen(String s) {
        return s.lines().filter(l -> l.strip().startsWith("```")).count() % 2 == 1;
    }

    private static String unfence(String block) {
        StringBuilder sb = new StringBuilder();
        boolean inside = false;
        for (String line : block.lines().toList()) {
            if (line.strip().startsWith("```")) {
                inside = !inside;
                continue;
            }
            if (inside) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
