package org.vipctl.detect;

import java.util.List;

/** A file saved by Sysinternals TCPView, or {@code tcpvcon -a -c -n} output. It has no sessions. */
public record TcpViewCapture(String source, List<Socket> sockets) implements Capture {

    public TcpViewCapture {
        sockets = List.copyOf(sockets);
    }

    @Override
    public String kind() {
        return "TCPView export";
    }

    @Override
    public boolean sessionsKnown() {
        return false;
    }
}
