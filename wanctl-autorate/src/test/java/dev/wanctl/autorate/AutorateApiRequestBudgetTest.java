package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.RequestCounts;
import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.emulator.testing.EmulatorRouterYaml;
import dev.wanctl.emulator.testing.ScriptedProbe;
import dev.wanctl.routeros.backends.RouterClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adaptive law on the RouterOS API under load, in real time: both queues carry traffic up to a
 * bottleneck below the ceiling (the delay rises whenever max-limit exceeds it), the law reads what
 * each direction delivers on its loaded cadence, and the counters come from the router's stream,
 * so the router sees at most one request a second (the writes the rate limiter lets through).
 * Loopback only; about 8 s.
 */
class AutorateApiRequestBudgetTest {

    private static final long MS = 1_000_000L;
    private static final String DL = "WAN-Download-Spectrum";
    private static final String UL = "WAN-Upload-Spectrum";
    private static final long DL_CAPACITY_BPS = 700_000_000L;
    private static final long UL_CAPACITY_BPS = 30_000_000L;

    @TempDir
    Path dir;

    @Test
    void loadedAutorateOnTheApiMakesAtMostOneRouterRequestASecond() throws Exception {
        Clock clock = Clock.system();
        try (RouterEmulator router = RouterEmulator.builder().restPort(-1).restTlsPort(-1).sshPort(-1)
                .apiPort(-1).start()) {
            Path file = DaemonHarness.config(dir, EmulatorRouterYaml.api(router, router.password(), 1000),
                    "  law: adaptive\n", 50);
            AutorateConfig config = DaemonHarness.load(file);
            AutorateDaemon[] d = new AutorateDaemon[1];
            long[] t0 = {0};
            RequestCounts[] window = new RequestCounts[2]; // from 1 s (the stream runs) to 7 s
            long[] readsAt = new long[2];
            ScriptedProbe probe = new ScriptedProbe(clock, 3, now -> 24 + (overCapacity(router) ? 40 : 1), now -> {
                AutorateCycle c = d[0] == null ? null : d[0].currentCycle();
                if (c == null || c.cycles() == 0) {
                    return;
                }
                if (t0[0] == 0) {
                    t0[0] = now;
                }
                long t = now - t0[0];
                if (t > 1_000 * MS && window[0] == null) {
                    window[0] = router.requests().snapshot();
                    readsAt[0] = c.delivered().reads();
                }
                if (t > 7_000 * MS && window[1] == null) {
                    window[1] = router.requests().snapshot();
                    readsAt[1] = c.delivered().reads();
                    d[0].stop();
                }
            });
            AutorateDaemon.Services services = new AutorateDaemon.Services(clock,
                    SystemdNotifier.recording(Duration.ofSeconds(2), s -> { }), Sleeper.parking(clock), false,
                    c -> probe, RouterClients::create, false);
            d[0] = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
            Thread traffic = Thread.ofPlatform().name("bottleneck").daemon().start(() -> feedUntilStopped(router));
            try {
                DaemonHarness.Running run = new DaemonHarness.Running(d[0], config);
                assertThat(run.await(Duration.ofSeconds(40))).isEqualTo(ExitStatus.OK);
            } finally {
                traffic.interrupt();
                traffic.join(1000);
            }

            double perSecond = window[1].perSecondSince(window[0], Transport.API);
            double writesPerSecond = window[1].perSecondSince(window[0], Transport.API, RequestKind.WRITE);
            long counterReads = readsAt[1] - readsAt[0];
            System.out.printf(Locale.ROOT, "API while loaded: %.2f requests/s (%.2f writes/s), %d counter reads in"
                    + " the window%n", perSecond, writesPerSecond, counterReads);
            assertThat(counterReads).as("the law read the delivered rates on its loaded cadence (0.5 s)")
                    .isGreaterThanOrEqualTo(8);
            assertThat(router.state().maxLimitWrites(DL)).as("the law was shaping: it cut the download")
                    .anyMatch(w -> w.via() == Transport.API && Long.parseLong(w.newValue()) < 940_000_000L);
            assertThat(perSecond).as("router requests per second while loaded").isLessThanOrEqualTo(1.0);
        }
    }

    /** Whether either queue is shaped above its bottleneck, so a standing queue builds there. */
    private static boolean overCapacity(RouterEmulator router) {
        return router.state().maxLimitBps(DL) > DL_CAPACITY_BPS || router.state().maxLimitBps(UL) > UL_CAPACITY_BPS;
    }

    /** Every 10 ms, what each queue delivered since: its max-limit, at most its bottleneck. */
    private static void feedUntilStopped(RouterEmulator router) {
        long last = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            java.util.concurrent.locks.LockSupport.parkNanos(10 * MS);
            long now = System.nanoTime();
            feed(router, (now - last) / 1e9);
            last = now;
        }
    }

    private static void feed(RouterEmulator router, double sec) {
        long dl = (long) (Math.min(router.state().maxLimitBps(DL), DL_CAPACITY_BPS) * sec / 8);
        long ul = (long) (Math.min(router.state().maxLimitBps(UL), UL_CAPACITY_BPS) * sec / 8);
        router.state().addTraffic(DL, dl, dl / 1500 + 1, 0);
        router.state().addTraffic(UL, ul, ul / 1500 + 1, 0);
    }
}
