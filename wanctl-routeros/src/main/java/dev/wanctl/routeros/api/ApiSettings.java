package dev.wanctl.routeros.api;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.Secret;
import dev.wanctl.routeros.tls.RouterTrust;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a router's API service: 8729 with TLS (trusted like REST: pin, CA file or system
 * store) or 8728 in plain text, which sends the password unencrypted and is only for a trusted
 * network or the emulator.
 *
 * @param trust null for plain 8728
 */
public record ApiSettings(String host, int port, String user, Secret password, RouterTrust trust,
        Duration connectTimeout, Duration requestTimeout, ApiLimits limits) {

    /** The API service port with TLS ({@code api-ssl}). */
    public static final int TLS_PORT = 8729;
    /** The plain API service port ({@code api}). */
    public static final int PLAIN_PORT = 8728;

    public ApiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        password = password == null ? Secret.empty() : password;
        limits = limits == null ? ApiLimits.DEFAULT : limits;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("router API port must be 1..65535, got " + port);
        }
    }

    /**
     * The API settings of {@code config} on {@code port}, with TLS when {@code tls} (trust from
     * {@code cert_fingerprint}, {@code ca_file} or {@code verify_ssl}, exactly as for REST).
     */
    public static ApiSettings of(RouterConfig config, int port, boolean tls) {
        return new ApiSettings(config.host(), port, config.user(), config.password(),
                tls ? RouterTrust.of(config) : null, config.connectTimeout(), config.requestTimeout(), null);
    }

    public boolean tls() {
        return trust != null;
    }
}
