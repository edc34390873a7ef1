package org.vipctl.detect;

import java.util.List;

/** The result of {@code vipctl detect}: candidates with evidence, what was left out and why, and notes. */
public record Report(Platform platform, List<CaptureSummary> captures, List<Candidate> candidates,
                     List<LeftOut> leftOut, List<String> notes, List<ServerAddress> serverAddresses) {

    public Report {
        captures = List.copyOf(captures);
        candidates = List.copyOf(candidates);
        leftOut = List.copyOf(leftOut);
        notes = List.copyOf(notes);
        serverAddresses = List.copyOf(serverAddresses);
    }
}
