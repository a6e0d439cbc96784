package dev.wanctl.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.runtime.Clock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TCP-connect fallback against loopback listeners. */
class TcpProbeTest {

    private static final long MS = 1_000_000L;

    @Test
    void connectTimesToAListenerAndToAClosedPortAreBothAnswers() throws Exception {
        int closedPort;
        try (ServerSocket probeFree = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probeFree.getLocalPort(); // closed again below: connects are refused (RST)
        }
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            Thread acceptor = Thread.ofVirtual().start(() -> acceptAndClose(listener));
            ProbeOptions o = ProbeOptions.of(List.of("127.0.0.1"), 20 * MS).withMethods(ProbeMethod.TCP_CONNECT)
                    .withTcpTargets(List.of(new HostPort("127.0.0.1", listener.getLocalPort()),
                            new HostPort("127.0.0.1", closedPort)));
            try (RttProbe p = RttProbes.open(o, Clock.system())) {
                assertThat(p.method()).isEqualTo(ProbeMethod.TCP_CONNECT);
                assertThat(p.methodDetail()).startsWith("TCP connect time to 127.0.0.1:");
                double[] rtt = new double[2];
                long[] at = new long[2];
                Await.until(Duration.ofSeconds(10), "answers from both targets", () -> {
                    p.readLatest(rtt, at);
                    long now = System.nanoTime();
                    return !Double.isNaN(rtt[0]) && now - at[0] <= 200 * MS && !Double.isNaN(rtt[1]) && now - at[1] <= 200 * MS;
                });
                assertThat(java.util.Arrays.stream(rtt).boxed().toList()).allSatisfy(r -> assertThat(r).isGreaterThanOrEqualTo(0).isLessThan(1000));
                assertThat(p.reflectorStatus()).extracting(ReflectorStatus::host)
                        .containsExactly("127.0.0.1:" + listener.getLocalPort(), "127.0.0.1:" + closedPort);
            }
            listener.close();
            acceptor.join(5_000);
        }
    }

    private static void acceptAndClose(ServerSocket listener) {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                s.setSoLinger(true, 0);
            } catch (IOException e) {
                return;
            }
        }
    }
}
