package org.vipctl.detect;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One row of a capture: a TCP or UDP socket, its owning process as far as the capture knows it, and
 * where in the capture it was read ({@code origin}, e.g. {@code netstat.txt:12}).
 *
 * @param listening a TCP listener, or any bound UDP socket
 * @param image the process image name ({@code crm.exe}) when the capture names it
 * @param session the Windows session id when the capture has it
 */
public record Socket(Protocol protocol, Endpoint local, Optional<Endpoint> remote, boolean listening, long pid,
                     Optional<String> image, OptionalInt session, String origin) {

    public Socket {
        if (pid < 0) {
            throw new IllegalArgumentException("negative PID");
        }
    }

    Socket withProcess(Optional<String> image, OptionalInt session) {
        return new Socket(protocol, local, remote, listening, pid, image, session, origin);
    }

    /** The image name compared as Windows compares it: ignoring case. */
    Optional<String> imageKey() {
        return image.map(i -> i.toLowerCase(Locale.ROOT));
    }
}
