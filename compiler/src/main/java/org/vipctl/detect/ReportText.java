package org.vipctl.detect;

import java.util.Locale;
import java.util.stream.Collectors;

/** The report for people. */
public final class ReportText {

    private ReportText() {
    }

    public static String render(Report r) {
        StringBuilder b = new StringBuilder();
        for (CaptureSummary c : r.captures()) {
            b.append("capture ").append(clean(c.source())).append(": ").append(clean(c.kind())).append(", ")
                    .append(c.sockets()).append(" sockets, ").append(c.listeners()).append(" listening");
            if (c.sessionsKnown()) {
                b.append(", sessions ").append(c.sessions().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            }
            b.append('\n');
        }
        b.append('\n');
        if (r.candidates().isEmpty()) {
            b.append("No program needs virtual IP or virtual loopback by these captures.\n");
        } else {
            b.append("Programs that need virtualization (").append(r.platform().name().toLowerCase(Locale.ROOT))
                    .append(" session hosts):\n");
        }
        for (Candidate c : r.candidates()) {
            b.append("\n").append(clean(c.program())).append("  ").append(c.certainty().name().toLowerCase(Locale.ROOT))
                    .append(" -> ").append(needs(c, r.platform())).append('\n');
            for (PortEvidence p : c.evidence()) {
                b.append("    ").append(p.protocol()).append(' ').append(p.port()).append(" on ")
                        .append(clean(String.join(", ", p.addresses()))).append(" (")
                        .append(p.needs().stream().map(ReportText::need).sorted().collect(Collectors.joining(", ")))
                        .append("): ").append(clean(p.rule())).append('\n');
                b.append("        seen at ").append(clean(String.join(", ", p.origins().stream().limit(6).toList())))
                        .append(p.origins().size() > 6 ? ", +" + (p.origins().size() - 6) + " more" : "").append('\n');
            }
            for (ClientLink l : c.clients()) {
                b.append("    client side: ").append(clean(l.program())).append(" (").append(l.instance())
                        .append(") connects to ").append(l.target()).append(" [").append(clean(l.origin())).append("]\n");
                b.append("        only bind is redirected: it must connect to its session's loopback address")
                        .append(l.instance().session().isPresent()
                                ? " (vipctl loopback-address --session " + l.instance().session().getAsInt() + ")"
                                : " (vipctl loopback-address --session N)").append('\n');
            }
        }
        if (!r.leftOut().isEmpty()) {
            b.append("\nLeft out:\n");
            for (LeftOut l : r.leftOut()) {
                b.append("  ").append(clean(l.program())).append(": ").append(reason(l.reason())).append(": ")
                        .append(clean(l.detail())).append('\n');
            }
        }
        if (!r.notes().isEmpty()) {
            b.append("\nNotes:\n");
            for (String n : r.notes()) {
                b.append("  - ").append(clean(n)).append('\n');
            }
        }
        return b.toString();
    }

    private static String needs(Candidate c, Platform platform) {
        return c.needs().stream().sorted().map(n -> need(n) + ": " + String.join(" + ", platform.features(n)))
                .collect(Collectors.joining("; "));
    }

    static String need(Need n) {
        return n == Need.VIRTUAL_IP ? "virtual IP" : "virtual loopback";
    }

    static String reason(LeftOut.Reason r) {
        return switch (r) {
            case SYSTEM_PROCESS -> "Windows system process";
            case EXCLUDED -> "excluded";
            case SERVICES -> "service (session 0)";
            case EPHEMERAL -> "ephemeral";
            case NO_NAME -> "process not named";
            case NOT_AN_EXE -> "not an .exe";
        };
    }

    private static String clean(String s) {
        return ProposalWriter.oneLine(s);
    }

}
