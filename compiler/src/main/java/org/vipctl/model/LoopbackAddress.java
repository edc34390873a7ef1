package org.vipctl.model;

/**
 * The loopback address a session's programs bind to when loopback virtualization redirects
 * {@code bind(127.0.0.1)}: 127.0.0.1 plus the session id. Citrix documents plain 32-bit addition
 * (session 255 → 127.0.1.0, up to 127.255.255.255). Microsoft's RDS 2012 document gives session
 * 255 → 127.0.1.1, which fits a last octet that runs 1..255 and never 0. The two agree below
 * session 255; nothing public settles the difference above it, so both are shown.
 */
public record LoopbackAddress(long session, String citrix, String microsoft) {

    /** Largest session id whose address stays within 127.255.255.255 by Citrix's rule. */
    public static final long MAX_SESSION = 0x00FF_FFFEL;

    public static LoopbackAddress forSession(long session) {
        if (session < 0 || session > MAX_SESSION) {
            throw new IllegalArgumentException("session id must be 0.." + MAX_SESSION + ", got " + session);
        }
        long base = 127L << 24;
        long citrix = base + 1 + session;
        long microsoft = base + ((session / 255) << 8) + (session % 255) + 1;
        return new LoopbackAddress(session, dotted(citrix), microsoft > 0x7FFF_FFFFL ? "beyond 127.255.255.255"
                : dotted(microsoft));
    }

    public boolean readingsAgree() {
        return citrix.equals(microsoft);
    }

    private static String dotted(long a) {
        return ((a >> 24) & 0xff) + "." + ((a >> 16) & 0xff) + "." + ((a >> 8) & 0xff) + "." + (a & 0xff);
    }
}
