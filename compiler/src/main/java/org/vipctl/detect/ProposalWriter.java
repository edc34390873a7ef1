package org.vipctl.detect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vipctl.model.TargetOs;

/**
 * Writes the policy YAML (docs/policy-format.md) that gives the report's candidates what they need
 * on the chosen platform, with the evidence for each program as comments:
 * <ul>
 * <li>virtual IP: {@code rdsIpVirtualization} in per-program mode (Citrix uses Windows' own);</li>
 * <li>virtual loopback: {@code rdsLoopbackVirtualization} (server-wide) on RDS,
 * {@code citrixVirtualLoopback} with the programs and their clients on Citrix.</li>
 * </ul>
 */
public final class ProposalWriter {

    private static final int MAX_ORIGINS = 4;

    private ProposalWriter() {
    }

    /** The policy text; empty when the report has no candidate. */
    public static Optional<String> write(Report report, ProposalOptions options) {
        if (report.candidates().isEmpty()) {
            return Optional.empty();
        }
        Platform platform = report.platform();
        List<Candidate> vip = report.candidates().stream().filter(c -> c.needs().contains(Need.VIRTUAL_IP)).toList();
        List<Candidate> loopback = report.candidates().stream().filter(c -> c.needs().contains(Need.VIRTUAL_LOOPBACK)).toList();
        StringBuilder y = new StringBuilder();
        y.append("# Proposed by 'vipctl detect' from ").append(oneLine(report.captures().stream()
                .map(CaptureSummary::source).collect(Collectors.joining(", ")))).append(" for ")
                .append(platform.name().toLowerCase(Locale.ROOT)).append(" session hosts.\n");
        y.append("# Check it before use: each program below is listed with what it was seen doing. 'definite': the\n");
        y.append("# same port in two or more instances; 'probable': one instance seen on a fixed-looking port.\n");
        y.append("apiVersion: vipctl/v1\nkind: VipPolicy\nmetadata:\n");
        y.append("  name: ").append(quote(options.name())).append('\n');
        y.append("  description: ").append(quote("Programs found by vipctl detect that bind fixed ports or loopback"))
                .append('\n');
        if (options.os().isEmpty()) {
            y.append("# targets.os is left out: add the servers' operating systems so validate can check them\n");
        } else {
            y.append("targets:\n  os: [").append(options.os().stream().map(TargetOs::yamlName).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        y.append("spec:\n");
        if (!vip.isEmpty()) {
            y.append("  rdsIpVirtualization:\n    enabled: true\n    mode: perProgram\n    programs:\n");
            for (Candidate c : vip) {
                evidence(y, "      ", c, Need.VIRTUAL_IP);
                y.append("      - ").append(quote(c.program())).append('\n');
            }
            adapter(y, report, options);
        }
        if (!loopback.isEmpty() && platform != Platform.CITRIX) {
            y.append("  rdsLoopbackVirtualization:\n");
            y.append("    # server-wide: a bind to 127.0.0.1 in session N moves to the session's own address\n");
            y.append("    # (vipctl loopback-address --session N); it is for these programs:\n");
            for (Candidate c : loopback) {
                evidence(y, "    ", c, Need.VIRTUAL_LOOPBACK);
                for (ClientLink l : c.clients()) {
                    y.append("    #   client side: ").append(oneLine(l.program())).append(" (").append(l.instance())
                            .append(") connects to ").append(l.target())
                            .append(": only bind is redirected, so it must connect to the session's address\n");
                }
            }
            y.append("    enabled: true\n");
        }
        if (!loopback.isEmpty() && platform != Platform.RDS) {
            y.append("  citrixVirtualLoopback:\n    enabled: true\n    programs:\n");
            Map<String, String> listed = new LinkedHashMap<>();
            for (Candidate c : loopback) {
                listed.put(c.program().toLowerCase(Locale.ROOT), c.program());
                evidence(y, "      ", c, Need.VIRTUAL_LOOPBACK);
                y.append("      - ").append(quote(c.program())).append('\n');
            }
            for (Candidate c : loopback) {
                for (ClientLink l : c.clients()) {
                    String key = l.program().toLowerCase(Locale.ROOT);
                    if (listed.containsKey(key) || !ProgramName.listable(l.program())) {
                        continue;
                    }
                    listed.put(key, l.program());
                    y.append("      # client side of ").append(oneLine(c.program())).append(": connects to ")
                            .append(l.target()).append(" in ").append(l.instance()).append(" [").append(oneLine(l.origin()))
                            .append("]\n");
                    y.append("      - ").append(quote(l.program())).append('\n');
                }
            }
        }
        return Optional.of(y.toString());
    }

    private static void evidence(StringBuilder y, String indent, Candidate c, Need need) {
        y.append(indent).append("# ").append(oneLine(c.program())).append(": ")
                .append(c.certainty().name().toLowerCase(Locale.ROOT)).append('\n');
        for (PortEvidence p : c.evidence()) {
            if (!p.needs().contains(need)) {
                continue;
            }
            List<String> origins = p.origins();
            String at = origins.stream().limit(MAX_ORIGINS).collect(Collectors.joining(", "))
                    + (origins.size() > MAX_ORIGINS ? ", +" + (origins.size() - MAX_ORIGINS) + " more" : "");
            y.append(indent).append("#   ").append(p.protocol()).append(' ').append(p.port()).append(" on ")
                    .append(oneLine(String.join(", ", p.addresses()))).append(": ").append(oneLine(p.rule()))
                    .append(" [").append(oneLine(at)).append("]\n");
        }
    }

    private static void adapter(StringBuilder y, Report report, ProposalOptions options) {
        if (options.networkAdapter().isPresent()) {
            y.append("    networkAdapter: ").append(quote(options.networkAdapter().get())).append('\n');
            return;
        }
        List<ServerAddress> v4 = report.serverAddresses().stream()
                .filter(a -> !a.address().isIpv6() && a.address().kind() == IpAddress.Kind.SERVER
                        && !a.address().text().startsWith("169.254."))
                .toList();
        List<String> distinct = v4.stream().map(ServerAddress::cidr).distinct().toList();
        if (distinct.size() == 1) {
            y.append("    # the adapter whose DHCP scope gives the virtual addresses: the capture's only IPv4 address; check it\n");
            y.append("    networkAdapter: ").append(quote(distinct.get(0))).append('\n');
            return;
        }
        throw new ProposalException("RD IP virtualization needs the adapter that hands out the virtual addresses:"
                + " give --network-adapter ADDRESS/PREFIX"
                + (distinct.isEmpty() ? " (the capture does not list the server's addresses)"
                : " (the capture shows " + String.join(", ", distinct) + ")"));
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Text safe inside a YAML comment: one line. */
    static String oneLine(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085' ? ' ' : c);
        }
        return b.toString();
    }

    /** The names of the programs proposed, for messages. */
    public static List<String> programs(Report report) {
        List<String> names = new ArrayList<>();
        report.candidates().forEach(c -> names.add(c.program()));
        return names;
    }
}
