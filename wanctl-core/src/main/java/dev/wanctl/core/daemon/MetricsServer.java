package dev.wanctl.core.daemon;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics} in the Prometheus text and OpenMetrics formats, on loopback unless the
 * configuration allows more; public because a daemon starts it when {@code metrics.enabled}.
 */
public final class MetricsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private final HTTPServer server;

    private MetricsServer(HTTPServer server) {
        this.server = server;
    }

    /**
     * Starts serving {@code registry} on {@code host:port} (port 0 picks a free one).
     *
     * @throws IllegalArgumentException a non-loopback host without permission, or a bad port
     * @throws IOException the address is in use or cannot be bound
     */
    public static MetricsServer start(String host, int port, boolean allowNonLoopback,
            PrometheusRegistry registry) throws IOException {
        InetSocketAddress addr = ListenAddress.of("metrics", host, port, allowNonLoopback);
        HTTPServer server = HTTPServer.builder().inetAddress(addr.getAddress()).port(addr.getPort())
                .registry(registry).buildAndStart();
        LOG.info("metrics endpoint on http://{}:{}/metrics", addr.getAddress().getHostAddress(), server.getPort());
        return new MetricsServer(server);
    }

    /** The bound port. */
    public int port() {
        return server.getPort();
    }

    /** Stops serving. */
    @Override
    public void close() {
        server.close();
    }
}
