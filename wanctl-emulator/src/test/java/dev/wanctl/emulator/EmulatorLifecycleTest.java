package dev.wanctl.emulator;

import dev.wanctl.emulator.cli.SshExec;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.emulator.rest.RawHttp;
import dev.wanctl.emulator.rest.Rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.emulator.testing.Await;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping, rebooting; loopback only; nothing left running after close. */
class EmulatorLifecycleTest {

    @TempDir
    Path tmp;

    @Test
    void listensOnEphemeralPortsOf127001Only() throws Exception {
        try (RouterEmulator router = RouterEmulator.builder().start()) {
            assertThat(router.restPort()).isPositive();
            assertThat(router.restTlsPort()).isPositive().isNotEqualTo(router.restPort());
            assertThat(router.sshPort()).isPositive();
            assertThat(router.knownHostsLine()).matches("\\[127\\.0\\.0\\.1]:" + router.sshPort() + " ssh-ed25519 AAAA\\S+");
            for (int port : new int[] {router.restPort(), router.restTlsPort(), router.sshPort()}) {
                try (Socket s = new Socket()) {
                    assertThatThrownBy(() -> s.connect(new InetSocketAddress("127.0.0.2", port), 2000))
                            .isInstanceOf(ConnectException.class);
                }
            }
        }
    }

    @Test
    void refusesToListenAnywhereButLoopback() {
        assertThatThrownBy(() -> RouterEmulator.builder().host("0.0.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.1 only");
        assertThat(RouterEmulator.builder().host("localhost")).isNotNull();
    }

    @Test
    void closeLeavesNoEmulatorOrServerThreadsBehind() throws Exception {
        RouterEmulator router = RouterEmulator.builder().start();
        router.faults().on(Transport.REST, Transport.SSH).timeoutsUntilCleared();
        try (SshExec ssh = new SshExec(router, tmp); RawHttp raw = new RawHttp(router)) {
            raw.send("GET", "/rest/queue/tree");
            ssh.client().startSession().exec("/queue tree print");
            Await.until("both requests arrived",
                    () -> router.requests().total(Transport.REST) == 1 && router.requests().total(Transport.SSH) == 1);

            router.close();

            assertThat(raw.readResponse()).isNull();
        }
        Await.until("no emulator thread is left", () -> Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .noneMatch(t -> t.getName().startsWith("emulator-")
                        || t.getName().startsWith("sshd-")));
    }

    @Test
    void rebootTakesBothTransportsDownForItsDowntimeOnTheEmulatorClock() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (RouterEmulator router = RouterEmulator.builder().clock(clock).restTlsPort(-1).start()) {
            Rest rest = new Rest(router);
            router.state().addTraffic("WAN-Download-ATT", 10_000, 10, 0);
            clock.advance(Duration.ofDays(3));
            int restPort = router.restPort();
            int sshPort = router.sshPort();

            router.faults().reboot(Duration.ofSeconds(60));

            assertThatThrownBy(() -> rest.get("/system/identity")).isInstanceOf(ConnectException.class);
            assertThatThrownBy(() -> new SshExec(router, tmp)).isInstanceOf(ConnectException.class);
            assertThat(router.faults().rebooting()).isTrue();
            clock.advance(Duration.ofSeconds(61));
            Await.until("the router is back", () -> !router.faults().rebooting() && reachable(rest));

            assertThat(router.restPort()).isEqualTo(restPort);
            assertThat(router.sshPort()).isEqualTo(sshPort);
            assertThat(Rest.json(rest.get("/system/resource")).get("uptime").asString()).isEqualTo("1s");
            assertThat(Rest.json(rest.get("/queue/tree/WAN-Download-ATT")).get("bytes").asString()).isEqualTo("0");
            try (SshExec ssh = new SshExec(router, tmp)) {
                assertThat(ssh.exec(":put [/system resource get uptime]")).isEqualTo("1s\r\n");
            }
        }
    }

    @Test
    void hostKeyFileKeepsTheSameKeyAcrossEmulators() throws Exception {
        Path key = tmp.resolve("host_key");
        String first;
        try (RouterEmulator router = RouterEmulator.builder().hostKeyFile(key).restPort(-1).restTlsPort(-1).start()) {
            first = router.knownHostsLine().split(" ", 2)[1];
        }
        try (RouterEmulator router = RouterEmulator.builder().hostKeyFile(key).restPort(-1).restTlsPort(-1).start()) {
            assertThat(router.knownHostsLine()).endsWith(first);
        }
        assertThat(Files.exists(key)).isTrue();
    }

    private static boolean reachable(Rest rest) {
        try {
            return rest.get("/system/identity").statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
