package org.vipctl.report;

import java.util.ArrayList;
import java.util.List;

/** The report as Markdown: headings, sentences and pipe tables (GitHub, GitLab and Azure DevOps render them). */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(r.title()).append("\n\n");
        sb.append(r.policies().size()).append(" polic").append(r.policies().size() == 1 ? "y" : "ies")
                .append(", validated by vipctl. Each section says what a policy does, where, and which values it writes.\n\n");
        for (Report.PolicySection p : r.policies()) {
            sb.append("## Policy ").append(p.name()).append("\n\n");
            sb.append("File: `").append(p.file()).append("`");
            if (!p.description().isEmpty()) {
                sb.append(" — ").append(text(p.description()));
            }
            sb.append("\n\n### What it does\n\n");
            p.does().forEach(d -> sb.append("- ").append(text(d)).append('\n'));
            if (!p.targets().isEmpty() && !p.targets().get(0).support().isEmpty()) {
                sb.append("\n### Target operating systems\n\n");
                List<String> head = new ArrayList<>(List.of("Operating system"));
                head.addAll(p.features());
                table(sb, head, p.targets().stream().map(t -> {
                    List<String> row = new ArrayList<>(List.of(t.os()));
                    row.addAll(t.support());
                    return row;
                }).toList());
            }
            values(sb, "Registry values on the server (apply, .reg files)", p.local());
            values(sb, "Group Policy values (Registry.pol, GPO folder, ADMX)", p.policy());
            if (!p.citrix().isEmpty()) {
                sb.append("\n### Citrix policy settings\n\n");
                table(sb, List.of("Setting", "Value"), p.citrix().stream().map(c -> List.of(c.what(), c.value())).toList());
            }
            sb.append('\n');
        }
        if (!r.loopback().isEmpty()) {
            sb.append("## Loopback addresses by session\n\n");
            sb.append("The address a session's programs get instead of 127.0.0.1. From session 255 on, Citrix's and"
                    + " Microsoft's documents give different addresses; both are shown.\n\n");
            table(sb, List.of("Session", "Citrix", "Microsoft", "Readings agree"), r.loopback().stream()
                    .map(l -> List.of(Long.toString(l.session()), l.citrix(), l.microsoft(), l.agree() ? "yes" : "no")).toList());
            sb.append('\n');
        }
        sb.append("## Not confirmed by vendor documentation\n\n");
        if (r.unconfirmed().isEmpty()) {
            sb.append("Nothing: every value these policies write is placed as vendor documentation says.\n\n");
        } else {
            r.unconfirmed().forEach(u -> sb.append("- ").append(text(u)).append('\n'));
            sb.append('\n');
        }
        sb.append("## Warnings and notes\n\n");
        if (r.findings().isEmpty()) {
            sb.append("None.\n");
        } else {
            table(sb, List.of("Severity", "Rule", "Where", "Message"), r.findings().stream()
                    .map(f -> List.of(f.severity(), f.rule(), f.where(), f.message())).toList());
        }
        return sb.toString();
    }

    private static void values(StringBuilder sb, String heading, List<Report.ValueRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append("\n### ").append(heading).append("\n\n");
        table(sb, List.of("Key", "Value", "Type", "Data", "Setting"),
                rows.stream().map(v -> List.of(v.key(), v.name(), v.type(), v.data(), v.setting())).toList());
    }

    private static void table(StringBuilder sb, List<String> head, List<List<String>> rows) {
        sb.append("| ").append(String.join(" | ", head.stream().map(MarkdownReport::cell).toList())).append(" |\n");
        sb.append("|").append("---|".repeat(head.size())).append('\n');
        for (List<String> row : rows) {
            sb.append("| ").append(String.join(" | ", row.stream().map(MarkdownReport::cell).toList())).append(" |\n");
        }
    }

    private static String cell(String s) {
        return text(s).replace("|", "\\|").replace("\n", " ");
    }

    /** User text must not become Markdown markup (or HTML, which Markdown passes through). */
    private static String text(String s) {
        return s.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_")
                .replace("`", "\\`").replace("[", "\\[");
    }
}
