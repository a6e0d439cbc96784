package dev.wanctl.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wanctl.core.config.EndpointConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A port someone else holds stops the daemon with exit 78 (which systemd does not restart) and the key to change. */
class PortTakenTest {

    @Test
    void aTakenHealthPortExits78NamingHealthCheckPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EndpointConfig e = new EndpointConfig(true, "127.0.0.1", taken.getLocalPort());
            DaemonExit exit = catchThrowableOfType(DaemonExit.class,
                    () -> DaemonSupport.health(e, () -> new HealthServer.Response(true, java.util.Map.of())));
            assertThat(exit.status()).isEqualTo(ExitStatus.CONFIG);
            assertThat(exit.getMessage()).startsWith("health_check.port: 127.0.0.1:" + taken.getLocalPort()
                    + " is already in use").contains("set health_check.port to a free port");
        }
    }

    @Test
    void aTakenMetricsPortExits78NamingMetricsPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EndpointConfig e = new EndpointConfig(true, "127.0.0.1", taken.getLocalPort());
            DaemonExit exit = catchThrowableOfType(DaemonExit.class,
                    () -> DaemonSupport.metrics(e, new PrometheusRegistry()));
            assertThat(exit.status()).isEqualTo(ExitStatus.CONFIG);
            assertThat(exit.getMessage()).startsWith("metrics.port: ").contains("set metrics.port to a free port");
        }
    }
}
