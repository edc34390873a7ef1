package org.vipctl.detect;

import java.util.List;

/** What one capture held, for the report's header. */
public record CaptureSummary(String source, String kind, int sockets, int listeners, boolean sessionsKnown,
                             List<Integer> sessions) {

    public CaptureSummary {
        sessions = List.copyOf(sessions);
    }
}
