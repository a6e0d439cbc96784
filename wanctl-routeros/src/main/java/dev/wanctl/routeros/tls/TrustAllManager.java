package dev.wanctl.routeros.tls;

import java.security.cert.X509Certificate;

/** What {@code verify_ssl: false} asks for: any certificate. Only ever built with a warning. */
final class TrustAllManager extends ServerTrustManager {

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // verification deliberately off; RouterTrust logs a warning whenever this is used
    }
}
