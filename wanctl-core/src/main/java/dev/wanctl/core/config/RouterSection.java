package dev.wanctl.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code router:} section, including the password from its secret source. */
final class RouterSection {

    private static final int API_TLS_PORT = 8729;
    private static final int API_PLAIN_PORT = 8728;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private RouterSection() {}

    static RouterConfig read(ConfigReader r, CommonKeys k, ConfigLoader.Options options) {
        RouterConfig.Transport transport = transport(r, k);
        String host = r.string(k.host);
        String user = r.string(k.user);
        Secret password = password(r, k, options);
        String sshKeyText = r.string(k.sshKey);
        RouterConfig.Transport primary = "api".equals(r.string(k.failoverPrimary)) ? RouterConfig.Transport.API
                : RouterConfig.Transport.REST;
        if (r.present(k.failoverPrimary) && transport != RouterConfig.Transport.FAILOVER) {
            r.warn(k.failoverPrimary, "only used with transport failover; transport is "
                    + (transport == null ? "unset" : transport.configName()));
        }
        boolean api = transport == RouterConfig.Transport.API
                || (transport == RouterConfig.Transport.FAILOVER && primary == RouterConfig.Transport.API);
        int port = api && !r.present(k.port) ? API_TLS_PORT : r.integer(k.port);
        String schemeText = r.string(k.scheme);
        RouterConfig.Scheme scheme = schemeText == null ? (api ? (port == API_PLAIN_PORT
                ? RouterConfig.Scheme.HTTP : RouterConfig.Scheme.HTTPS) : null)
                : schemeText.equals("http") ? RouterConfig.Scheme.HTTP : RouterConfig.Scheme.HTTPS;
        int sshPort = r.integer(k.sshPort);
        boolean verify = r.bool(k.verifySsl);
        String caFile = r.string(k.caFile);
        String fingerprint = r.string(k.certFingerprint);
        Path knownHosts = Path.of(r.string(k.knownHosts));
        Duration timeout = Duration.ofMillis(r.integer(k.timeoutMs));
        Duration connectTimeout = Duration.ofMillis(r.integer(k.connectTimeoutMs));
        if (r.present(k.sshCommandTimeout)) {
            r.number(k.sshCommandTimeout); // validated; router calls use router.timeout_ms
        }
        if (transport != null && !transport.routerOs()) { // this host's own queues: linux-tc
            host = host == null ? "localhost" : host;
            user = user == null ? "" : user;
        } else if (transport != null) {
            if (host == null) {
                r.error(k.host, "missing; required with transport " + transport.configName()
                        + ": the router's address (an IPv4 or IPv6 address or a host name)");
            }
            if (user == null) {
                r.error(k.user, "missing; required with transport " + transport.configName() + ": the RouterOS user");
            }
        }
        if (host == null || user == null || transport == null) {
            return null;
        }
        RouterConfig rc = new RouterConfig(transport, host, user, password, connectTimeout, timeout,
                new RouterConfig.Https(port, scheme, verify, caFile == null ? null : Path.of(caFile), fingerprint),
                new RouterConfig.Ssh(sshPort, sshKeyText == null ? null : Path.of(sshKeyText), knownHosts),
                new RouterConfig.Failover(primary));
        if (transport != RouterConfig.Transport.SSH && transport != RouterConfig.Transport.LINUX_TC
                && rc.scheme() == RouterConfig.Scheme.HTTP && (fingerprint != null || caFile != null)) {
            // A pin asks for a verified TLS connection: it must never silently mean plain text.
            String pin = "router." + (fingerprint != null ? "cert_fingerprint" : "ca_file");
            String plain = api ? "the plain API" : "plain HTTP";
            String fix = api ? "use api-ssl (router.port: 8729)" : "set router.scheme: https (RouterOS www-ssl)";
            if (schemeText != null) {
                r.error(k.scheme, "is http, but " + pin + " asks for a verified TLS connection; " + plain
                        + " would send the password unencrypted: " + fix + " or remove the pin");
            } else {
                r.error(k.port, "is " + port + ", " + plain + ", but " + pin + " asks for a verified TLS connection;"
                        + " the password would travel unencrypted: " + fix + " or remove the pin");
            }
            return null;
        }
        if (api && rc.scheme() == RouterConfig.Scheme.HTTP) {
            r.warn(k.port, "the API in plain text (port " + port + ") sends the router password unencrypted;"
                    + " use api-ssl on port 8729");
        } else if (transport == RouterConfig.Transport.REST || transport == RouterConfig.Transport.FAILOVER) {
            if (rc.scheme() == RouterConfig.Scheme.HTTP) {
                r.warn(k.port, "REST over plain HTTP (port " + port + ") sends the router password unencrypted;"
                        + " use port 443 or router.scheme: https");
            }
        }
        if ((api || transport == RouterConfig.Transport.REST || transport == RouterConfig.Transport.FAILOVER)
                && rc.scheme() == RouterConfig.Scheme.HTTPS && !verify && fingerprint == null && caFile == null) {
            r.warn(k.verifySsl, "TLS certificate verification is off: anyone on the path can read the router"
                    + " password; pin the router's certificate with router.cert_fingerprint instead");
        }
        if ((transport == RouterConfig.Transport.SSH || transport == RouterConfig.Transport.FAILOVER)
                && sshKeyText == null && !r.present(k.password)
                && !r.present(k.passwordFile)) {
            r.error(k.sshKey, "missing; SSH needs router.ssh_key (or a password)");
        }
        return rc;
    }

    private static RouterConfig.Transport transport(ConfigReader r, CommonKeys k) {
        Optional<YamlNode> n = r.node(k.transport.path());
        if (n.isPresent() && n.get() instanceof YamlNode.Scalar s && s.value() instanceof String v
                && v.startsWith("linux-cake")) {
            r.error(k.transport, "must be " + k.transport.allowed() + ", got \"" + v + "\": wanctl's backend for"
                    + " CAKE on this Linux host is linux-tc (queues.download and queues.upload name the devices)");
            return null;
        }
        String t = r.string(k.transport);
        return t == null ? null : RouterConfig.Transport.named(t);
    }

    private static Secret password(ConfigReader r, CommonKeys k, ConfigLoader.Options options) {
        String file = r.string(k.passwordFile);
        if (file != null) {
            if (r.present(k.password)) {
                r.warn(k.password, "ignored: router.password_file is set");
            }
            try {
                return Secret.of(ConfigEnvironment.stripNewline(
                        Files.readString(Path.of(file), StandardCharsets.UTF_8)).lines().findFirst().orElse(""));
            } catch (IOException e) {
                secretProblem(r, k.passwordFile, options, "cannot read the password file " + file + ": " + e);
                return Secret.empty();
            }
        }
        String raw = r.string(k.password);
        if (raw == null || raw.isEmpty()) {
            return Secret.empty();
        }
        Matcher m = VARIABLE.matcher(raw);
        if (!m.matches()) {
            return Secret.of(raw);
        }
        String name = m.group(1);
        Optional<String> value = options.env().variable(name);
        if (value.isEmpty()) {
            try {
                value = options.env().credential(name);
            } catch (IOException e) {
                secretProblem(r, k.password, options, "cannot read the systemd credential " + name + ": " + e);
                return Secret.empty();
            }
        }
        if (value.isEmpty()) {
            secretProblem(r, k.password, options, "${" + name + "} is not set: no environment variable " + name
                    + " (EnvironmentFile=/etc/wanctl/secrets) and no systemd credential " + name
                    + " (LoadCredential=" + name + ":...)");
            return Secret.empty();
        }
        return Secret.of(value.get());
    }

    /** A secret that cannot be found is an error for a daemon and a warning when only checking. */
    private static void secretProblem(ConfigReader r, ConfigKey key, ConfigLoader.Options options, String msg) {
        if (options.strictSecrets()) {
            r.error(key, msg);
        } else {
            r.warn(key, msg);
        }
    }
}
