package dev.wanctl.emulator;

import dev.wanctl.emulator.api.ApiServer;
import dev.wanctl.emulator.cli.CliLayout;
import dev.wanctl.emulator.cli.SshServerHost;
import dev.wanctl.emulator.faults.Faults;
import dev.wanctl.emulator.model.Fixture;
import dev.wanctl.emulator.model.FixtureLoader;
import dev.wanctl.emulator.model.RequestCounters;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.emulator.rest.RestHandler;
import dev.wanctl.emulator.rest.RestServer;
import dev.wanctl.emulator.rest.TlsCertificate;

import dev.wanctl.core.runtime.Clock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An emulated RouterOS 7 router: REST over HTTP and HTTPS, an SSH console, the RouterOS API
 * (plain and TLS), and an in-process
 * client, all on one {@link RouterState}, with fault injection. What every test, the simulator,
 * the demo and users without a router run against. Listens on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (RouterEmulator router = RouterEmulator.builder().start()) {
 *     URI rest = URI.create(router.restBaseUrl() + "/queue/tree");   // basic auth: router.user(), router.password()
 *     router.faults().on(Transport.REST).serverErrors(2);
 *     long bps = router.state().maxLimitBps("WAN-Download-Spectrum");
 * }
 * }</pre>
 */
public final class RouterEmulator implements AutoCloseable {

    /** The only address the emulator listens on. */
    public static final String HOST = "127.0.0.1";

    private final Builder config;
    private final RouterState state;
    private final Faults faults;
    private final RequestCounters counters;
    private final Fixture.User defaultUser;
    private TlsCertificate certificate;
    private RestServer rest;
    private SshServerHost ssh;
    private ApiServer api;
    private ScheduledExecutorService ticker;
    private boolean closed;

    private RouterEmulator(Builder b) {
        this.config = b;
        Fixture fixture = b.fixture == null ? FixtureLoader.defaultFixture() : b.fixture;
        this.state = RouterState.of(fixture, b.clock);
        this.faults = new Faults(state);
        this.counters = new RequestCounters(b.clock);
        this.defaultUser = fixture.users().isEmpty()
                ? new Fixture.User("admin", "", "full", java.util.List.of())
                : fixture.users().getFirst();
    }

    /** A builder with the bundled fixture, the system clock and ephemeral ports for REST, HTTPS, SSH and the API (plain and TLS). */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts the listeners (idempotent); returns this for chaining. */
    public synchronized RouterEmulator start() {
        if (closed) {
            throw new IllegalStateException("emulator closed");
        }
        if (ticker != null) {
            return this;
        }
        if (config.restTlsPort >= 0 || config.apiTlsPort >= 0) {
            certificate = TlsCertificate.generate();
        }
        if (config.restPort >= 0 || config.restTlsPort >= 0) {
            rest = new RestServer(new RestHandler(state, faults.state(Transport.REST), counters), certificate,
                    faults.state(Transport.REST), config.restPort, config.restTlsPort);
        }
        if (config.sshPort >= 0) {
            ssh = new SshServerHost(state, faults.state(Transport.SSH), counters, config.cliLayout, config.hostKeyFile,
                    config.sshPort);
        }
        if (config.apiPort >= 0 || config.apiTlsPort >= 0) {
            api = new ApiServer(state, faults.state(Transport.API), counters,
                    certificate == null ? null : certificate.sslContext(), config.apiPort, config.apiTlsPort);
        }
        faults.listeners(new Faults.Listeners() {
            @Override
            public void setRunning(Transport t, boolean running) {
                RouterEmulator.this.setRunning(t, running);
            }

            @Override
            public void closeSessions(Transport t) {
                if (t == Transport.SSH && ssh != null) {
                    ssh.closeSessions();
                } else if (t == Transport.API && api != null) {
                    api.closeSessions();
                }
            }
        });
        try {
            faults.applyListeners();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("emulator-reboot-timer").daemon().factory());
        ticker.scheduleWithFixedDelay(faults::tick, 10, 10, TimeUnit.MILLISECONDS);
        return this;
    }

    private synchronized void setRunning(Transport t, boolean running) {
        if (closed) {
            return;
        }
        if (t == Transport.REST && rest != null) {
            if (running) {
                rest.start();
            } else {
                rest.stop();
            }
        } else if (t == Transport.SSH && ssh != null) {
            if (running) {
                ssh.start();
            } else {
                ssh.stop();
            }
        } else if (t == Transport.API && api != null) {
            if (running) {
                api.start();
            } else {
                api.stop();
            }
        }
    }

    /** Stops everything; no emulator thread is left waiting afterwards (hung requests are released). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (Transport t : Transport.values()) {
            faults.state(t).gate.close();
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (rest != null) {
            rest.close();
        }
        if (ssh != null) {
            ssh.close();
        }
        if (api != null) {
            api.close();
        }
    }

    /** The router's configuration and statistics. */
    public RouterState state() {
        return state;
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /** Requests received, per transport and kind. */
    public RequestCounters requests() {
        return counters;
    }

    /** An in-process client logged in as the fixture's first user. */
    public EmulatedRouterClient client() {
        return client(defaultUser.name(), defaultUser.password());
    }

    /** An in-process client with these credentials (wrong ones give AUTHENTICATION errors). */
    public EmulatedRouterClient client(String user, String password) {
        return new EmulatedRouterClient(state, faults, counters, user, password);
    }

    /** The fixture's first user (the one to log in with). */
    public String user() {
        return defaultUser.name();
    }

    /** The password of {@link #user()}. */
    public String password() {
        return defaultUser.password();
    }

    /** Plain HTTP REST port, or -1 when disabled or not started. */
    public synchronized int restPort() {
        return rest == null ? -1 : rest.httpPort();
    }

    /** HTTPS REST port, or -1 when disabled or not started. */
    public synchronized int restTlsPort() {
        return rest == null ? -1 : rest.httpsPort();
    }

    /** SSH port, or -1 when disabled or not started. */
    public synchronized int sshPort() {
        return ssh == null ? -1 : ssh.port();
    }

    /** Plain RouterOS API port (8728 on a router), or -1 when disabled or not started. */
    public synchronized int apiPort() {
        return api == null ? -1 : api.plainPort();
    }

    /** RouterOS API-over-TLS port ({@code api-ssl}, 8729 on a router; the HTTPS certificate), or -1. */
    public synchronized int apiTlsPort() {
        return api == null ? -1 : api.tlsPort();
    }

    /** {@code http://127.0.0.1:<port>/rest}. */
    public String restBaseUrl() {
        return "http://" + HOST + ":" + restPort() + "/rest";
    }

    /** {@code https://127.0.0.1:<port>/rest}. */
    public String restTlsBaseUrl() {
        return "https://" + HOST + ":" + restTlsPort() + "/rest";
    }

    /**
     * Where {@code GET} answers the requests counted so far as JSON
     * ({@link RestHandler#REQUESTS_PATH}, no credentials): over plain HTTP
     * when that listens, else HTTPS; null without a REST listener.
     */
    public String requestsUrl() {
        String path = RestHandler.REQUESTS_PATH;
        if (restPort() > 0) {
            return "http://" + HOST + ":" + restPort() + path;
        }
        return restTlsPort() > 0 ? "https://" + HOST + ":" + restTlsPort() + path : null;
    }

    /** The HTTPS and api-ssl certificate (self-signed, SAN localhost and 127.0.0.1), or null without either. */
    public synchronized X509Certificate certificate() {
        return certificate == null ? null : certificate.certificate();
    }

    /** The certificate as PEM, to use as a CA file; null without HTTPS. */
    public synchronized String certificatePem() {
        return certificate == null ? null : certificate.pem();
    }

    /** SHA-256 of the certificate as 64 lower-case hex digits (the config's {@code cert_fingerprint}); null without HTTPS. */
    public synchronized String certificateSha256() {
        return certificate == null ? null : certificate.sha256();
    }

    /** The SSH host key; null without SSH. */
    public synchronized PublicKey sshHostKey() {
        return ssh == null ? null : ssh.hostPublicKey();
    }

    /** {@code [127.0.0.1]:<port> ssh-ed25519 AAAA...}, for a known_hosts file; null without SSH. */
    public synchronized String knownHostsLine() {
        return ssh == null ? null : ssh.knownHostsLine();
    }

    /** The console layout of this router's SSH output. */
    public CliLayout cliLayout() {
        return config.cliLayout;
    }

    /** Configures and starts a {@link RouterEmulator}. */
    public static final class Builder {
        private Fixture fixture;
        private Clock clock = Clock.system();
        private int restPort;
        private int restTlsPort;
        private int sshPort;
        private int apiPort;
        private int apiTlsPort;
        private CliLayout cliLayout = CliLayout.OLD;
        private Path hostKeyFile;

        private Builder() {}

        /** The starting configuration (default: the bundled fixture). */
        public Builder fixture(Fixture f) {
            this.fixture = f;
            return this;
        }

        /** Loads the starting configuration from a YAML file (see {@link FixtureLoader}). */
        public Builder fixture(Path file) {
            try {
                return fixture(FixtureLoader.load(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read fixture " + file, e);
            }
        }

        /** The clock for uptime, write timestamps and reboot downtime (a VirtualClock in simulations). */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Plain HTTP REST port: 0 ephemeral (default), -1 none. */
        public Builder restPort(int port) {
            this.restPort = checkPort(port);
            return this;
        }

        /** HTTPS REST port: 0 ephemeral (default), -1 none. */
        public Builder restTlsPort(int port) {
            this.restTlsPort = checkPort(port);
            return this;
        }

        /** SSH port: 0 ephemeral (default), -1 none. */
        public Builder sshPort(int port) {
            this.sshPort = checkPort(port);
            return this;
        }

        /** Plain RouterOS API port: 0 ephemeral (default), -1 none. */
        public Builder apiPort(int port) {
            this.apiPort = checkPort(port);
            return this;
        }

        /** RouterOS API-over-TLS port: 0 ephemeral (default), -1 none. */
        public Builder apiTlsPort(int port) {
            this.apiTlsPort = checkPort(port);
            return this;
        }

        /** Console output layout (default {@link CliLayout#OLD}). */
        public Builder cliLayout(CliLayout layout) {
            this.cliLayout = layout;
            return this;
        }

        /** SSH host key file: loaded if it exists, else generated and saved there (default: generated, not saved). */
        public Builder hostKeyFile(Path file) {
            this.hostKeyFile = file;
            return this;
        }

        /** The listen address: only loopback (127.0.0.1, localhost) is accepted; the emulator never listens elsewhere. */
        public Builder host(String host) {
            if (!host.equals(HOST) && !host.equals("localhost")) {
                throw new IllegalArgumentException("the RouterOS emulator listens on 127.0.0.1 only, not on " + host);
            }
            return this;
        }

        /** The emulator, not yet listening (its state, faults and in-process client work already). */
        public RouterEmulator build() {
            return new RouterEmulator(this);
        }

        /** Builds and starts. */
        public RouterEmulator start() {
            return build().start();
        }

        private static int checkPort(int port) {
            if (port < -1 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (ephemeral), -1 (none) or 1..65535, got " + port);
            }
            return port;
        }
    }
}
