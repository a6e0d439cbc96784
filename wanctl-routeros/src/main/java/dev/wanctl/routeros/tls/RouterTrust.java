package dev.wanctl.routeros.tls;

import dev.wanctl.core.config.RouterConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every TLS transport (REST on HTTPS, the API on 8729) trusts the router, strongest configured
 * option first: a pinned certificate fingerprint, then a CA file, then the system trust store;
 * {@code verify_ssl: false} turns checking off, with a warning every time a client is built. One
 * class so that the transports cannot drift apart on what they accept.
 *
 * @param manager checks the router's certificate chain
 * @param context an SSL context using {@code manager}
 * @param checkHostName whether the certificate must also name the host (CA-based trust); a pin
 *     names the one certificate, and verification off checks nothing
 */
public record RouterTrust(X509TrustManager manager, SSLContext context, boolean checkHostName) {

    private static final Logger LOG = LoggerFactory.getLogger(RouterTrust.class);

    /** The trust settings of {@code config}; throws IllegalArgumentException on an unusable setting. */
    public static RouterTrust of(RouterConfig config) {
        String router = config.host();
        X509TrustManager trust;
        boolean checkHost = true;
        if (config.certFingerprint() != null) {
            warnIfVerifyOffIgnored(config, "router.cert_fingerprint");
            trust = new PinnedTrustManager(router, config.certFingerprint());
            checkHost = false;
        } else if (config.caFile() != null) {
            warnIfVerifyOffIgnored(config, "router.ca_file");
            trust = new ReportingTrustManager(router, "router.ca_file " + config.caFile(), fromPem(config.caFile()));
        } else if (!config.verifySsl()) {
            LOG.warn("TLS certificate verification is OFF for router {} (router.verify_ssl: false): anyone on the"
                    + " path can read the password; pin the certificate with router.cert_fingerprint instead", router);
            trust = new TrustAllManager();
            checkHost = false;
        } else {
            trust = new ReportingTrustManager(router, "the system trust store", systemTrust());
        }
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
            return new RouterTrust(trust, tls, checkHost);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    private static void warnIfVerifyOffIgnored(RouterConfig config, String stronger) {
        if (!config.verifySsl()) {
            LOG.warn("router.verify_ssl: false is ignored for router {} because {} is set", config.host(), stronger);
        }
    }

    private static X509TrustManager fromPem(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("router.ca_file " + caFile + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : certs) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            return trustManagerOf(store);
        } catch (IOException e) {
            throw new IllegalArgumentException("router.ca_file " + caFile + ": cannot read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "router.ca_file " + caFile + ": not a PEM certificate file: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager systemTrust() {
        try {
            return trustManagerOf(null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the system trust store cannot be loaded", e);
        }
    }

    private static X509TrustManager trustManagerOf(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager");
    }
}
