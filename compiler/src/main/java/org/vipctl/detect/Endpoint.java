package org.vipctl.detect;

import java.util.Optional;

/** An address and port of a socket. */
public record Endpoint(IpAddress address, int port) {

    public Endpoint {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Parses {@code 0.0.0.0:135} or {@code [::1]:5555}; empty when it is not a numeric address and port. */
    public static Optional<Endpoint> parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        if (host.indexOf(':') >= 0 && !(host.startsWith("[") && host.endsWith("]"))) {
            return Optional.empty();
        }
        Optional<Integer> port = port(text.substring(colon + 1));
        if (port.isEmpty()) {
            return Optional.empty();
        }
        return IpAddress.parse(host).map(a -> new Endpoint(a, port.get()));
    }

    static Optional<Integer> port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int p = Integer.parseInt(text);
        return p <= 65535 ? Optional.of(p) : Optional.empty();
    }

    @Override
    public String toString() {
        return (address.isIpv6() ? "[" + address + "]" : address.toString()) + ":" + port;
    }
}
