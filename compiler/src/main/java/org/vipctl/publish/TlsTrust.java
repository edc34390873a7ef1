package org.vipctl.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates an LDAPS or StartTLS connection trusts: the Java runtime's trust store (the
 * system's CAs) plus the CA certificates of {@code --ldap-ca FILE} (PEM), in one trust store, so
 * the standard checks apply unchanged, hostname verification included.
 */
final class TlsTrust {

    private TlsTrust() {
    }

    static SSLContext context(Optional<Path> caFile) {
        try {
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init((KeyStore) null);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (TrustManager tm : system.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        store.setCertificateEntry("system-" + n++, c);
                    }
                }
            }
            if (caFile.isPresent()) {
                Collection<? extends Certificate> certs;
                try (InputStream in = Files.newInputStream(caFile.get())) {
                    certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
                } catch (IOException e) {
                    throw new PublishException("cannot read --ldap-ca " + caFile.get() + ": " + e.getMessage(), e);
                }
                if (certs.isEmpty()) {
                    throw new PublishException("--ldap-ca " + caFile.get() + " holds no PEM certificate");
                }
                int i = 0;
                for (Certificate c : certs) {
                    store.setCertificateEntry("ldap-ca-" + i++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.security.cert.CertificateException e) {
            throw new PublishException("--ldap-ca " + caFile.map(Path::toString).orElse("") + " is not a PEM certificate: "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException | IOException e) {
            throw new PublishException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
