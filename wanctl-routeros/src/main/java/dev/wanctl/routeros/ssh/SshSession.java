package dev.wanctl.routeros.ssh;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.Deadline;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One persistent SSH session to a router, one exec channel per command. Connecting costs a key
 * exchange (tens of milliseconds, far more on a small router), a command on an open session about
 * a millisecond, so the session is kept and rebuilt only when it died: at most once per call and
 * within that call's deadline. A command that outlives its deadline takes the session down with it,
 * so no channel or thread is left waiting for a router that stopped answering.
 */
final class SshSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshSession.class);
    /** The most a CLI command may print: a queue or rule listing is a few kB. */
    static final int MAX_OUTPUT_BYTES = 1024 * 1024;

    private final RouterConfig config;
    private final Clock clock;
    private final String router;
    private final DefaultConfig sshConfig = new DefaultConfig();
    private final KeyProvider key;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile SSHClient client; // written under lock

    /** Throws IllegalArgumentException when there is no usable way to log in. */
    SshSession(RouterConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.router = config.host();
        if (config.sshKey() == null && config.password().isEmpty()) {
            throw new IllegalArgumentException("SSH to router " + router + " needs router.ssh_key (or a password)");
        }
        this.key = config.sshKey() == null ? null : loadKey();
    }

    private KeyProvider loadKey() {
        try (SSHClient loader = new SSHClient(sshConfig)) {
            KeyProvider k = loader.loadKeys(config.sshKey().toString());
            k.getPrivate(); // fail now, with the file named, rather than at the first call
            return k;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("router.ssh_key " + config.sshKey() + ": cannot load the private key"
                    + " (it must be an unencrypted key readable by wanctl): " + e.getMessage(), e);
        }
    }

    /**
     * The bound of one {@code RouterClient} call: {@code timeout_ms} for its commands, plus
     * {@code connect_timeout_ms} when the session must be opened first (so a slow key exchange
     * cannot fail every call in turn). A reconnect after a dead session fits in what is left.
     */
    Deadline newDeadline() {
        SSHClient c = client;
        boolean open = c != null && c.isConnected() && c.isAuthenticated();
        return Deadline.after(clock, open ? config.requestTimeout()
                : config.connectTimeout().plus(config.requestTimeout()));
    }

    /** Runs {@code command} and returns what it printed (stdout, then stderr). */
    String exec(String command, Deadline deadline) throws RouterException {
        acquire(command, deadline);
        try {
            boolean reconnected = false;
            while (true) {
                boolean fresh = ensureConnected(deadline);
                try {
                    return runOnce(command, deadline);
                } catch (SessionLost lost) {
                    drop();
                    if (fresh || reconnected || deadline.expired()) {
                        throw SshFailures.classify(router, "running `" + command + "`", lost.cause);
                    }
                    LOG.info("router {}: SSH session was dead ({}); reconnecting", router, lost.cause.toString());
                    reconnected = true;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void acquire(String command, Deadline deadline) throws RouterException {
        try {
            if (lock.tryLock(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RouterException(Kind.TIMEOUT, "router " + router + " (ssh): the session stayed busy with another"
                + " call; `" + command + "` was not sent");
    }

    private String runOnce(String command, Deadline deadline) throws RouterException, SessionLost {
        SSHClient c = client;
        Session session;
        Session.Command cmd;
        try {
            c.getConnection().setTimeoutMs(deadline.remainingMillisAtMost(config.requestTimeout()));
            session = c.startSession();
            c.getConnection().setTimeoutMs(deadline.remainingMillisAtMost(config.requestTimeout()));
            cmd = session.exec(command);
        } catch (SSHException e) {
            if (SshFailures.isTimeout(e)) {
                drop();
                throw timeout(command);
            }
            throw new SessionLost(e);
        } catch (IllegalStateException e) {
            throw new SessionLost(e); // sshj: the transport died between our check and startSession
        }
        try {
            cmd.join(deadline.remainingMillisAtMost(config.requestTimeout()), TimeUnit.MILLISECONDS);
        } catch (SSHException e) {
            if (SshFailures.isTimeout(e)) {
                drop(); // closes the channel with the session; nothing keeps waiting for the router
                throw timeout(command);
            }
            throw new SessionLost(e);
        }
        try {
            byte[] outBytes = cmd.getInputStream().readNBytes(MAX_OUTPUT_BYTES + 1);
            byte[] errBytes = cmd.getErrorStream().readNBytes(MAX_OUTPUT_BYTES + 1);
            if (outBytes.length > MAX_OUTPUT_BYTES || errBytes.length > MAX_OUTPUT_BYTES) {
                drop(); // the rest of the output is not wanted; the session is not reused with it pending
                throw new RouterException(Kind.PROTOCOL, "router " + router + " (ssh): `" + command
                        + "` printed more than " + MAX_OUTPUT_BYTES + " bytes; not read");
            }
            String out = new String(outBytes, StandardCharsets.UTF_8);
            String err = new String(errBytes, StandardCharsets.UTF_8);
            return err.isBlank() ? out : out + "\n" + err;
        } catch (IOException e) {
            throw new SessionLost(e);
        }
    }

    private RouterException timeout(String command) {
        return new RouterException(Kind.TIMEOUT, "router " + router + " (ssh): no reply to `" + command + "` within "
                + config.requestTimeout().toMillis() + " ms; session closed");
    }

    /** Connects when there is no live session; true when it did. */
    private boolean ensureConnected(Deadline deadline) throws RouterException {
        if (client != null && client.isConnected() && client.isAuthenticated()) {
            return false;
        }
        drop();
        client = connect(deadline);
        return true;
    }

    private SSHClient connect(Deadline deadline) throws RouterException {
        int budgetMs = deadline.remainingMillisAtMost(config.connectTimeout());
        long startNanos = clock.nanoTime();
        KnownHostsVerifier verifier;
        try {
            verifier = new KnownHostsVerifier(config.knownHosts());
        } catch (IOException e) {
            throw new RouterException(Kind.AUTHENTICATION, "router " + router + " (ssh): cannot read known_hosts file "
                    + config.knownHosts() + ": " + e.getMessage(), e);
        }
        SSHClient c = new SSHClient(sshConfig);
        c.setSocketFactory(new NoDelaySocketFactory());
        c.setConnectTimeout(budgetMs);
        c.setTimeout(budgetMs); // bounds reading the banner; cleared once logged in
        c.getTransport().setTimeoutMs(budgetMs);
        c.addHostKeyVerifier(verifier);
        boolean ok = false;
        try {
            c.connect(config.host(), config.sshPort());
            c.auth(config.user(), authMethods());
            c.getSocket().setSoTimeout(0); // an idle session between calls is normal
            ok = true;
            LOG.info("router {}: SSH session to port {} open in {} ms", router, config.sshPort(),
                    (clock.nanoTime() - startNanos) / 1_000_000);
            return c;
        } catch (UserAuthException e) {
            throw new RouterException(Kind.AUTHENTICATION, "router " + router
                    + " rejected the SSH credentials of user \"" + config.user() + "\" ("
                    + (key != null ? "key " + config.sshKey() : "password") + ")", e);
        } catch (IOException e) {
            if (verifier.refusal() != null) {
                throw new RouterException(Kind.AUTHENTICATION, "router " + router + " (ssh): " + verifier.refusal(), e);
            }
            throw SshFailures.classify(router, "connecting to port " + config.sshPort(), e);
        } finally {
            if (!ok) {
                closeQuietly(c);
            }
        }
    }

    private List<AuthMethod> authMethods() {
        List<AuthMethod> methods = new ArrayList<>(2);
        if (key != null) {
            methods.add(new AuthPublickey(key));
        }
        if (!config.password().isEmpty()) {
            methods.add(new AuthPassword(new PasswordFinder() {
                @Override
                public char[] reqPassword(Resource<?> resource) {
                    return config.password().reveal().toCharArray();
                }

                @Override
                public boolean shouldRetry(Resource<?> resource) {
                    return false;
                }
            }));
        }
        return methods;
    }

    private void drop() {
        SSHClient c = client;
        client = null;
        if (c != null) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(SSHClient c) {
        try {
            c.disconnect();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing an SSH session: {}", e.toString());
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            drop();
        } finally {
            lock.unlock();
        }
    }

    /** The session broke under a command; worth one reconnect. */
    private static final class SessionLost extends Exception {
        private static final long serialVersionUID = 1L;
        final Exception cause;

        SessionLost(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
