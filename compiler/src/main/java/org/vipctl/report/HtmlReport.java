package org.vipctl.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as one self-contained HTML file: styles inline, no scripts, fonts, images or links to
 * fetch, so it can be attached to a change request, opened anywhere and printed. Every text from the
 * policies is escaped.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, "Segoe UI", "DejaVu Sans", sans-serif; color: #1b1b1b; margin: 2rem auto;
                   max-width: 60rem; padding: 0 1.25rem; }
            h1 { font-size: 1.7rem; margin-bottom: .2rem; }
            h2 { font-size: 1.3rem; border-bottom: 2px solid #2f5d8a; padding-bottom: .2rem; margin-top: 2.2rem; }
            h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; color: #2f5d8a; }
            p.lead { color: #555; margin-top: 0; }
            code { font: .9em ui-monospace, "DejaVu Sans Mono", Consolas, monospace; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .4rem 0 1rem; }
            th, td { border: 1px solid #c9d3dd; padding: .3rem .45rem; text-align: left; vertical-align: top;
                     overflow-wrap: anywhere; word-break: break-word; }
            th { background: #eef3f8; }
            td.data, td.key { font: .85em ui-monospace, "DejaVu Sans Mono", Consolas, monospace; }
            .no { color: #a3261b; font-weight: 600; }
            ul { padding-left: 1.3rem; }
            section.policy { break-inside: auto; }
            @media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; }
                           tr { break-inside: avoid; } }
            """;

    public static String render(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(r.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(r.title())).append("</h1>\n");
        sb.append("<p class=\"lead\">").append(r.policies().size()).append(" polic").append(r.policies().size() == 1 ? "y" : "ies")
                .append(", validated by vipctl. Each section says what a policy does, where, and which values it writes.</p>\n");
        sb.append("<nav id=\"contents\"><h2>Contents</h2><ul>\n");
        for (Report.PolicySection p : r.policies()) {
            sb.append("<li><a href=\"#policy-").append(esc(p.name())).append("\">Policy ").append(esc(p.name())).append("</a></li>\n");
        }
        if (!r.loopback().isEmpty()) {
            sb.append("<li><a href=\"#loopback\">Loopback addresses by session</a></li>\n");
        }
        sb.append("<li><a href=\"#unconfirmed\">Not confirmed by vendor documentation</a></li>\n")
                .append("<li><a href=\"#findings\">Warnings and notes</a></li>\n</ul></nav>\n");
        for (Report.PolicySection p : r.policies()) {
            sb.append("<section class=\"policy\" id=\"policy-").append(esc(p.name())).append("\">\n<h2>Policy ")
                    .append(esc(p.name())).append("</h2>\n<p>File <code>").append(esc(p.file())).append("</code>");
            if (!p.description().isEmpty()) {
                sb.append(": ").append(esc(p.description()));
            }
            sb.append("</p>\n<h3>What it does</h3>\n<ul>\n");
            p.does().forEach(d -> sb.append("<li>").append(esc(d)).append("</li>\n"));
            sb.append("</ul>\n");
            if (!p.targets().isEmpty() && !p.features().isEmpty()) {
                sb.append("<h3>Target operating systems</h3>\n");
                List<String> head = new ArrayList<>(List.of("Operating system"));
                head.addAll(p.features());
                List<List<String>> rows = p.targets().stream().map(t -> {
                    List<String> row = new ArrayList<>(List.of(t.os()));
                    row.addAll(t.support());
                    return row;
                }).toList();
                table(sb, "targets", head, rows, List.of());
            }
            values(sb, "Registry values on the server (apply, .reg files)", "local", p.local());
            values(sb, "Group Policy values (Registry.pol, GPO folder, ADMX)", "policy", p.policy());
            if (!p.citrix().isEmpty()) {
                sb.append("<h3>Citrix policy settings</h3>\n");
                table(sb, "citrix", List.of("Setting", "Value"), p.citrix().stream().map(c -> List.of(c.what(), c.value())).toList(), List.of());
            }
            sb.append("</section>\n");
        }
        if (!r.loopback().isEmpty()) {
            sb.append("<section id=\"loopback\">\n<h2>Loopback addresses by session</h2>\n<p>The address a session's programs"
                    + " get instead of 127.0.0.1. From session 255 on, Citrix's and Microsoft's documents give different"
                    + " addresses; both are shown.</p>\n");
            table(sb, "loopback", List.of("Session", "Citrix", "Microsoft", "Readings agree"), r.loopback().stream()
                    .map(l -> List.of(Long.toString(l.session()), l.citrix(), l.microsoft(), l.agree() ? "yes" : "no")).toList(),
                    List.of("", "data", "data", ""));
            sb.append("</section>\n");
        }
        sb.append("<section id=\"unconfirmed\">\n<h2>Not confirmed by vendor documentation</h2>\n");
        if (r.unconfirmed().isEmpty()) {
            sb.append("<p>Nothing: every value these policies write is placed as vendor documentation says.</p>\n");
        } else {
            sb.append("<ul>\n");
            r.unconfirmed().forEach(u -> sb.append("<li>").append(esc(u)).append("</li>\n"));
            sb.append("</ul>\n");
        }
        sb.append("</section>\n<section id=\"findings\">\n<h2>Warnings and notes</h2>\n");
        if (r.findings().isEmpty()) {
            sb.append("<p>None.</p>\n");
        } else {
            table(sb, "findings", List.of("Severity", "Rule", "Where", "Message"), r.findings().stream()
                    .map(f -> List.of(f.severity(), f.rule(), f.where(), f.message())).toList(), List.of());
        }
        sb.append("</section>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void values(StringBuilder sb, String heading, String id, List<Report.ValueRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sb.append("<h3>").append(esc(heading)).append("</h3>\n");
        sb.append("<table class=\"").append(id).append("\"><colgroup><col style=\"width:33%\"><col style=\"width:17%\">"
                + "<col style=\"width:13%\"><col style=\"width:19%\"><col style=\"width:18%\"></colgroup>\n");
        table(sb, null, List.of("Key", "Value", "Type", "Data", "Setting"),
                rows.stream().map(v -> List.of(v.key(), v.name(), v.type(), v.data(), v.setting())).toList(),
                List.of("key", "key", "", "data", ""));
    }

    private static void table(StringBuilder sb, String cls, List<String> head, List<List<String>> rows, List<String> cellClasses) {
        if (cls != null) {
            sb.append("<table class=\"").append(cls).append("\">\n");
        }
        sb.append("<thead><tr>");
        head.forEach(h -> sb.append("<th>").append(esc(h)).append("</th>"));
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String c = i < cellClasses.size() ? cellClasses.get(i) : "";
                String v = row.get(i);
                if (v.equals("no") || v.startsWith("no (")) {
                    c = (c + " no").strip();
                }
                sb.append(c.isEmpty() ? "<td>" : "<td class=\"" + c + "\">").append(esc(v)).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (Character.isISOControl(c) && c != '\n') {
                        sb.append("&#").append(c).append(';');
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.toString();
    }
}
