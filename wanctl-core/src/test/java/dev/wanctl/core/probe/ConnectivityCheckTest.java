package dev.wanctl.core.probe;

import dev.wanctl.core.control.FallbackPolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.runtime.Clock;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loopback only: the gateway is 127.0.0.1, the TCP targets are our own listeners. */
class ConnectivityCheckTest {

    private static ConnectivityVerdict checked(ConnectivityCheck c) {
        c.request();
        Await.until(Duration.ofSeconds(10), "a finished check", () -> c.latest().connectivity() != FallbackPolicy.Connectivity.UNKNOWN);
        return c.latest();
    }

    @Test
    void nothingIsKnownBeforeTheFirstRequest() {
        try (ConnectivityCheck c = ConnectivityCheck.start(ConnectivityOptions.of(null, List.of()), Clock.system())) {
            assertThat(c.latest().connectivity()).isEqualTo(FallbackPolicy.Connectivity.UNKNOWN);
            assertThat(c.latest().checkedAtNanos()).isZero();
        }
    }

    @Test
    void aGatewayThatAnswersMeansConnectivity() {
        try (ConnectivityCheck c = ConnectivityCheck.start(ConnectivityOptions.of("127.0.0.1", List.of()), Clock.system())) {
            ConnectivityVerdict v = checked(c);
            assertThat(v.connectivity()).isEqualTo(FallbackPolicy.Connectivity.PRESENT);
            assertThat(v.detail()).isEqualTo("gateway 127.0.0.1 answered a ping");
            assertThat(v.checkedAtNanos()).isPositive();
        }
    }

    @Test
    void aTcpTargetThatAcceptsMeansConnectivity() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ConnectivityCheck c = ConnectivityCheck.start(ConnectivityOptions.of(null,
                        List.of(new HostPort("127.0.0.1", listener.getLocalPort()))), Clock.system())) {
            assertThat(checked(c).connectivity()).isEqualTo(FallbackPolicy.Connectivity.PRESENT);
        }
    }

    @Test
    void refusedTargetsAndNoGatewayMeanNoConnectivity() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (ConnectivityCheck c = ConnectivityCheck.start(ConnectivityOptions.of("",
                List.of(new HostPort("127.0.0.1", closed))), Clock.system())) {
            ConnectivityVerdict v = checked(c);
            assertThat(v.connectivity()).isEqualTo(FallbackPolicy.Connectivity.ABSENT);
            assertThat(v.detail()).isEqualTo("TCP 127.0.0.1:" + closed + " failed");
        }
    }

    @Test
    void withNoCheckConfiguredLossIsTotal() {
        try (ConnectivityCheck c = ConnectivityCheck.start(ConnectivityOptions.of(null, List.of()), Clock.system())) {
            assertThat(checked(c)).extracting(ConnectivityVerdict::connectivity, ConnectivityVerdict::detail)
                    .containsExactly(FallbackPolicy.Connectivity.ABSENT, "no fallback check configured");
        }
    }
}
