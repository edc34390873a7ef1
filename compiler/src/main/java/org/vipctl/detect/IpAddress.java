package org.vipctl.detect;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address literal as captures print it ({@code 0.0.0.0}, {@code [::1]}, {@code fe80::1%12}),
 * with what matters for virtualization: bound to every address, to loopback, or to one address of
 * the server. Names are never resolved: text that is not a literal is not an address.
 */
public record IpAddress(String text, Kind kind) {

    /** Where a socket bound to this address listens. */
    public enum Kind {
        /** 0.0.0.0 or :: — every address of the server. */
        ALL,
        /** 127.0.0.0/8 or ::1. */
        LOOPBACK,
        /** One address of the server. */
        SERVER
    }

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    public IpAddress {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty address");
        }
    }

    /** Parses a literal; brackets and an IPv6 zone ({@code %12}) are dropped. */
    public static Optional<IpAddress> parse(String raw) {
        String s = raw.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (IPV4.matcher(s).matches()) {
            String[] parts = s.split("\\.");
            int first = -1;
            boolean zero = true;
            for (String p : parts) {
                int v = Integer.parseInt(p);
                if (v > 255) {
                    return Optional.empty();
                }
                first = first < 0 ? v : first;
                zero &= v == 0;
            }
            String text = Integer.parseInt(parts[0]) + "." + Integer.parseInt(parts[1]) + "." + Integer.parseInt(parts[2])
                    + "." + Integer.parseInt(parts[3]);
            return Optional.of(new IpAddress(text, zero ? Kind.ALL : first == 127 ? Kind.LOOPBACK : Kind.SERVER));
        }
        if (s.indexOf(':') < 0 || !IPV6_CHARS.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            // only hex digits, colons and dots reach here: a literal, never a name to look up
            InetAddress a = InetAddress.getByName(s);
            if (a instanceof Inet4Address) {
                return parse(a.getHostAddress());
            }
            byte[] b = ((Inet6Address) a).getAddress();
            Kind kind = a.isAnyLocalAddress() ? Kind.ALL : a.isLoopbackAddress() ? Kind.LOOPBACK : Kind.SERVER;
            return Optional.of(new IpAddress(compress(b), kind));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The address from the four bytes of an IPv4 address in network order. */
    public static IpAddress ofIpv4(byte[] b) {
        return parse((b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff)).orElseThrow();
    }

    /** The address from the sixteen bytes of an IPv6 address in network order. */
    public static IpAddress ofIpv6(byte[] b) {
        try {
            return parse(InetAddress.getByAddress(b).getHostAddress()).orElseThrow();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes", e);
        }
    }

    public boolean isIpv6() {
        return text.indexOf(':') >= 0;
    }

    /** RFC 5952 text: lower case, the longest run of zero groups as {@code ::}. */
    private static String compress(byte[] b) {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
