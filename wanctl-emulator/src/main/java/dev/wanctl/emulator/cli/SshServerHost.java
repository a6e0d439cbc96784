package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.faults.FaultState;
import dev.wanctl.emulator.model.RequestCounters;
import dev.wanctl.emulator.model.RouterState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The SSH listener on 127.0.0.1: an ED25519 host key (made at start, or loaded from / saved to a
 * file), password and public-key auth against the router's users, exec channels run by the
 * console interpreter. TCP_NODELAY is set, without which each exec on a kept-open connection waits
 * for delayed ACKs. Stopping and starting again keeps the port and the host key.
 */
public final class SshServerHost {

    private final RouterState state;
    private final FaultState faults;
    private final RequestCounters counters;
    private final CliInterpreter interpreter;
    private final KeyPair hostKey;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("emulator-ssh-", 0).factory());
    private int port;
    private SshServer server;

    public SshServerHost(RouterState state, FaultState faults, RequestCounters counters, CliLayout layout, Path hostKeyFile,
            int port) {
        this.state = state;
        this.faults = faults;
        this.counters = counters;
        this.interpreter = new CliInterpreter(state, layout);
        this.hostKey = loadOrGenerate(hostKeyFile);
        this.port = port;
    }

    private static KeyPair loadOrGenerate(Path file) {
        SimpleGeneratorHostKeyProvider provider =
                file == null ? new SimpleGeneratorHostKeyProvider() : new SimpleGeneratorHostKeyProvider(file);
        // MINA calls the algorithm "ED25519"; "EdDSA" fails.
        provider.setAlgorithm("ED25519");
        List<KeyPair> keys = provider.loadKeys(null);
        if (keys.isEmpty()) {
            throw new IllegalStateException("no SSH host key could be generated or loaded" + (file == null ? "" : " from " + file));
        }
        return keys.getFirst();
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(port);
        s.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        CoreModuleProperties.TCP_NODELAY.set(s, true);
        s.setPasswordAuthenticator((login, password, session) ->
                !faults.rejectCredentials && state.passwordMatches(CliExecCommand.user(login), password));
        s.setPublickeyAuthenticator((login, key, session) -> !faults.rejectCredentials && authorized(login, key));
        s.setKeyboardInteractiveAuthenticator(null);
        s.setCommandFactory((channel, command) -> new CliExecCommand(command, interpreter, faults, counters, executor));
        try {
            s.start();
        } catch (IOException e) {
            throw new UncheckedIOException("SSH emulator cannot listen on 127.0.0.1 port " + port, e);
        }
        for (SocketAddress a : s.getBoundAddresses()) {
            port = ((InetSocketAddress) a).getPort();
        }
        server = s;
    }

    private boolean authorized(String login, PublicKey key) {
        for (String line : state.sshKeys(CliExecCommand.user(login))) {
            try {
                PublicKey allowed = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
                        .resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (allowed != null && KeyUtils.compareKeys(allowed, key)) {
                    return true;
                }
            } catch (Exception unreadable) {
                // A key line the fixture got wrong authorizes nobody.
            }
        }
        return false;
    }

    /** Closes the listener and every session; hung execs are released. */
    public synchronized void stop() {
        faults.gate.open();
        if (server != null) {
            try {
                server.stop(true);
            } catch (IOException ignored) {
                // Stopping immediately closes sockets; nothing is left to clean up on failure.
            }
            server = null;
        }
    }

    /** Closes the open sessions; the listener keeps running. */
    public synchronized void closeSessions() {
        if (server != null) {
            for (AbstractSession s : server.getActiveSessions()) {
                s.close(true);
            }
        }
    }

    public void close() {
        stop();
        executor.shutdownNow();
    }

    public synchronized int port() {
        return port;
    }

    public PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    /** The host key as a known_hosts line for 127.0.0.1 and this port. */
    public String knownHostsLine() {
        int p = port();
        String host = p == 22 ? "127.0.0.1" : "[127.0.0.1]:" + p;
        return host + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }
}
