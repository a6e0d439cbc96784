package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.daemon.HealthServer;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.testing.EmulatorRouterYaml;
import dev.wanctl.emulator.testing.ScriptedProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adaptive law against the emulator on a virtual clock, with the delay up all the time: when the
 * queues' byte counters stay frozen (nothing feeds them) /health says why the line is left unshaped,
 * and it says so no more once the counters move.
 */
class FlatCountersTest {

    private static final String DL = "WAN-Download-Spectrum";
    private static final String UL = "WAN-Upload-Spectrum";
    private static final Duration INTERVAL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    @Test
    void healthSaysTheLineIsUnshapedWhenLoadedByRttWhileTheCountersStayFlat() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (RouterEmulator router = RouterEmulator.builder().clock(clock).restPort(-1).sshPort(-1)
                .apiPort(-1).apiTlsPort(-1).start()) {
            Run run = new Run(router, clock);
            run.cycles(Duration.ofSeconds(20), false);
            assertThat(run.health().healthy()).as("20 s of flat counters is not yet sustained").isTrue();
            run.cycles(Duration.ofSeconds(15), false);
            HealthServer.Response h = run.health();
            assertThat(h.healthy()).isFalse();
            assertThat(reasons(h)).anySatisfy(r -> assertThat(r)
                    .startsWith("counters: loaded by RTT").contains("unshaped", "byte counter"));

            run.cycles(Duration.ofSeconds(5), true);
            assertThat(reasons(run.health())).as("the counters move again").noneMatch(r -> r.startsWith("counters:"));
        }
    }

    @Test
    void healthStaysQuietWhileTheCountersFollowTheLoad() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (RouterEmulator router = RouterEmulator.builder().clock(clock).restPort(-1).sshPort(-1)
                .apiPort(-1).apiTlsPort(-1).start()) {
            Run run = new Run(router, clock);
            run.cycles(Duration.ofSeconds(60), true);
            assertThat(reasons(run.health())).noneMatch(r -> r.startsWith("counters:"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasons(HealthServer.Response h) {
        return (List<String>) ((java.util.Map<String, Object>) h.body()).get("reasons");
    }

    /** A queue that fills and drains: 20 to 60 ms over the 24 ms path, a 2 s sawtooth. */
    private static double bloatedRttMs(long nowNanos) {
        return 24 + 20 + 40 * ((nowNanos % 2_000_000_000L) / 2e9);
    }

    /** An inline cycle on the adaptive law, its RTT bloated throughout. */
    private final class Run {
        private final RouterEmulator router;
        private final VirtualClock clock;
        private final AutorateCycle cycle;
        private long n;

        Run(RouterEmulator router, VirtualClock clock) throws Exception {
            this.router = router;
            this.clock = clock;
            AutorateConfig config = DaemonHarness.load(DaemonHarness.config(dir,
                    EmulatorRouterYaml.rest(router, router.password(), 1000), "  law: adaptive\n",
                    (int) INTERVAL.toMillis()));
            AutoratePipeline p = AutoratePipeline.of(config);
            RateWriter writer = p.writer(router.client(), clock, false);
            cycle = p.cycle(new ScriptedProbe(clock, 3, FlatCountersTest::bloatedRttMs, now -> { }), writer, clock).writerInline(true)
                    .delivered(p.delivered(router.client(), clock)).build();
        }

        void cycles(Duration d, boolean traffic) {
            for (long end = clock.nanoTime() + d.toNanos(); clock.nanoTime() < end; ) {
                clock.advance(INTERVAL);
                if (traffic) {
                    router.state().addTraffic(DL, 2_000_000, 1400, 0);
                    router.state().addTraffic(UL, 100_000, 70, 0);
                }
                cycle.runCycle(n++, clock.nanoTime());
            }
        }

        HealthServer.Response health() {
            return new AutorateHealth(() -> cycle, clock, () -> 0).get();
        }
    }
}
