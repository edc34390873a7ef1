package org.vipctl.detect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a TCPView export: a header row naming the columns TCPView shows (Process Name, Process ID,
 * Protocol, State, Local Address, Local Port, Remote Address, Remote Port, ...), separated by commas
 * or tabs, in any order; or {@code tcpvcon -a -c -n} rows without a header (protocol, process, PID,
 * state, local address:port, remote address:port). Sysinternals does not document the saved layout,
 * so columns are found by their names (docs/detect.md lists the names read).
 */
final class TcpViewReader {

    static final Set<String> PROTOCOLS = Set.of("tcp", "tcpv6", "udp", "udpv6");

    private enum Column { PROCESS, PID, PROTOCOL, STATE, LOCAL_ADDRESS, LOCAL_PORT, REMOTE_ADDRESS, REMOTE_PORT }

    private static final Map<String, Column> NAMES = Map.ofEntries(
            Map.entry("process name", Column.PROCESS), Map.entry("process", Column.PROCESS),
            Map.entry("process id", Column.PID), Map.entry("pid", Column.PID),
            Map.entry("protocol", Column.PROTOCOL), Map.entry("state", Column.STATE),
            Map.entry("local address", Column.LOCAL_ADDRESS), Map.entry("local port", Column.LOCAL_PORT),
            Map.entry("remote address", Column.REMOTE_ADDRESS), Map.entry("remote port", Column.REMOTE_PORT));

    /** The columns of tcpvcon -c output, which has no header. */
    private static final Map<Column, Integer> TCPVCON = Map.of(Column.PROTOCOL, 0, Column.PROCESS, 1, Column.PID, 2,
            Column.STATE, 3, Column.LOCAL_ADDRESS, 4, Column.REMOTE_ADDRESS, 5);

    private TcpViewReader() {
    }

    static TcpViewCapture read(LineReader in) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        Map<Column, Integer> columns = null;
        char separator = ',';
        Optional<String> next;
        while ((next = in.next()).isPresent()) {
            String line = next.get();
            if (line.isBlank()) {
                continue;
            }
            if (columns == null) {
                separator = line.indexOf('\t') >= 0 ? '\t' : ',';
                List<String> f = fields(in, line, separator);
                if (PROTOCOLS.contains(f.get(0).toLowerCase(Locale.ROOT))) {
                    columns = TCPVCON;
                } else {
                    columns = header(in, f);
                    continue;
                }
            }
            if (sockets.size() >= CaptureLimits.MAX_ENTRIES) {
                throw CaptureException.at(in.source(), in.number(), "too many rows");
            }
            sockets.add(row(in, fields(in, line, separator), columns));
        }
        if (sockets.isEmpty()) {
            throw CaptureException.whole(in.source(), "not a capture: no TCPView row");
        }
        return new TcpViewCapture(in.source(), sockets);
    }

    private static List<String> fields(LineReader in, String line, char separator) {
        return CsvLine.split(line, separator).orElseThrow(() -> CaptureException.at(in.source(), in.number(),
                "a quote is not closed"));
    }

    private static Map<Column, Integer> header(LineReader in, List<String> names) {
        Map<Column, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Column c = NAMES.get(names.get(i).strip().toLowerCase(Locale.ROOT));
            if (c != null) {
                columns.putIfAbsent(c, i);
            }
        }
        for (Column required : List.of(Column.PROCESS, Column.PID, Column.PROTOCOL, Column.LOCAL_ADDRESS)) {
            if (!columns.containsKey(required)) {
                throw CaptureException.at(in.source(), in.number(), "not a TCPView export: no '"
                        + required.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "' column in the header");
            }
        }
        return columns;
    }

    private static Socket row(LineReader in, List<String> f, Map<Column, Integer> columns) {
        long line = in.number();
        String source = in.source();
        String protocolText = get(f, columns, Column.PROTOCOL).toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocolText)) {
            throw CaptureException.at(source, line, "protocol '" + get(f, columns, Column.PROTOCOL)
                    + "' is not TCP, TCPv6, UDP or UDPv6");
        }
        Protocol protocol = protocolText.startsWith("tcp") ? Protocol.TCP : Protocol.UDP;
        String pidText = get(f, columns, Column.PID);
        if (pidText.isEmpty() || pidText.length() > 10 || !pidText.chars().allMatch(Character::isDigit)) {
            throw CaptureException.at(source, line, "process ID '" + pidText + "' is not a number");
        }
        Endpoint local = endpoint(get(f, columns, Column.LOCAL_ADDRESS), get(f, columns, Column.LOCAL_PORT))
                .orElseThrow(() -> CaptureException.at(source, line, "local address '" + get(f, columns, Column.LOCAL_ADDRESS)
                        + "' with port '" + get(f, columns, Column.LOCAL_PORT) + "' is not a numeric address and port:"
                        + " turn off name resolution in TCPView and save again"));
        Optional<Endpoint> remote = endpoint(get(f, columns, Column.REMOTE_ADDRESS), get(f, columns, Column.REMOTE_PORT));
        String state = get(f, columns, Column.STATE).toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
        boolean listening = protocol == Protocol.UDP || state.equals("listen") || state.equals("listening")
                || (state.isEmpty() && remote.map(r -> r.port() == 0).orElse(true));
        String image = get(f, columns, Column.PROCESS).strip();
        return new Socket(protocol, local, remote, listening, Long.parseLong(pidText),
                image.isEmpty() ? Optional.empty() : Optional.of(image), OptionalInt.empty(), source + ":" + line);
    }

    private static Optional<Endpoint> endpoint(String address, String port) {
        if (address.isEmpty() || address.equals("*") || address.equals("*:*")) {
            return Optional.empty();
        }
        if (port.isEmpty()) {
            return Endpoint.parse(address);
        }
        if (port.equals("*")) {
            return Optional.empty();
        }
        Optional<Integer> p = Endpoint.port(port);
        return p.flatMap(n -> IpAddress.parse(address).map(a -> new Endpoint(a, n)));
    }

    private static String get(List<String> f, Map<Column, Integer> columns, Column c) {
        Integer i = columns.get(c);
        return i == null || i >= f.size() ? "" : f.get(i).strip();
    }
}
