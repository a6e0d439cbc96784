package dev.wanctl.routeros.tls;

import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * Trusts exactly one server certificate, the one whose SHA-256 is pinned: RouterOS routers
 * usually present a self-signed certificate that no CA vouches for, and a pin is the simplest
 * strong check for it. The pin replaces chain and host-name checks (it names one certificate).
 */
final class PinnedTrustManager extends ServerTrustManager {

    private final String router;
    private final byte[] pin;

    PinnedTrustManager(String router, String pinHex) {
        this.router = router;
        this.pin = HexFormat.of().parseHex(CertificateFingerprint.normalise(pinHex));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("router " + router + " presented no certificate");
        }
        String presented = CertificateFingerprint.sha256Hex(chain[0]);
        if (!MessageDigest.isEqual(HexFormat.of().parseHex(presented), pin)) {
            throw new CertificateException("router " + router + " presented a certificate with SHA-256 fingerprint "
                    + presented + " (" + CertificateFingerprint.colonHex(presented) + "), which is not the pinned "
                    + "router.cert_fingerprint " + HexFormat.of().formatHex(pin)
                    + "; if the router's certificate was replaced on purpose, pin the new fingerprint");
        }
    }
}
