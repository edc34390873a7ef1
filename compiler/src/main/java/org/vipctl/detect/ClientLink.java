package org.vipctl.detect;

/**
 * A process connected to a loopback port a candidate listens on, in the same session: the client
 * side of the pair. Only bind is redirected under loopback virtualization, so this program must reach
 * the session's own loopback address ({@code vipctl loopback-address}).
 *
 * @param program the client's image name, or {@code PID n} when the capture does not name it
 */
public record ClientLink(String program, Instance instance, Endpoint target, String origin) {
}
