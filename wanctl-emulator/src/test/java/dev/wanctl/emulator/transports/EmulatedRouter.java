package dev.wanctl.emulator.transports;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.Secret;
import dev.wanctl.emulator.cli.CliLayout;
import dev.wanctl.emulator.model.Fixture;
import dev.wanctl.emulator.model.FixtureLoader;
import dev.wanctl.emulator.RouterEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;

/**
 * An emulated router set up the way wanctl is deployed: the fixture's user has an SSH key whose
 * private half is in a file, and a known_hosts file lists the router's host key.
 */
final class EmulatedRouter implements AutoCloseable {

    /** Generous, so that a cold JVM on a busy machine never fails a test that is not about time-outs. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private static final KeyPair USER_KEY = rsaKey();

    final RouterEmulator router;
    final Path sshKey;
    final Path knownHosts;

    EmulatedRouter(Path dir, CliLayout layout) throws IOException {
        Fixture base = FixtureLoader.defaultFixture();
        Fixture.User user = base.users().getFirst();
        Fixture fixture = new Fixture(base.system(),
                List.of(new Fixture.User(user.name(), user.password(), user.group(), List.of(publicKeyLine()))),
                base.interfaces(), base.routingTables(), base.queueTypes(), base.queueTree(), base.queueSimple(),
                base.mangle());
        // no plain-HTTP listener: nothing here uses it, and every listener must re-bind after a reboot
        this.router = RouterEmulator.builder().fixture(fixture).cliLayout(layout).restPort(-1).start();
        this.sshKey = Files.writeString(dir.resolve("id_rsa"), privateKeyPem());
        this.knownHosts = Files.writeString(dir.resolve("known_hosts"), router.knownHostsLine() + "\n");
    }

    /** A config for {@code transport} with REST (or the API) over TLS pinned to the router's certificate. */
    RouterConfig config(RouterConfig.Transport transport) {
        return config(transport, Secret.of(router.password()), sshKey, router.certificateSha256(), knownHosts);
    }

    /** {@link #config(RouterConfig.Transport)} with other time-outs. */
    RouterConfig config(RouterConfig.Transport transport, Duration connectTimeout, Duration requestTimeout) {
        return config(transport, Secret.of(router.password()), sshKey, router.certificateSha256(), knownHosts,
                connectTimeout, requestTimeout);
    }

    RouterConfig config(RouterConfig.Transport transport, Secret password, Path key, String pin, Path hosts) {
        return config(transport, password, key, pin, hosts, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    private RouterConfig config(RouterConfig.Transport transport, Secret password, Path key, String pin, Path hosts,
            Duration connectTimeout, Duration requestTimeout) {
        // router.port is the API's port with transport api (api-ssl here), REST's otherwise
        int port = transport == RouterConfig.Transport.API ? router.apiTlsPort() : router.restTlsPort();
        return new RouterConfig(transport, RouterEmulator.HOST, router.user(), password, key, port,
                RouterConfig.Scheme.HTTPS, router.sshPort(), true, null, pin, hosts, connectTimeout, requestTimeout);
    }

    @Override
    public void close() {
        router.close();
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String publicKeyLine() {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(USER_KEY.getPublic()).getCompactData();
        return "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " wanctl-test";
    }

    private static String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(USER_KEY.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
