package org.vipctl.detect;

import java.util.List;
import java.util.Optional;

/** A capture written by the collector script ({@code vipctl detect --print-collector}). */
public record CollectorCapture(String source, Optional<String> computer, Optional<String> taken,
                               List<ServerAddress> serverAddresses, List<Socket> sockets) implements Capture {

    public CollectorCapture {
        serverAddresses = List.copyOf(serverAddresses);
        sockets = List.copyOf(sockets);
    }

    @Override
    public String kind() {
        return "collector JSON" + computer.map(c -> " of " + c).orElse("") + taken.map(t -> ", taken " + t).orElse("");
    }

    @Override
    public boolean sessionsKnown() {
        return true;
    }
}
