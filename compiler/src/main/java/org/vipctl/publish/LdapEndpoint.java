package org.vipctl.publish;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where and how to reach a domain controller: {@code --domain-controller} as a host name (LDAPS on
 * port 636) or an {@code ldaps://} or {@code ldap://} URL. An {@code ldap://} connection is upgraded
 * with StartTLS; only {@code allowPlain} leaves it unencrypted.
 */
public record LdapEndpoint(String host, int port, Security security) {

    public enum Security { LDAPS, STARTTLS, PLAIN }

    /** @throws IllegalArgumentException with a message for people */
    public static LdapEndpoint parse(String dc, boolean allowPlain) {
        String s = dc.strip();
        if (!s.contains("://")) {
            if (s.isEmpty() || !s.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                throw new IllegalArgumentException("not a host name or ldap(s):// URL: " + dc);
            }
            return new LdapEndpoint(s, 636, Security.LDAPS);
        }
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a host name or ldap(s):// URL: " + dc);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null || (u.getPath() != null && !u.getPath().isEmpty() && !u.getPath().equals("/"))) {
            throw new IllegalArgumentException("an ldap(s):// URL names a server only, e.g. ldaps://dc1.corp.example: " + dc);
        }
        return switch (scheme) {
            case "ldaps" -> new LdapEndpoint(u.getHost(), u.getPort() < 0 ? 636 : u.getPort(), Security.LDAPS);
            case "ldap" -> new LdapEndpoint(u.getHost(), u.getPort() < 0 ? 389 : u.getPort(),
                    allowPlain ? Security.PLAIN : Security.STARTTLS);
            default -> throw new IllegalArgumentException("a domain controller URL starts with ldaps:// or ldap://: " + dc);
        };
    }

    public String url() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (security == Security.LDAPS ? "ldaps://" : "ldap://") + h + ":" + port;
    }
}
