package org.vipctl.publish;

import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * The logged-on user's Kerberos ticket, from the ticket cache ({@code kinit}; {@code KRB5CCNAME}
 * names another cache), never a password: the JDK's Kerberos login module with the ticket cache
 * only. The realm's KDCs come from the Kerberos configuration ({@code KRB5_CONFIG} is not read by
 * Java: {@code -Djava.security.krb5.conf=FILE}, or the system's {@code /etc/krb5.conf}).
 */
final class KerberosLogin {

    private KerberosLogin() {
    }

    static Subject subject() {
        Configuration config = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("useTicketCache", "true", "doNotPrompt", "true", "renewTGT", "false"))};
            }
        };
        try {
            LoginContext lc = new LoginContext("vipctl-ldap", new Subject(), null, config);
            lc.login();
            return lc.getSubject();
        } catch (LoginException e) {
            throw new PublishException("no usable Kerberos ticket (" + e.getMessage() + "): run kinit first, or use"
                    + " VIPCTL_LDAP_USER and VIPCTL_LDAP_PASSWORD", e);
        }
    }
}
