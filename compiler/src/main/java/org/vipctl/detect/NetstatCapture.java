package org.vipctl.detect;

import java.util.List;
import java.util.Optional;

/**
 * Saved {@code netstat -ano} or {@code netstat -abno} output, optionally with a {@code tasklist /fo csv}
 * capture that names the PIDs and gives their sessions.
 *
 * @param encoding the character set the file was decoded with
 * @param ownerLines true when the file has {@code -b} lines (executable names in brackets)
 * @param tasklist the tasklist file used, if any
 */
public record NetstatCapture(String source, String encoding, boolean ownerLines, Optional<String> tasklist,
                             List<Socket> sockets) implements Capture {

    public NetstatCapture {
        sockets = List.copyOf(sockets);
    }

    @Override
    public String kind() {
        return (ownerLines ? "netstat -abno" : "netstat -ano") + " (" + encoding + ")"
                + tasklist.map(t -> " with tasklist " + t).orElse("");
    }

    @Override
    public boolean sessionsKnown() {
        return tasklist.isPresent();
    }

    /** This capture with the processes named and placed in sessions by a tasklist capture. */
    NetstatCapture with(Tasklist list) {
        List<Socket> named = sockets.stream().map(s -> list.process(s.pid())
                .map(p -> s.withProcess(s.image().or(() -> Optional.of(p.image())), java.util.OptionalInt.of(p.session())))
                .orElse(s)).toList();
        return new NetstatCapture(source, encoding, ownerLines, Optional.of(list.source()), named);
    }
}
