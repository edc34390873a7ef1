package org.vipctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vipctl.diagnostic.RuleDoc;
import org.vipctl.diagnostic.RuleDocs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain",
        description = "Explain a rule: why it exists, an example that triggers it, the fix and the source"
                + " document (the rule's section of docs/rules.md). Without RULE, list every rule.",
        footer = {"", "Examples:",
            "  vipctl explain VIP022",
            "  vipctl explain 44              (same as VIP044)",
            "  vipctl explain --format md VIP031",
            "", "Exit codes: 0 explained, 64 unknown rule or usage error."},
        mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {

    enum Format { TEXT, MD, JSON }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RULE", arity = "0..1", description = "A rule id such as VIP022 (or just 22).")
    String rule;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RuleDocs docs = RuleDocs.builtIn();
        if (rule == null) {
            Map<String, RuleDoc> all = docs.all();
            if (format == Format.JSON) {
                var list = mapper().createArrayNode();
                all.values().forEach(d -> list.add(json(d)));
                out.println(list.toPrettyString());
            } else {
                all.values().forEach(d -> out.println(d.id() + "  " + d.severity().label() + "  " + d.title()));
            }
            return ExitCodes.OK;
        }
        String id = normalise(rule);
        RuleDoc doc = docs.get(id).orElseThrow(() -> new UsageError("no rule '" + rule + "'"
                + Suggest.closest(id, docs.all().keySet()).map(s -> "; did you mean " + s + "?").orElse("")
                + " ('vipctl explain' lists them)"));
        switch (format) {
            case MD -> out.print(doc.markdown());
            case JSON -> out.println(json(doc).toPrettyString());
            default -> out.print(doc.text());
        }
        return ExitCodes.OK;
    }

    static String normalise(String rule) {
        String r = rule.strip().toUpperCase(Locale.ROOT);
        if (r.matches("\\d{1,3}")) {
            return "VIP" + "000".substring(r.length()) + r;
        }
        return r;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static ObjectNode json(RuleDoc d) {
        ObjectNode o = mapper().createObjectNode();
        o.put("id", d.id());
        o.put("title", d.title());
        o.put("severity", d.severity().label());
        o.put("description", d.description());
        o.put("example", d.example());
        o.put("fix", d.fix());
        o.put("source", d.source());
        o.put("helpUri", d.helpUri());
        return o;
    }
}
