package dev.wanctl.routeros.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/** A trust manager for the client side only: wanctl never accepts TLS connections from anyone. */
abstract class ServerTrustManager implements X509TrustManager {

    @Override
    public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("wanctl never accepts client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
