package dev.wanctl.core.config;

import static dev.wanctl.core.config.ConfigKey.key;

/** Keys both daemons' configs share: identity, router, timeouts, logging, lock, endpoints. */
final class CommonKeys {

    final ConfigKey schemaVersion;
    final ConfigKey wanName;
    final ConfigKey transport;
    final ConfigKey failoverPrimary;
    final ConfigKey host;
    final ConfigKey user;
    final ConfigKey password;
    final ConfigKey passwordFile;
    final ConfigKey sshKey;
    final ConfigKey port;
    final ConfigKey scheme;
    final ConfigKey sshPort;
    final ConfigKey verifySsl;
    final ConfigKey caFile;
    final ConfigKey certFingerprint;
    final ConfigKey knownHosts;
    final ConfigKey timeoutMs;
    final ConfigKey connectTimeoutMs;
    final ConfigKey sshCommandTimeout;
    final ConfigKey pingTimeout;
    final ConfigKey mainLog;
    final ConfigKey debugLog;
    final ConfigKey statusLogInterval;
    final ConfigKey lockFile;
    final ConfigKey lockTimeout;
    final ConfigKey healthEnabled;
    final ConfigKey healthHost;
    final ConfigKey healthPort;
    final ConfigKey metricsEnabled;
    final ConfigKey metricsHost;
    final ConfigKey metricsPort;
    final RecordingKeys recording;

    /**
     * @param healthPortDoc what /health's port is when the config gives none
     * @param metricsPortDoc what /metrics' port is when the config gives none
     */
    CommonKeys(Schema s, boolean wanNameRequired, double sshCommandDefault, double pingDefault, String healthPortDoc,
            String metricsPortDoc) {
        schemaVersion = s.add(key("schema_version", ValueType.STRING).defaultValue("1.0")
                .doc("Config format version; only logged when it differs"));
        wanName = s.add(wanNameRequired
                ? key("wan_name", ValueType.IDENTIFIER).required()
                        .doc("Name of this WAN in logs, metrics, state and lock file names")
                : key("wan_name", ValueType.IDENTIFIER).defaultValue("steering").doc("Name used in logs"));

        s.add(key("router", ValueType.SECTION).required().doc("How to reach the RouterOS router"));
        transport = s.add(key("router.transport", ValueType.CHOICE)
                .choices(RegisteredTransports.names()) // the registered router backends
                .defaultValue("ssh")
                .doc(RegisteredTransports.choicesDoc()));
        failoverPrimary = s.add(key("router.failover_primary", ValueType.CHOICE).choices("rest", "api")
                .defaultValue("rest").ours()
                .doc("With transport failover, what carries the calls while it works (SSH takes over while it"
                        + " fails): rest, or api (then router.port is the API's port, 8729 by default)"));
        host = s.add(key("router.host", ValueType.HOST)
                .doc("Router address (required except with linux-tc)"));
        user = s.add(key("router.user", ValueType.STRING)
                .doc("RouterOS user name (required except with linux-tc)"));
        password = s.add(key("router.password", ValueType.SECRET).defaultValue("")
                .doc("Password for REST (and SSH if no key); ${VAR} reads the environment variable VAR or the"
                        + " systemd credential VAR"));
        passwordFile = s.add(key("router.password_file", ValueType.PATH).ours()
                .doc("File holding the password (first line); instead of router.password"));
        sshKey = s.add(key("router.ssh_key", ValueType.PATH).doc("Private key file for SSH"));
        port = s.add(key("router.port", ValueType.INT).range(1, 65535).defaultValue(443L)
                .doc("REST port; HTTPS on 443 or with router.cert_fingerprint / router.ca_file, plain HTTP"
                        + " elsewhere unless router.scheme says otherwise. With transport api the API port: 8729"
                        + " (TLS) by default, 8728 is plain"));
        scheme = s.add(key("router.scheme", ValueType.CHOICE).choices("https", "http").ours()
                .doc("REST URL scheme; default https on port 443 or with a pinned certificate or CA file, http"
                        + " elsewhere; http with a pin is refused"));
        sshPort = s.add(key("router.ssh_port", ValueType.INT).range(1, 65535).defaultValue(22L).ours()
                .doc("SSH port"));
        verifySsl = s.add(key("router.verify_ssl", ValueType.BOOL).defaultValue(true)
                .doc("Verify the router's TLS certificate; false works but warns at every start"));
        caFile = s.add(key("router.ca_file", ValueType.PATH).ours()
                .doc("PEM file of the CA (or the router's own certificate) to trust instead of the system store"));
        certFingerprint = s.add(key("router.cert_fingerprint", ValueType.FINGERPRINT).ours()
                .doc("SHA-256 fingerprint the router's certificate must have (pinning a self-signed certificate)"));
        knownHosts = s.add(key("router.known_hosts", ValueType.PATH).ours()
                .defaultValue(RouterConfig.DEFAULT_KNOWN_HOSTS.toString())
                .doc("known_hosts file the router's SSH host key must be in"));
        timeoutMs = s.add(key("router.timeout_ms", ValueType.INT).range(50, 30000).defaultValue(1500L).ours()
                .unit("ms").doc("Longest time one router call may take"));
        connectTimeoutMs = s.add(key("router.connect_timeout_ms", ValueType.INT).range(50, 30000)
                .defaultValue(2000L).ours().unit("ms").doc("Longest time to open a connection to the router"));

        s.add(key("timeouts", ValueType.SECTION).doc("Timeouts of the reference implementation"));
        sshCommandTimeout = s.add(key("timeouts.ssh_command", ValueType.NUMBER).range(0.1, 300)
                .defaultValue(sshCommandDefault).unit("s")
                .doc("Router command timeout of the reference implementation")
                .deprecated("router.timeout_ms; this key is read but router calls use router.timeout_ms"));
        pingTimeout = s.add(key("timeouts.ping", ValueType.NUMBER).range(0.05, 10).defaultValue(pingDefault)
                .unit("s").doc("A probe reply later than this counts as lost"));

        s.add(key("logging", ValueType.SECTION).doc("Logging"));
        mainLog = s.add(key("logging.main_log", ValueType.PATH)
                .doc("Log file of the reference implementation")
                .deprecated("journald: logs go to stdout; this key is accepted and ignored"));
        debugLog = s.add(key("logging.debug_log", ValueType.PATH)
                .doc("Debug log file of the reference implementation")
                .deprecated("journald and --debug; this key is accepted and ignored"));
        statusLogInterval = s.add(key("logging.status_log_interval", ValueType.NUMBER).range(1, 3600)
                .defaultValue(10.0).unit("s").ours().doc("How often the INFO status line is logged"));

        lockFile = s.add(key("lock_file", ValueType.PATH)
                .doc("Lock file that keeps a second instance from running; default /run/wanctl/<wan_name>.lock"));
        lockTimeout = s.add(key("lock_timeout", ValueType.INT).range(1, 3600).defaultValue(300L).unit("s")
                .doc("Age after which a lock without a live owner is stale (a held lock names its PID)"));

        s.add(key("health_check", ValueType.SECTION).doc("JSON /health endpoint"));
        healthEnabled = s.add(key("health_check.enabled", ValueType.BOOL).defaultValue(true)
                .doc("Serve /health"));
        healthHost = s.add(key("health_check.host", ValueType.HOST).defaultValue("127.0.0.1")
                .doc("Address to listen on; keep it on loopback unless a monitor elsewhere needs it"));
        healthPort = s.add(key("health_check.port", ValueType.INT).range(1, 65535)
                .doc("Port of /health; default " + healthPortDoc));
        s.add(key("metrics", ValueType.SECTION).doc("Prometheus /metrics endpoint"));
        metricsEnabled = s.add(key("metrics.enabled", ValueType.BOOL).defaultValue(false)
                .doc("Serve Prometheus metrics"));
        metricsHost = s.add(key("metrics.host", ValueType.HOST).defaultValue("127.0.0.1")
                .doc("Address to listen on"));
        metricsPort = s.add(key("metrics.port", ValueType.INT).range(1, 65535)
                .doc("Port of /metrics; default " + metricsPortDoc));
        recording = new RecordingKeys(s);
    }

    /** Later reference features this implementation does not have; recognised and ignored. */
    static void ignoreLaterFeatures(Schema s) {
        String why = " is a feature of later Python wanctl versions that this implementation does not have;"
                + " the section is ignored";
        for (String sec : new String[] {"irtt", "fusion", "tuning", "alerting", "storage", "cake_signal",
            "signal_processing", "reflector_quality", "owd_asymmetry", "cake_params", "route_management"}) {
            s.ignore(sec, sec + why);
        }
        s.ignore("ping_source_ip", "ping_source_ip is not supported; probes use the system's routing");
    }
}
