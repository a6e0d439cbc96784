package dev.wanctl.routeros.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * A CA-based trust manager (system store or {@code router.ca_file}) whose refusal says which
 * certificate the router presented, with its fingerprint, so that the user can check it and pin it.
 */
final class ReportingTrustManager extends ServerTrustManager {

    private final String router;
    private final String anchors;
    private final X509TrustManager delegate;

    ReportingTrustManager(String router, String anchors, X509TrustManager delegate) {
        this.router = router;
        this.anchors = anchors;
        this.delegate = delegate;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            if (chain == null || chain.length == 0) {
                throw e;
            }
            String fp = CertificateFingerprint.sha256Hex(chain[0]);
            throw new CertificateException("router " + router + " presented a certificate (subject "
                    + chain[0].getSubjectX500Principal().getName() + ", SHA-256 fingerprint " + fp + ") that "
                    + anchors + " does not trust; for the router's own self-signed certificate set "
                    + "router.cert_fingerprint to that fingerprint after checking it on the router", e);
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
