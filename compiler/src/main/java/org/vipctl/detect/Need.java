package org.vipctl.detect;

/** Which kind of virtualization a listening address calls for. */
public enum Need {
    /** Bound to 0.0.0.0, :: or one of the server's addresses: each instance needs its own IP address. */
    VIRTUAL_IP,
    /** Bound to 127.0.0.1 (or ::1): each session needs its own loopback address. */
    VIRTUAL_LOOPBACK;

    static Need of(IpAddress.Kind kind) {
        return kind == IpAddress.Kind.LOOPBACK ? VIRTUAL_LOOPBACK : VIRTUAL_IP;
    }
}
