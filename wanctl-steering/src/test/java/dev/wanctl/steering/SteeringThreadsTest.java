package dev.wanctl.steering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.emulator.testing.Await;
import dev.wanctl.emulator.testing.ScriptedProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as production runs it, in real time on loopback: CAKE stats and toggles on their own
 * threads against a router that takes 150 ms per request, /health and /metrics over HTTP, READY
 * and WATCHDOG to systemd, a clean stop.
 */
class SteeringThreadsTest {

    private static final String QUICK = """
            thresholds:
              yellow_rtt_ms: 15
              red_rtt_ms: 15
              min_drops_red: 1
              min_queue_red: 50
              red_sustain_sec: 0.3
              green_sustain_sec: 0.3
              rtt_ewma_time_constant_sec: 0.1
            """;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void slowRouterNeverStallsTheCycleAndTheRuleFollowsCongestionInRealTime() throws Exception {
        try (SteeringHarness h = new SteeringHarness(dir, SteeringHarness.Via.REST)) {
            int healthPort = freePort();
            int metricsPort = freePort();
            h.thresholds(QUICK).endpoints(healthPort, metricsPort);
            SteeringConfig config = h.load();
            h.writeAutorateState(SteeringHarness.BASELINE_MS, "GREEN");
            Files.setLastModifiedTime(h.autorateState, FileTime.fromMillis(System.currentTimeMillis()));
            h.router.faults().on(Transport.REST).latency(Duration.ofMillis(150));

            AtomicBoolean congested = new AtomicBoolean();
            Clock clock = Clock.system();
            ScriptedProbe probe = new ScriptedProbe(clock, 3,
                    t -> congested.get() ? SteeringHarness.BASELINE_MS + 40 : SteeringHarness.BASELINE_MS + 0.5,
                    t -> {
                        boolean c = congested.get();
                        h.router.state().addTraffic(SteeringHarness.QUEUE, 600_000, 400, c ? 5 : 0);
                        h.router.state().setBacklog(SteeringHarness.QUEUE, c ? 180_000 : 0, c ? 120 : 0);
                    });
            List<String> systemd = new CopyOnWriteArrayList<>();
            SteeringDaemon daemon = new SteeringDaemon(config.source(), new SteeringDaemon.Options(false, false),
                    new SteeringDaemon.Services(clock, SystemdNotifier.recording(Duration.ofMillis(200), systemd::add),
                            Sleeper.parking(clock), false, c -> probe, RouterClients::create, false));
            AtomicInteger status = new AtomicInteger(-1);
            Thread t = Thread.ofPlatform().name("steering-under-test").start(() -> {
                try {
                    status.set(daemon.run(config));
                } catch (DaemonExit e) {
                    status.set(e.status());
                }
            });

            Await.until("/health says healthy", () -> status(healthPort) == 200);
            assertThat(get(healthPort, "/health").body()).contains("\"state\":\"SPECTRUM_GOOD\"",
                    "\"transport\":\"rest\"", "\"probe_detail\":\"scripted\"", "\"cycle_profile\"");
            long cyclesBefore = cycles(daemon);
            long startedAt = System.nanoTime();

            congested.set(true);
            Await.until("the rule is enabled", h::ruleEnabled);
            Await.until("the state follows", () -> get(healthPort, "/health").body()
                    .contains("\"state\":\"SPECTRUM_DEGRADED\""));

            // every stats read and toggle took 150 ms or more; the 50 ms cycle kept its pace meanwhile
            double expected = (System.nanoTime() - startedAt) / 50e6;
            assertThat(cycles(daemon) - cyclesBefore).isGreaterThan((long) (expected * 0.6));
            String metrics = get(metricsPort, "/metrics").body();
            assertThat(metrics).containsPattern("wanctl_steering_enabled\\{wan=\"spectrum\"} 1(\\.0)?\\n");
            assertThat(metrics).containsPattern("wanctl_steering_transitions_total\\{[^}]*to=\"spectrum_degraded\"[^}]*} 1");

            congested.set(false);
            Await.until("the rule is disabled again", () -> !h.ruleEnabled());
            daemon.stop();
            t.join(Duration.ofSeconds(5));
            assertThat(t.isAlive()).isFalse();
            assertThat(status.get()).isZero();
            assertThat(systemd).contains("STOPPING=1");
            assertThat(systemd).anyMatch(m -> m.startsWith("READY=1"));
            assertThat(systemd).anyMatch(m -> m.startsWith("WATCHDOG=1"));
            assertThat(h.stateFileText()).contains("\"current_state\" : \"SPECTRUM_GOOD\"");
        }
    }

    private static long cycles(SteeringDaemon daemon) {
        return ((Number) ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) daemon.health().body()).get("loop"))
                .get("cycles")).longValue();
    }

    /** The /health status code, 0 while nothing listens yet. */
    private int status(int port) {
        try {
            return get(port, "/health").statusCode();
        } catch (AssertionError e) {
            return 0;
        }
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
