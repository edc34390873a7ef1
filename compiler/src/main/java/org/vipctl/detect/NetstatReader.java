package org.vipctl.detect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads Windows {@code netstat -ano} and {@code netstat -abno} output. Headers and the TCP state are
 * translated on localized Windows ({@code Lokale Adresse}, {@code ABHÖREN}), so rows are recognised
 * by their shape, never by words: {@code TCP|UDP local foreign [state] pid}. A TCP socket listens
 * when its foreign port is 0 ({@code 0.0.0.0:0}, {@code [::]:0}); every UDP row is a bound socket.
 * With {@code -b}, lines after a row name its service (one word), its executable ({@code [crm.exe]}),
 * or say that no owner could be found (a sentence in the system's language); rows such as TIME_WAIT
 * have none.
 */
final class NetstatReader {

    /** Non-blank lines read before the first row before the file is taken for something else. */
    private static final int HEADER_LINES = 50;

    private final LineReader in;
    private final List<Socket> sockets = new ArrayList<>();
    /** The row an executable line would name: the last one, until an owner line was read for it. */
    private int pending = -1;
    private boolean ownerLines;

    private NetstatReader(LineReader in) {
        this.in = in;
    }

    static NetstatCapture read(LineReader in) throws IOException {
        return new NetstatReader(in).read();
    }

    private NetstatCapture read() throws IOException {
        String source = in.source();
        int headerLines = 0;
        Optional<String> next;
        while ((next = in.next()).isPresent()) {
            String line = next.get();
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            String[] tokens = t.split("\\s+");
            if (tokens[0].equals("TCP") || tokens[0].equals("UDP")) {
                row(tokens);
                continue;
            }
            if (sockets.isEmpty()) {
                CaptureSniffer.otherOs(source, in.number(), t);
                if (++headerLines > HEADER_LINES) {
                    break;
                }
                continue;
            }
            owner(t);
        }
        if (sockets.isEmpty()) {
            throw CaptureException.whole(source, "not a capture: no netstat row (TCP or UDP, local address,"
                    + " foreign address, state, PID) found; capture with 'netstat -ano > file'");
        }
        return new NetstatCapture(source, in.encoding(), ownerLines, Optional.empty(), namedByPid());
    }

    private void row(String[] t) {
        long line = in.number();
        Protocol protocol = t[0].equals("TCP") ? Protocol.TCP : Protocol.UDP;
        int min = protocol == Protocol.TCP ? 5 : 4;
        if (t.length < min) {
            if (t.length == min - 1) {
                throw CaptureException.at(in.source(), line, "no PID column: capture with 'netstat -ano' or"
                        + " 'netstat -abno' (-o adds the PID)");
            }
            throw CaptureException.at(in.source(), line, "incomplete " + t[0] + " row: '" + String.join(" ", t) + "'");
        }
        String pidText = t[t.length - 1];
        if (!pidText.chars().allMatch(Character::isDigit) || pidText.length() > 10) {
            throw CaptureException.at(in.source(), line, "'" + pidText + "' is not a PID: capture with 'netstat -ano'"
                    + " (-o adds the PID column)");
        }
        Endpoint local = Endpoint.parse(t[1]).orElseThrow(() -> CaptureException.at(in.source(), line,
                "local address '" + t[1] + "' is not a numeric address and port: capture with 'netstat -ano'"
                        + " (-n shows numbers)"));
        Optional<Endpoint> remote = Optional.empty();
        boolean listening = true;
        if (protocol == Protocol.TCP) {
            int colon = t[2].lastIndexOf(':');
            String foreignPort = colon < 0 ? "" : t[2].substring(colon + 1);
            if (Endpoint.port(foreignPort).isEmpty()) {
                throw CaptureException.at(in.source(), line, "foreign address '" + t[2] + "' has no numeric port:"
                        + " capture with 'netstat -ano' (-n shows numbers)");
            }
            remote = Endpoint.parse(t[2]);
            listening = foreignPort.equals("0");
        }
        sockets.add(new Socket(protocol, local, remote, listening, Long.parseLong(pidText), Optional.empty(),
                OptionalInt.empty(), in.source() + ":" + line));
        pending = sockets.size() - 1;
    }

    /** A -b line: {@code [crm.exe]}, a service name, or a sentence saying the owner is unknown. */
    private void owner(String t) {
        if (t.startsWith("[") && t.endsWith("]") && t.length() > 2) {
            ownerLines = true;
            String image = t.substring(1, t.length() - 1).strip();
            if (pending >= 0) {
                Socket s = sockets.get(pending);
                sockets.set(pending, s.withProcess(Optional.of(image), s.session()));
            }
            pending = -1;
        } else if (t.indexOf(' ') > 0) {
            pending = -1;
        }
        // one word: the service in the process; the executable line follows
    }

    /** A row without an owner line belongs to the process another row of its PID names. */
    private List<Socket> namedByPid() {
        Map<Long, String> names = new HashMap<>();
        for (Socket s : sockets) {
            s.image().ifPresent(i -> names.putIfAbsent(s.pid(), i));
        }
        return sockets.stream().map(s -> s.image().isPresent() || !names.containsKey(s.pid()) ? s
                : s.withProcess(Optional.of(names.get(s.pid())), s.session())).toList();
    }
}
