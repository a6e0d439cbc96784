package dev.wanctl.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthServerTest {

    record Wan(String name, double baseline_rtt_ms) {
    }

    record Report(String status, int consecutive_failures, java.util.List<Wan> wans) {
    }

    @Test
    void healthAndRootAnswerTheSuppliedJsonWith200WhenHealthy() throws Exception {
        var report = new Report("healthy", 0, java.util.List.of(new Wan("spectrum", 24.5)));
        try (HealthServer s = HealthServer.start("127.0.0.1", 0, false,
                () -> new HealthServer.Response(true, report))) {
            for (String path : new String[] {"/health", "/"}) {
                var r = LocalHttp.get(s.port(), path);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
                assertThat(r.body()).isEqualTo("{\"status\":\"healthy\",\"consecutive_failures\":0,"
                        + "\"wans\":[{\"name\":\"spectrum\",\"baseline_rtt_ms\":24.5}]}");
            }
        }
    }

    @Test
    void degradedIs503AndFollowsTheLatestSnapshot() throws Exception {
        AtomicReference<HealthServer.Response> latest =
                new AtomicReference<>(new HealthServer.Response(true, Map.of("status", "healthy")));
        try (HealthServer s = HealthServer.start(null, 0, false, latest::get)) {
            assertThat(LocalHttp.get(s.port(), "/health").statusCode()).isEqualTo(200);
            latest.set(new HealthServer.Response(false, Map.of("status", "degraded")));
            var r = LocalHttp.get(s.port(), "/health");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("{\"status\":\"degraded\"}");
        }
    }

    @Test
    void otherPathsAre404NotFound() throws Exception {
        try (HealthServer s = HealthServer.start("localhost", 0, false,
                () -> new HealthServer.Response(true, Map.of()))) {
            var r = LocalHttp.get(s.port(), "/metrics");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).isEqualTo("{\"error\":\"Not found\"}");
        }
    }

    @Test
    void writesAreNotAllowed() throws Exception {
        try (HealthServer s = HealthServer.start("127.0.0.1", 0, false,
                () -> new HealthServer.Response(true, Map.of()))) {
            var r = LocalHttp.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/health"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")));
            assertThat(r.statusCode()).isEqualTo(405);
        }
    }

    @Test
    void aFailingSupplierIsA500NotADeadServer() throws Exception {
        try (HealthServer s = HealthServer.start("127.0.0.1", 0, false, () -> {
            throw new IllegalStateException("snapshot missing");
        })) {
            assertThat(LocalHttp.get(s.port(), "/health").statusCode()).isEqualTo(500);
            assertThat(LocalHttp.get(s.port(), "/nope").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aNonLoopbackAddressIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> HealthServer.start("0.0.0.0", 0, false, () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("health_check.host 0.0.0.0").hasMessageContaining("not a loopback");
    }
}
