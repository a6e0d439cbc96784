package dev.wanctl.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One client that connects and then sends nothing more (or half a request, then stalls) must
 * not keep a monitoring probe from its answer: with twelve such clients open, /health and /metrics
 * still answer another client within 2 s.
 */
class SlowClientTest {

    private static final Duration BOUND = Duration.ofSeconds(2);

    /** Twelve stalled clients (more than a pool of 10): half idle after connecting, half stopped inside their request headers. */
    private static List<Socket> stall(int port) throws Exception {
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            if (i % 2 == 1) {
                OutputStream out = s.getOutputStream();
                out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            stalled.add(s);
        }
        return stalled;
    }

    private static HttpResponse<String> getWithin(int port, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(BOUND).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(BOUND).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersWithinTwoSecondsWhileOtherClientsStall() throws Exception {
        try (HealthServer s = HealthServer.start("127.0.0.1", 0, false,
                () -> new HealthServer.Response(true, java.util.Map.of("status", "healthy")))) {
            List<Socket> stalled = stall(s.port());
            try {
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> r = getWithin(s.port(), "/health");
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.body()).contains("healthy");
                }
            } finally {
                for (Socket x : stalled) {
                    x.close();
                }
            }
        }
    }

    @Test
    void metricsAnswerWithinTwoSecondsWhileOtherClientsStall() throws Exception {
        try (MetricsServer s = MetricsServer.start("127.0.0.1", 0, false, new PrometheusRegistry())) {
            List<Socket> stalled = stall(s.port());
            try {
                for (int i = 0; i < 3; i++) {
                    assertThat(getWithin(s.port(), "/metrics").statusCode()).isEqualTo(200);
                }
            } finally {
                for (Socket x : stalled) {
                    x.close();
                }
            }
        }
    }
}
