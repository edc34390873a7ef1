package org.vipctl.detect;

/** An address configured on one of the server's network adapters, with its prefix length. */
public record ServerAddress(IpAddress address, int prefixLength, String adapter) {

    public ServerAddress {
        if (prefixLength < 0 || prefixLength > (address.isIpv6() ? 128 : 32)) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
    }

    /** {@code 192.0.2.10/24}: the form of the RD IP virtualization adapter setting. */
    public String cidr() {
        return address + "/" + prefixLength;
    }
}
