package org.vipctl.diagnostic;

import java.util.Objects;
import java.util.Optional;

/**
 * What docs/rules.md says about one rule: its title, default severity, why it exists (Markdown), an
 * input that triggers it, the fix, and the document the rule rests on. {@code vipctl explain}, the
 * SARIF rule metadata and the published docs all read this one text.
 */
public record RuleDoc(String id, String title, Severity severity, String description, String example,
                      String fix, String source) {

    public RuleDoc {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(description);
        Objects.requireNonNull(example);
        Objects.requireNonNull(fix);
        Objects.requireNonNull(source);
    }

    /** Where the rule is explained on the web: the rules page, at the rule's anchor. */
    public String helpUri() {
        return RuleDocs.RULES_PAGE + "#" + id.toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<String> exampleText() {
        return example.isEmpty() ? Optional.empty() : Optional.of(example);
    }

    /** The whole section as Markdown (SARIF's help.markdown). */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(id).append(" — ").append(title).append("** (").append(severity.label()).append(")\n\n");
        sb.append(description.strip()).append('\n');
        if (!example.isEmpty()) {
            sb.append("\nExample:\n\n```\n").append(example.stripTrailing()).append("\n```\n");
        }
        if (!fix.isEmpty()) {
            sb.append("\nFix: ").append(fix.strip()).append('\n');
        }
        if (!source.isEmpty()) {
            sb.append("\nSource: ").append(source.strip()).append('\n');
        }
        return sb.toString();
    }

    /** The same as plain text for terminals and SARIF's help.text: emphasis and link syntax removed. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(id).append(" — ").append(title).append(" (").append(severity.label()).append(")\n\n");
        sb.append(plain(description.strip())).append('\n');
        if (!example.isEmpty()) {
            sb.append("\nExample that triggers it:\n\n");
            example.stripTrailing().lines().forEach(l -> sb.append("    ").append(l).append('\n'));
        }
        if (!fix.isEmpty()) {
            sb.append("\nFix: ").append(plain(fix.strip())).append('\n');
        }
        if (!source.isEmpty()) {
            sb.append("\nSource: ").append(plain(source.strip())).append('\n');
        }
        sb.append("\nMore: docs/rules.md#").append(id.toLowerCase(java.util.Locale.ROOT)).append('\n');
        return sb.toString();
    }

    static String plain(String markdown) {
        return markdown.replaceAll("\\[([^\\]]+)]\\(([^)]+)\\)", "$1 ($2)")
                .replaceAll("(?<![\\w*])\\*\\*?([^*\\n]+?)\\*\\*?(?![\\w*])", "$1")
                .replace("`", "");
    }
}
