package org.vipctl.detect;

import java.util.Map;
import java.util.Optional;

/** Processes from a {@code tasklist /fo csv} capture, by PID. */
public record Tasklist(String source, Map<Long, Process> processes) {

    /** One tasklist row: image name and session number. */
    public record Process(String image, int session) {
    }

    public Tasklist {
        processes = Map.copyOf(processes);
    }

    Optional<Process> process(long pid) {
        return Optional.ofNullable(processes.get(pid));
    }
}
