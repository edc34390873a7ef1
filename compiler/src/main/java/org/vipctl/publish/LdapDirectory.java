package org.vipctl.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.AuthenticationException;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.AttributeInUseException;
import javax.naming.directory.Attributes;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.BasicAttributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import javax.naming.directory.NoSuchAttributeException;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;
import javax.net.ssl.SSLContext;

/**
 * Group Policy containers over LDAP, with the JDK's JNDI provider: LDAPS, or StartTLS on an
 * {@code ldap://} connection, with the server's certificate checked against the trust store and its
 * name (hostname verification), then a simple bind. Plain LDAP only when the endpoint says so
 * ({@code --allow-plain-ldap}).
 */
public final class LdapDirectory implements GpoDirectory, AutoCloseable {

    private static final String[] ATTRIBUTES = {"cn", "displayName", "versionNumber", "gPCMachineExtensionNames", "flags"};

    private final LdapContext ctx;
    private final Optional<StartTlsResponse> tls;
    private final String baseDn;
    private final String endpoint;

    private LdapDirectory(LdapContext ctx, Optional<StartTlsResponse> tls, String baseDn, String endpoint) {
        this.ctx = ctx;
        this.tls = tls;
        this.baseDn = baseDn;
        this.endpoint = endpoint;
    }

    /** How to bind: a user and password (simple bind, only over TLS unless plain LDAP was asked for), or Kerberos. */
    public sealed interface Credentials {
        record Password(String user, char[] password) implements Credentials {
        }

        /** The Kerberos ticket of the logged-on user (ticket cache, e.g. from kinit), bound with SASL GSSAPI. */
        record Kerberos() implements Credentials {
        }
    }

    /** Connects and binds as {@code user} (e.g. {@code admin@corp.example} or {@code CORP\admin}). */
    public static LdapDirectory connect(LdapEndpoint at, Optional<Path> ca, String user, char[] password) {
        return connect(at, ca, new Credentials.Password(user, password));
    }

    /**
     * Connects and binds. With Kerberos the service ticket is for {@code ldap/<host>}: name the domain
     * controller by the host name its service principal carries (not an IP address).
     */
    public static LdapDirectory connect(LdapEndpoint at, Optional<Path> ca, Credentials credentials) {
        if (credentials instanceof Credentials.Kerberos) {
            javax.security.auth.Subject subject = KerberosLogin.subject();
            try {
                return javax.security.auth.Subject.doAs(subject,
                        (java.security.PrivilegedExceptionAction<LdapDirectory>) () -> bind(at, ca, credentials));
            } catch (java.security.PrivilegedActionException e) {
                throw e.getException() instanceof RuntimeException r ? r
                        : new PublishException(at.url() + ": " + e.getException().getMessage(), e.getException());
            }
        }
        return bind(at, ca, credentials);
    }

    private static LdapDirectory bind(LdapEndpoint at, Optional<Path> ca, Credentials credentials) {
        boolean kerberos = credentials instanceof Credentials.Kerberos;
        String user = credentials instanceof Credentials.Password p ? p.user() : "(Kerberos ticket)";
        char[] password = credentials instanceof Credentials.Password p ? p.password() : new char[0];
        String mechanism = kerberos ? "GSSAPI" : "simple";
        Hashtable<String, Object> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, at.url());
        env.put(Context.REFERRAL, "ignore");
        env.put("com.sun.jndi.ldap.connect.timeout", "15000");
        env.put("com.sun.jndi.ldap.read.timeout", "60000");
        env.put("java.naming.ldap.attributes.binary", "objectGUID");
        SSLContext ssl = at.security() == LdapEndpoint.Security.PLAIN ? null : TlsTrust.context(ca);
        try {
            LdapContext ctx;
            Optional<StartTlsResponse> tls = Optional.empty();
            if (at.security() == LdapEndpoint.Security.LDAPS) {
                env.put("java.naming.ldap.factory.socket", LdapsSocketFactory.class.getName());
                env.put(Context.SECURITY_AUTHENTICATION, mechanism);
                if (!kerberos) {
                    env.put(Context.SECURITY_PRINCIPAL, user);
                    env.put(Context.SECURITY_CREDENTIALS, password.clone());
                }
                ctx = open(env, Optional.of(ssl));
            } else {
                env.put(Context.SECURITY_AUTHENTICATION, "none");
                ctx = open(env, Optional.empty());
                if (at.security() == LdapEndpoint.Security.STARTTLS) {
                    StartTlsResponse r = (StartTlsResponse) ctx.extendedOperation(new StartTlsRequest());
                    try {
                        r.negotiate(ssl.getSocketFactory()); // checks the certificate's name against the host
                    } catch (IOException e) {
                        ctx.close();
                        throw new PublishException("StartTLS with " + at.url() + " failed: " + e.getMessage()
                                + " (is the server's certificate issued by a CA in the trust store or --ldap-ca,"
                                + " for this host name?)", e);
                    }
                    tls = Optional.of(r);
                }
                ctx.addToEnvironment(Context.SECURITY_AUTHENTICATION, mechanism);
                if (!kerberos) {
                    ctx.addToEnvironment(Context.SECURITY_PRINCIPAL, user);
                    ctx.addToEnvironment(Context.SECURITY_CREDENTIALS, password.clone());
                }
            }
            Attributes root = ctx.getAttributes("", new String[] {"defaultNamingContext"});
            Attribute nc = root.get("defaultNamingContext");
            if (nc == null) {
                throw new PublishException(at.url() + " is not an Active Directory domain controller (no defaultNamingContext)");
            }
            return new LdapDirectory(ctx, tls, (String) nc.get(), at.url());
        } catch (AuthenticationException e) {
            throw new PublishException("the domain controller " + at.url() + " refused the credentials of " + user
                    + " (" + e.getExplanation() + ")", e);
        } catch (CommunicationException e) {
            throw new PublishException("cannot talk to " + at.url() + ": " + rootMessage(e)
                    + (at.security() == LdapEndpoint.Security.LDAPS ? " (is the server's certificate issued by a CA in"
                            + " the trust store or --ldap-ca, for this host name?)" : ""), e);
        } catch (NamingException e) {
            throw new PublishException(at.url() + ": " + describe(e), e);
        }
    }

    /** Connects (and for LDAPS, with {@code ssl}, binds); JNDI's LDAPS socket factory gets {@code ssl} for this connect. */
    private static LdapContext open(Hashtable<String, Object> env, Optional<SSLContext> ssl) throws NamingException {
        try {
            return ssl.isEmpty() ? initial(env) : LdapsSocketFactory.connecting(ssl.get().getSocketFactory(), () -> initial(env));
        } catch (Wrapped w) {
            throw (NamingException) w.getCause();
        }
    }

    private static LdapContext initial(Hashtable<String, Object> env) {
        try {
            return new InitialLdapContext(env, null);
        } catch (NamingException e) {
            throw new Wrapped(e);
        }
    }

    /** Carries a NamingException out of a Supplier. */
    private static final class Wrapped extends RuntimeException {
        Wrapped(NamingException e) {
            super(e);
        }
    }

    @Override
    public String domain() {
        List<String> parts = new ArrayList<>();
        for (String rdn : baseDn.split(",")) {
            String r = rdn.strip();
            if (r.regionMatches(true, 0, "DC=", 0, 3)) {
                parts.add(r.substring(3));
            }
        }
        return String.join(".", parts).toLowerCase(Locale.ROOT);
    }

    private String policies() {
        return "CN=Policies,CN=System," + baseDn;
    }

    @Override
    public Optional<GpoContainer> find(String nameOrGuid) {
        String filter = Publisher.isGuid(nameOrGuid)
                ? "(&(objectClass=groupPolicyContainer)(cn=" + escape(nameOrGuid) + "))"
                : "(&(objectClass=groupPolicyContainer)(displayName=" + escape(nameOrGuid) + "))";
        SearchControls sc = new SearchControls();
        sc.setSearchScope(SearchControls.ONELEVEL_SCOPE);
        sc.setReturningAttributes(ATTRIBUTES);
        List<GpoContainer> found = new ArrayList<>();
        try {
            NamingEnumeration<SearchResult> results = ctx.search(policies(), filter, sc);
            while (results.hasMore()) {
                SearchResult r = results.next();
                found.add(container(r.getNameInNamespace(), r.getAttributes()));
            }
        } catch (NamingException e) {
            throw new PublishException(endpoint + ": searching " + policies() + " failed: " + describe(e), e);
        }
        if (found.size() > 1) {
            throw new PublishException("more than one GPO is named " + nameOrGuid + ": "
                    + String.join(", ", found.stream().map(GpoContainer::guid).toList()) + "; name it by GUID");
        }
        return found.stream().findFirst();
    }

    @Override
    public GpoContainer create(String guid, String displayName, long version, String machineExtensionNames) {
        String dn = "CN=" + guid + "," + policies();
        Attributes a = new BasicAttributes(true);
        a.put(new BasicAttribute("objectClass", "groupPolicyContainer"));
        a.put(new BasicAttribute("displayName", displayName));
        a.put(new BasicAttribute("gPCFileSysPath", "\\\\" + domain() + "\\SysVol\\" + domain() + "\\Policies\\" + guid));
        a.put(new BasicAttribute("gPCFunctionalityVersion", "2"));
        a.put(new BasicAttribute("versionNumber", Integer.toString((int) version)));
        a.put(new BasicAttribute("flags", "0"));
        if (!machineExtensionNames.isEmpty()) {
            a.put(new BasicAttribute("gPCMachineExtensionNames", machineExtensionNames));
        }
        try {
            ctx.createSubcontext(dn, a).close();
            for (String child : List.of("Machine", "User")) {
                Attributes c = new BasicAttributes(true);
                c.put(new BasicAttribute("objectClass", "container"));
                ctx.createSubcontext("CN=" + child + "," + dn, c).close();
            }
        } catch (NamingException e) {
            throw new PublishException(endpoint + ": creating the GPO container " + dn + " failed: " + describe(e), e);
        }
        return new GpoContainer(dn, guid, displayName, version, machineExtensionNames, 0);
    }

    @Override
    public boolean updateIfUnchanged(GpoContainer expected, long version, String machineExtensionNames) {
        List<ModificationItem> mods = new ArrayList<>();
        // remove-the-old-value + add-the-new-one in one modify: the server refuses it whole when the
        // value is no longer the old one, so a concurrent change is never overwritten
        mods.add(new ModificationItem(DirContext.REMOVE_ATTRIBUTE,
                new BasicAttribute("versionNumber", Integer.toString((int) expected.version()))));
        mods.add(new ModificationItem(DirContext.ADD_ATTRIBUTE,
                new BasicAttribute("versionNumber", Integer.toString((int) version))));
        if (!machineExtensionNames.equals(expected.machineExtensionNames())) {
            mods.add(new ModificationItem(DirContext.REPLACE_ATTRIBUTE,
                    new BasicAttribute("gPCMachineExtensionNames", machineExtensionNames)));
        }
        try {
            ctx.modifyAttributes(expected.dn(), mods.toArray(ModificationItem[]::new));
            return true;
        } catch (NoSuchAttributeException | AttributeInUseException e) {
            return false;
        } catch (NamingException e) {
            throw new PublishException(endpoint + ": updating " + expected.dn() + " failed: " + describe(e), e);
        }
    }

    @Override
    public void close() {
        try {
            if (tls.isPresent()) {
                tls.get().close();
            }
            ctx.close();
        } catch (IOException | NamingException e) {
            // closing a connection we are done with: nothing to report
        }
    }

    private static GpoContainer container(String dn, Attributes a) throws NamingException {
        String cn = text(a, "cn");
        long version = Long.parseLong(text(a, "versionNumber").isEmpty() ? "0" : text(a, "versionNumber")) & 0xFFFF_FFFFL;
        String flags = text(a, "flags");
        return new GpoContainer(dn, cn.toUpperCase(Locale.ROOT), text(a, "displayName"), version,
                text(a, "gPCMachineExtensionNames"), flags.isEmpty() ? 0 : Integer.parseInt(flags));
    }

    private static String text(Attributes a, String name) throws NamingException {
        Attribute at = a.get(name);
        return at == null || at.get() == null ? "" : at.get().toString();
    }

    /** RFC 4515 escaping of a value inside a search filter. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\5c");
                case '*' -> sb.append("\\2a");
                case '(' -> sb.append("\\28");
                case ')' -> sb.append("\\29");
                case '\0' -> sb.append("\\00");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String describe(NamingException e) {
        return e.getExplanation() != null ? e.getExplanation() : e.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
