package org.vipctl.detect;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells the kind of a capture file from its first lines, so one command takes every kind without
 * being told which. A file of none of the kinds is "not a capture", with the reason when it is
 * recognisably something else (netstat of Linux or macOS, a JSON list).
 */
final class CaptureSniffer {

    enum Kind { COLLECTOR, NETSTAT, TASKLIST, TCPVIEW }

    /** Non-blank lines looked at. */
    private static final int LOOK = 60;

    private static final Pattern WINDOWS_ROW = Pattern.compile("\\s*(TCP|UDP)\\s+\\S+:\\S+\\s+\\S+.*");
    private static final Pattern UNIX_HEADER = Pattern.compile("(?i)\\s*(Proto\\s+Recv-Q\\s+Send-Q|Netid\\s+State\\s+Recv-Q).*");
    private static final Pattern UNIX_ROW = Pattern.compile("\\s*(tcp|udp|tcp4|tcp6|udp4|udp6|tcp46|udp46)\\s+\\d+\\s+\\d+\\s+.*");

    private CaptureSniffer() {
    }

    static Kind kind(LineReader in) throws IOException {
        // JSON may be one long line: decide on its first character before reading lines
        int c = in.firstNonBlank();
        if (c == '{') {
            return Kind.COLLECTOR;
        }
        if (c == '[') {
            throw CaptureException.whole(in.source(), "not a capture: a JSON list; the collector script"
                    + " (vipctl detect --print-collector) writes one JSON object");
        }
        Optional<String> next;
        int seen = 0;
        while (seen < LOOK && (next = in.next()).isPresent()) {
            String t = next.get().strip();
            if (t.isEmpty()) {
                continue;
            }
            seen++;
            otherOs(in.source(), in.number(), t);
            if (WINDOWS_ROW.matcher(t).matches()) {
                return Kind.NETSTAT;
            }
            if (t.indexOf(',') >= 0 || t.indexOf('\t') >= 0) {
                Optional<Kind> csv = csv(t);
                if (csv.isPresent()) {
                    return csv.get();
                }
            }
        }
        throw CaptureException.whole(in.source(), "not a capture: none of the forms vipctl reads (collector JSON,"
                + " Windows 'netstat -ano' or '-abno', 'tasklist /fo csv', a TCPView export) in its first lines");
    }

    private static Optional<Kind> csv(String line) {
        char sep = line.indexOf('\t') >= 0 ? '\t' : ',';
        List<String> f = CsvLine.split(line, sep).orElse(List.of());
        if (f.isEmpty()) {
            return Optional.empty();
        }
        String first = f.get(0).toLowerCase(Locale.ROOT);
        if (TcpViewReader.PROTOCOLS.contains(first)) {
            return Optional.of(Kind.TCPVIEW);
        }
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.contains("local address") && lower.contains("protocol")) {
            return Optional.of(Kind.TCPVIEW);
        }
        if (sep == ',' && f.size() >= 5 && line.startsWith("\"")
                && (number(f.get(1)) && number(f.get(3)) || f.get(1).equalsIgnoreCase("PID"))) {
            return Optional.of(Kind.TASKLIST);
        }
        return Optional.empty();
    }

    private static boolean number(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /** Refuses netstat or ss output of another system, whose rows look nearly like Windows ones. */
    static void otherOs(String source, long line, String text) {
        if (UNIX_HEADER.matcher(text).matches() || UNIX_ROW.matcher(text).matches()) {
            throw CaptureException.at(source, line, "not a capture: this is netstat (or ss) output of Linux or macOS"
                    + " (Recv-Q and Send-Q columns); vipctl reads Windows 'netstat -ano' of the session host");
        }
    }
}
