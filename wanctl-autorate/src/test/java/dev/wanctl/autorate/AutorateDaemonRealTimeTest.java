package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.emulator.model.WriteRecord;
import dev.wanctl.emulator.testing.ScriptedProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In real time with the writer on its own thread: a router that hangs every call for 4 s does
 * not slow the control loop, health turns degraded, and the newest rates land as soon as the
 * router answers again (within the backoff's 1 s cap). Loopback only; about 5 s.
 */
class AutorateDaemonRealTimeTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void aHangingRouterNeverBlocksTheLoopAndTheNewestRatesLandWhenItAnswers() throws Exception {
        Clock clock = Clock.system();
        List<String> notifications = new CopyOnWriteArrayList<>();
        try (RouterEmulator router = RouterEmulator.builder().sshPort(-1).start()) {
            Path file = DaemonHarness.config(dir, router, 50, 300);
            AutorateConfig config = DaemonHarness.load(file);
            // the timeline starts at the first cycle (start-up takes a variable while)
            long[] t0 = {0};
            AutorateDaemon[] d = new AutorateDaemon[1];
            long[] mark = new long[4]; // hang, health checked, cleared, cycles at hang
            boolean[] healthyWhileHanging = {true};
            ScriptedProbe probe = new ScriptedProbe(clock, 3, now -> t0[0] != 0 && now - t0[0] > 300 * MS ? 124 : 24,
                    now -> {
                if (t0[0] == 0) {
                    AutorateCycle c = d[0] == null ? null : d[0].currentCycle();
                    if (c == null || c.cycles() == 0) {
                        return; // start-up, or the first cycle
                    }
                    t0[0] = now;
                }
                long t = now - t0[0];
                if (t > 500 * MS && mark[0] == 0) {
                    router.faults().on(Transport.REST).timeoutsUntilCleared();
                    mark[0] = now;
                    mark[3] = d[0].currentCycle().cycles();
                }
                if (t > 4_300 * MS && mark[1] == 0) {
                    healthyWhileHanging[0] = d[0].health().healthy();
                    mark[1] = now;
                }
                if (t > 4_500 * MS && mark[2] == 0) {
                    router.faults().on(Transport.REST).clear();
                    mark[2] = clock.nanoTime();
                }
                if (t > 5_000 * MS) {
                    d[0].stop();
                }
            });
            AutorateDaemon.Services services = new AutorateDaemon.Services(clock,
                    SystemdNotifier.recording(Duration.ofMillis(200), notifications::add), Sleeper.parking(clock),
                    false, c -> probe, RouterClients::create, false);
            d[0] = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
            DaemonHarness.Running run = new DaemonHarness.Running(d[0], config);
            assertThat(run.await(Duration.ofSeconds(30))).isEqualTo(ExitStatus.OK);

            long cyclesWhileHanging = d[0].currentCycle().cycles() - mark[3];
            // 4.5 s of hanging and stopping at 5 s: about 90 cycles of 50 ms; a blocked loop would run a handful
            assertThat(cyclesWhileHanging).as("cycles from the hang to the stop").isGreaterThan(70);
            assertThat(healthyWhileHanging[0]).as("health after 3 s of failed writes").isFalse();
            assertThat(notifications.stream().filter("WATCHDOG=1"::equals).count()).isGreaterThanOrEqualTo(15);
            List<WriteRecord> after = router.state().maxLimitWrites("WAN-Download-Spectrum").stream()
                    .filter(w -> w.atNanos() >= mark[2]).toList();
            assertThat(after).as("a write after the router answers again").isNotEmpty();
            // retries back off to at most one a second (RetryBackoff), plus the attempt in flight
            assertThat(after.getFirst().atNanos() - mark[2]).as("ns from the router's return to the write")
                    .isLessThan(1_500 * MS);
            assertThat(router.state().maxLimitBps("WAN-Download-Spectrum"))
                    .isEqualTo(d[0].currentCycle().decision().downloadRateBps());
        }
    }
}
