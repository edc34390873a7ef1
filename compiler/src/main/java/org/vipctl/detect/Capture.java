package org.vipctl.detect;

import java.util.List;
import java.util.Optional;

/**
 * What one capture shows of a server: its sockets and their owners. Each kind of input knows a
 * different part (netstat -ano has no process names, TCPView no sessions), so each is its own
 * variant and the analysis asks what it may rely on.
 */
public sealed interface Capture permits CollectorCapture, NetstatCapture, TcpViewCapture, LiveCapture {

    /** The file the capture was read from, or {@code live}. */
    String source();

    /** The kind, for people: {@code collector JSON}, {@code netstat -abno}, ... */
    String kind();

    List<Socket> sockets();

    /** True when every socket whose process is known also has its session. */
    boolean sessionsKnown();

    /** The server's own IPv4 and IPv6 addresses, when the capture lists them. */
    default List<ServerAddress> serverAddresses() {
        return List.of();
    }

    /** The server's name, when the capture has it. */
    default Optional<String> computer() {
        return Optional.empty();
    }
}
