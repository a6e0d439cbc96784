package dev.wanctl.emulator.testing;

import dev.wanctl.emulator.RouterEmulator;
import java.nio.file.Path;

/**
 * The {@code router:} section of a daemon config that reaches a {@link RouterEmulator} the way
 * production reaches a router: REST over HTTPS or the API over TLS with the certificate pinned, or
 * SSH with its host key in a known_hosts file. Public: the autorate and steering end-to-end tests write their
 * configs with it.
 */
public final class EmulatorRouterYaml {

    private EmulatorRouterYaml() {}

    /** REST over HTTPS, certificate pinned; {@code timeoutMs} for connect and call. */
    public static String rest(RouterEmulator router, String password, int timeoutMs) {
        return """
                router:
                  transport: rest
                  host: 127.0.0.1
                  port: %d
                  scheme: https
                  user: %s
                  password: %s
                  cert_fingerprint: "%s"
                  timeout_ms: %d
                  connect_timeout_ms: %d
                """.formatted(router.restTlsPort(), router.user(), password, router.certificateSha256(), timeoutMs,
                timeoutMs);
    }

    /** The RouterOS API over TLS (api-ssl), the certificate pinned; {@code timeoutMs} for connect and call. */
    public static String api(RouterEmulator router, String password, int timeoutMs) {
        return """
                router:
                  transport: api
                  host: 127.0.0.1
                  port: %d
                  user: %s
                  password: %s
                  cert_fingerprint: "%s"
                  timeout_ms: %d
                  connect_timeout_ms: %d
                """.formatted(router.apiTlsPort(), router.user(), password, router.certificateSha256(), timeoutMs,
                timeoutMs);
    }

    /** SSH with a password, the host key checked against {@code knownHosts}. */
    public static String ssh(RouterEmulator router, String password, Path knownHosts, int timeoutMs) {
        return """
                router:
                  transport: ssh
                  host: 127.0.0.1
                  ssh_port: %d
                  user: %s
                  password: %s
                  known_hosts: %s
                  timeout_ms: %d
                  connect_timeout_ms: %d
                """.formatted(router.sshPort(), router.user(), password, knownHosts, timeoutMs, timeoutMs);
    }
}
