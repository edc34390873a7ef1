package org.vipctl.detect;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code tasklist /fo csv} (and {@code /v}, and {@code /nh} without the header): image name,
 * PID, session name, session number, memory, ... The header is translated on localized Windows, so
 * columns are taken by position, and a header line is recognised by its PID column not being a number.
 */
final class TasklistReader {

    private TasklistReader() {
    }

    static Tasklist read(LineReader in) throws IOException {
        Map<Long, Tasklist.Process> processes = new HashMap<>();
        Optional<String> next;
        boolean first = true;
        while ((next = in.next()).isPresent()) {
            String line = next.get();
            if (line.isBlank()) {
                continue;
            }
            List<String> f = CsvLine.split(line, ',').orElseThrow(() ->
                    CaptureException.at(in.source(), in.number(), "a quote is not closed"));
            if (f.size() < 4) {
                throw CaptureException.at(in.source(), in.number(), "a tasklist /fo csv row has at least 5 columns"
                        + " (image, PID, session name, session, memory), this line has " + f.size());
            }
            boolean header = !isNumber(f.get(1));
            if (header && first) {
                first = false;
                continue;
            }
            first = false;
            if (header || !isNumber(f.get(3))) {
                throw CaptureException.at(in.source(), in.number(), "PID '" + f.get(1) + "' and session '" + f.get(3)
                        + "' must be numbers");
            }
            if (f.get(0).isBlank()) {
                throw CaptureException.at(in.source(), in.number(), "empty image name");
            }
            if (processes.size() >= CaptureLimits.MAX_ENTRIES) {
                throw CaptureException.at(in.source(), in.number(), "too many processes");
            }
            processes.put(Long.parseLong(f.get(1)), new Tasklist.Process(f.get(0).strip(), Integer.parseInt(f.get(3))));
        }
        if (processes.isEmpty()) {
            throw CaptureException.whole(in.source(), "not a capture: no tasklist /fo csv row");
        }
        return new Tasklist(in.source(), processes);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 9 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
