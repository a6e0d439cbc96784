package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.Fixture;
import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.emulator.testing.Await;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.PromiscuousVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault as an SSH client (sshj, one kept-open connection) sees it. */
class SshFaultsTest {

    @TempDir
    Path tmp;

    private RouterEmulator router;
    private SshExec ssh;

    @BeforeEach
    void start() throws Exception {
        router = RouterEmulator.builder().restPort(-1).restTlsPort(-1).start();
        ssh = new SshExec(router, tmp);
    }

    @AfterEach
    void stop() throws Exception {
        ssh.close();
        router.close();
    }

    @Test
    void latencyDelaysEveryExec() throws Exception {
        router.faults().on(Transport.SSH).latency(Duration.ofMillis(120));

        long t0 = System.nanoTime();
        String out = ssh.exec(":put [/system identity get name]");

        assertThat(out).isEqualTo("MikroTik\r\n");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(120);
    }

    @Test
    void serverErrorIsAFailureLineForTheNextCall() throws Exception {
        router.faults().on(Transport.SSH).serverErrors(1);

        assertThat(ssh.exec("/queue tree set [find name=\"WAN-Upload-ATT\"] max-limit=1M"))
                .isEqualTo("failure: internal error\r\n");
        assertThat(router.state().maxLimitBps("WAN-Upload-ATT")).isEqualTo(18_000_000L);
        assertThat(ssh.exec(":put [/system identity get name]")).isEqualTo("MikroTik\r\n");
    }

    @Test
    void rejectedCredentialsCloseTheSessionAndRefuseNewLogins() throws Exception {
        router.faults().on(Transport.SSH).rejectCredentials();

        Await.until("the session is closed", () -> !ssh.client().isConnected());
        assertThatThrownBy(() -> new SshExec(router, tmp)).isInstanceOf(UserAuthException.class);

        router.faults().on(Transport.SSH).clear();
        try (SshExec again = new SshExec(router, tmp)) {
            assertThat(again.exec(":put [/system identity get name]")).isEqualTo("MikroTik\r\n");
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> new SshExec(router, tmp, "wanctl", "guess")).isInstanceOf(UserAuthException.class);
    }

    @Test
    void droppedConnectionClosesTheSessionWithoutOutput() throws Exception {
        router.faults().on(Transport.SSH).dropConnections(1);

        String out;
        try {
            out = ssh.exec(":put [/system identity get name]");
        } catch (IOException closed) {
            out = "";
        }

        assertThat(out).isEmpty();
        Await.until("the connection is closed", () -> !ssh.client().isConnected());
    }

    @Test
    void timedOutExecNeverAnswersUntilCleared() throws Exception {
        router.faults().on(Transport.SSH).timeouts(1);

        try (Session s = ssh.client().startSession()) {
            Session.Command c = s.exec("/system resource print");
            Await.until("the exec arrived", () -> router.requests().total(Transport.SSH) == 1);
            assertThatThrownBy(() -> c.join(200, TimeUnit.MILLISECONDS)).isInstanceOf(IOException.class);
            assertThat(c.getInputStream().available()).isZero();

            router.faults().on(Transport.SSH).clear();

            Await.until("the connection is closed", () -> !ssh.client().isConnected());
        }
    }

    @Test
    void downTransportRefusesConnectionsAndComesBackWithTheSamePortAndHostKey() throws Exception {
        int port = router.sshPort();
        router.faults().on(Transport.SSH).down();

        Await.until("the session is closed", () -> !ssh.client().isConnected());
        assertThatThrownBy(() -> new SshExec(router, tmp)).isInstanceOf(ConnectException.class);

        router.faults().on(Transport.SSH).up();

        assertThat(router.sshPort()).isEqualTo(port);
        try (SshExec again = new SshExec(router, tmp)) {
            assertThat(again.exec(":put [/system identity get name]")).isEqualTo("MikroTik\r\n");
        }
    }

    @Test
    void execsAreCountedAsReadsAndWrites() throws Exception {
        ssh.exec("/queue tree print stats where name=\"WAN-Upload-ATT\"");
        ssh.exec("/queue tree set [find name=\"WAN-Upload-ATT\"] max-limit=17M");
        ssh.exec(":put [/ip firewall mangle get [find comment=\"ADAPTIVE: Steer latency-sensitive to ATT\"] disabled]");

        assertThat(router.requests().count(Transport.SSH, RequestKind.READ)).isEqualTo(2);
        assertThat(router.requests().count(Transport.SSH, RequestKind.WRITE)).isEqualTo(1);
    }

    @Test
    void publicKeyAuthenticationAcceptsAnAuthorizedKey() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(256);
        KeyPair key = gen.generateKeyPair();
        String line = PublicKeyEntry.toString(key.getPublic()) + " test@host";
        Fixture fixture = new Fixture(Map.of(), List.of(new Fixture.User("wanctl", "", "full", List.of(line))),
                List.of(), List.of("main"), List.of(), List.of(), List.of(), List.of());

        try (RouterEmulator keyed = RouterEmulator.builder().fixture(fixture).restPort(-1).restTlsPort(-1).start();
                SSHClient client = new SSHClient()) {
            client.addHostKeyVerifier(new PromiscuousVerifier());
            client.connect(RouterEmulator.HOST, keyed.sshPort());
            client.authPublickey("wanctl", new KeyPairWrapper(key));
            try (Session s = client.startSession()) {
                Session.Command c = s.exec(":put [/system identity get name]");
                assertThat(new String(c.getInputStream().readAllBytes())).isEqualTo("MikroTik\r\n");
            }
        }
    }
}
