package dev.wanctl.routeros.rest;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.routeros.tls.RouterTrust;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link RouterTrust} to the REST client's OkHttp builder; plain HTTP is allowed with a warning. */
final class RestTls {

    private static final Logger LOG = LoggerFactory.getLogger(RestTls.class);

    private RestTls() {}

    /** Applies the trust settings of {@code config} to {@code builder}; throws on an unusable setting. */
    static void configure(OkHttpClient.Builder builder, RouterConfig config) {
        if (config.scheme() == RouterConfig.Scheme.HTTP) {
            LOG.warn("REST to router {} uses plain HTTP: the password crosses the network unencrypted", config.host());
            return;
        }
        RouterTrust trust = RouterTrust.of(config);
        if (!trust.checkHostName()) {
            builder.hostnameVerifier((host, session) -> true);
        }
        builder.sslSocketFactory(trust.context().getSocketFactory(), trust.manager());
    }
}
