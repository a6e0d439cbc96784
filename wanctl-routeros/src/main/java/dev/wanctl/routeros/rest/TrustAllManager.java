package dev.wanctl.routeros.rest;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/** What {@code verify_ssl: false} asks for: any certificate. Only ever built with a warning. */
final class TrustAllManager implements X509TrustManager {

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // verification deliberately off; RestTls logs a warning whenever this is used
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("wanctl never accepts client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
