package org.vipctl.detect;

import java.util.List;
import java.util.Optional;

/** The sockets of the machine vipctl runs on, read through the Windows IP Helper API. */
public record LiveCapture(Optional<String> computer, List<ServerAddress> serverAddresses, List<Socket> sockets)
        implements Capture {

    public LiveCapture {
        serverAddresses = List.copyOf(serverAddresses);
        sockets = List.copyOf(sockets);
    }

    @Override
    public String source() {
        return "live";
    }

    @Override
    public String kind() {
        return "live capture" + computer.map(c -> " of " + c).orElse("");
    }

    @Override
    public boolean sessionsKnown() {
        return true;
    }
}
