package dev.wanctl.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the router: the {@code router:} section of a config. What every backend shares
 * (which backend, the router's address and credentials, the time bounds) is flat; what only some
 * backends read is in a sub-record of its own: {@link Https} (REST and the RouterOS API: port,
 * scheme, TLS trust), {@link Ssh} (the SSH port, key and known_hosts) and {@link Failover} (which
 * member carries the calls first). The flat accessors of those ({@link #restPort()},
 * {@link #sshPort()}, ...) read the sub-records.
 *
 * @param transport which backend carries the calls ({@code router.transport})
 * @param connectTimeout {@code router.connect_timeout_ms}, default 2000 ms
 * @param requestTimeout {@code router.timeout_ms}, default 1500 ms: the longest one call may take
 * @param https the REST / API endpoint and its TLS trust
 * @param ssh the SSH endpoint and its keys
 * @param failover the members of {@link Transport#FAILOVER}
 */
public record RouterConfig(
        Transport transport,
        String host,
        String user,
        Secret password,
        Duration connectTimeout,
        Duration requestTimeout,
        Https https,
        Ssh ssh,
        Failover failover) {

    /**
     * REST's (and the RouterOS API's) endpoint and TLS trust.
     *
     * @param port {@code router.port}; REST uses HTTPS unless {@link #scheme} says otherwise; the API's
     *     port with {@code transport: api} (default 8729)
     * @param scheme {@code router.scheme}; defaults to HTTPS on port 443 or when a CA file or a
     *     certificate fingerprint is given (a pin asks for TLS: it must never mean plain HTTP), HTTP
     *     elsewhere, as the reference implementation did
     * @param verifySsl {@code router.verify_ssl}, default true; false still works but warns at start
     * @param caFile {@code router.ca_file}: PEM file of the CA (or the router's certificate) to trust
     *     instead of the system trust store; null when unset
     * @param certFingerprint {@code router.cert_fingerprint}: SHA-256 of the router's certificate as 64
     *     lower-case hex digits (colons removed); null when unset
     */
    public record Https(int port, Scheme scheme, boolean verifySsl, Path caFile, String certFingerprint) {

        public Https {
            scheme = scheme == null ? defaultScheme(port, caFile, certFingerprint) : scheme;
        }
    }

    /**
     * SSH's endpoint and keys.
     *
     * @param port {@code router.ssh_port}, default 22
     * @param key {@code router.ssh_key}, private key file for SSH; null when unset
     * @param knownHosts {@code router.known_hosts}, default {@code /var/lib/wanctl/.ssh/known_hosts}
     */
    public record Ssh(int port, Path key, Path knownHosts) {

        public Ssh {
            knownHosts = knownHosts == null ? DEFAULT_KNOWN_HOSTS : knownHosts;
        }
    }

    /**
     * Failover's members.
     *
     * @param primary {@code router.failover_primary}: what carries the calls while it works
     *     ({@link Transport#REST}, the default, or {@link Transport#API}); SSH is the fallback
     */
    public record Failover(Transport primary) {

        public static final Failover DEFAULT = new Failover(Transport.REST);

        public Failover {
            primary = primary == null ? Transport.REST : primary;
            if (primary != Transport.REST && primary != Transport.API) {
                throw new IllegalArgumentException("failover's primary is rest or api, not " + primary.configName());
            }
        }
    }

    public static final Path DEFAULT_KNOWN_HOSTS = Path.of("/var/lib/wanctl/.ssh/known_hosts");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(2000);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMillis(1500);

    /**
     * {@code router.transport}: the name of a registered router backend ({@link TransportCatalog}).
     * Names are interned, so {@code ==} compares them as it did the enum this replaced; the constants
     * are the backends whose keys this record holds (failover's members, REST's and SSH's endpoints).
     * A new backend needs no constant: its name is valid once it is registered.
     */
    public static final class Transport {

        private static final java.util.concurrent.ConcurrentMap<String, Transport> NAMED =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** RouterOS REST API over HTTPS (or HTTP). */
        public static final Transport REST = named("rest");
        /** RouterOS CLI over one persistent SSH session. */
        public static final Transport SSH = named("ssh");
        /** REST (or the API, {@link RouterConfig#failoverPrimary()}) first; SSH while it is failing. */
        public static final Transport FAILOVER = named("failover");
        /** The RouterOS API on one persistent connection: TLS on 8729 ({@code api-ssl}), plain on 8728. */
        public static final Transport API = named("api");
        /** The root CAKE qdiscs of this Linux host over rtnetlink; autorate only, queues are devices. */
        public static final Transport LINUX_TC = named("linux-tc");

        private final String configName;

        private Transport(String configName) {
            this.configName = configName;
        }

        /** The transport named {@code name} in {@code router.transport}, registered or not (the loader checks that). */
        public static Transport named(String name) {
            Objects.requireNonNull(name, "name");
            return NAMED.computeIfAbsent(name, Transport::new);
        }

        /** The name in {@code router.transport}: {@code rest}, {@code linux-tc}. */
        public String configName() {
            return configName;
        }

        /** The registered backend of this name; IllegalStateException when none is registered under it. */
        public TransportKind kind() {
            TransportKind k = RegisteredTransports.kind(configName);
            if (k == null) {
                throw new IllegalStateException("no router backend is registered as " + configName);
            }
            return k;
        }

        /** Whether this transport talks to a RouterOS router (then it plays steering's role too). */
        public boolean routerOs() {
            return kind().routerOs();
        }

        /** {@code rest, ssh or api}: the registered transports that talk to a RouterOS router, for messages. */
        public static String routerOsNames() {
            return RegisteredTransports.routerOsNames();
        }

        @Override
        public String toString() {
            return configName;
        }
    }

    /** URL scheme of the REST API. */
    public enum Scheme {
        HTTP,
        HTTPS
    }

    public RouterConfig {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(https, "https");
        Objects.requireNonNull(ssh, "ssh");
        password = password == null ? Secret.empty() : password;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        failover = failover == null ? Failover.DEFAULT : failover;
    }

    /** A config from the keys one by one (as the flat record was). */
    public RouterConfig(Transport transport, String host, String user, Secret password, Path sshKey, int restPort,
            Scheme scheme, int sshPort, boolean verifySsl, Path caFile, String certFingerprint, Path knownHosts,
            Duration connectTimeout, Duration requestTimeout, Transport failoverPrimary) {
        this(transport, host, user, password, connectTimeout, requestTimeout,
                new Https(restPort, scheme, verifySsl, caFile, certFingerprint), new Ssh(sshPort, sshKey, knownHosts),
                new Failover(failoverPrimary));
    }

    /** A config whose failover (if any) has REST first, as before {@code router.failover_primary}. */
    public RouterConfig(Transport transport, String host, String user, Secret password, Path sshKey, int restPort,
            Scheme scheme, int sshPort, boolean verifySsl, Path caFile, String certFingerprint, Path knownHosts,
            Duration connectTimeout, Duration requestTimeout) {
        this(transport, host, user, password, sshKey, restPort, scheme, sshPort, verifySsl, caFile, certFingerprint,
                knownHosts, connectTimeout, requestTimeout, Transport.REST);
    }

    /** {@code router.port}: REST's or the API's. */
    public int restPort() {
        return https.port();
    }

    /** {@code router.scheme}, defaulted. */
    public Scheme scheme() {
        return https.scheme();
    }

    /** {@code router.verify_ssl}. */
    public boolean verifySsl() {
        return https.verifySsl();
    }

    /** {@code router.ca_file}, null when unset. */
    public Path caFile() {
        return https.caFile();
    }

    /** {@code router.cert_fingerprint}, null when unset. */
    public String certFingerprint() {
        return https.certFingerprint();
    }

    /** {@code router.ssh_port}. */
    public int sshPort() {
        return ssh.port();
    }

    /** {@code router.ssh_key}, null when unset. */
    public Path sshKey() {
        return ssh.key();
    }

    /** {@code router.known_hosts}. */
    public Path knownHosts() {
        return ssh.knownHosts();
    }

    /** {@code router.failover_primary}. */
    public Transport failoverPrimary() {
        return failover.primary();
    }

    /** The scheme when {@code router.scheme} is unset: HTTPS on 443 or whenever trust is configured. */
    static Scheme defaultScheme(int restPort, Path caFile, String certFingerprint) {
        return restPort == 443 || caFile != null || certFingerprint != null ? Scheme.HTTPS : Scheme.HTTP;
    }

    /** A REST config with defaults for everything else; for tests and tools. */
    public static RouterConfig rest(String host, int port, Scheme scheme, String user, Secret password) {
        return new RouterConfig(
                Transport.REST, host, user, password, null, port, scheme, 22, true, null, null, null, null, null);
    }

    /** The transports a failover config is made of, the one it prefers first; just this one otherwise. */
    public java.util.List<Transport> members() {
        return transport == Transport.FAILOVER ? java.util.List.of(failover.primary(), Transport.SSH)
                : java.util.List.of(transport);
    }

    /** This config with another transport. */
    public RouterConfig withTransport(Transport t) {
        return new RouterConfig(t, host, user, password, connectTimeout, requestTimeout, https, ssh, failover);
    }
}
