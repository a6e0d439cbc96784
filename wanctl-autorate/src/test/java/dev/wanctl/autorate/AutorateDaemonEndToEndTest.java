package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.ControlLaw;
import dev.wanctl.core.control.ControlLaws;
import dev.wanctl.core.control.LawInput;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.emulator.model.WriteRecord;
import dev.wanctl.emulator.testing.ScriptedProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The autorate daemon end to end on a virtual clock: real config, real REST transport over HTTPS
 * (certificate pinned) to the RouterOS emulator, scripted RTT; writes go out on the loop thread so
 * the timeline is exact.
 */
class AutorateDaemonEndToEndTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final String DL = "WAN-Download-Spectrum";
    private static final String UL = "WAN-Upload-Spectrum";
    private static final long M = 1_000_000L;

    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock();
    private RouterEmulator router;
    private final List<String> notifications = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startRouter() {
        router = RouterEmulator.builder().clock(clock).sshPort(-1).start();
    }

    @AfterEach
    void stopRouter() {
        router.close();
    }

    /** Starts a daemon on the test's virtual clock; {@code onRead} runs at the start of every cycle. */
    private DaemonHarness.Running start(LongToDoubleFunction rttMs, LongConsumer onRead)
            throws Exception {
        Path file = DaemonHarness.config(dir, router, 50, 1500);
        AutorateConfig config = DaemonHarness.load(file);
        AutorateDaemon[] self = new AutorateDaemon[1];
        AutorateDaemon.Services services = new AutorateDaemon.Services(clock,
                SystemdNotifier.recording(Duration.ofSeconds(2), notifications::add), Sleeper.advancing(clock), false,
                c -> new ScriptedProbe(clock, 3, rttMs, onRead), RouterClients::create, true);
        self[0] = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
        return new DaemonHarness.Running(self[0], config);
    }

    private static LongConsumer stopAt(long atNanos, AutorateDaemon[] daemon) {
        return now -> {
            if (now >= atNanos) {
                daemon[0].stop();
            }
        };
    }

    /** Idle 24 ms, bufferbloat (+100 ms) from 10 s to 20 s, idle again after. */
    private static double bloatFrom10To20(long now) {
        return now >= 10 * S && now < 20 * S ? 124 : 24;
    }

    @Test
    void risingDelayDrivesMaxLimitDownAsThePolicyAllowsAndRecoveryStepsItBackUp() throws Exception {
        AutorateDaemon[] d = new AutorateDaemon[1];
        DaemonHarness.Running run = start(AutorateDaemonEndToEndTest::bloatFrom10To20, stopAt(45 * S, d));
        d[0] = run.daemon;
        assertThat(run.await(Duration.ofSeconds(60))).isEqualTo(ExitStatus.OK);

        List<WriteRecord> dl = router.state().maxLimitWrites(DL);
        assertThat(dl).as("nothing changes while idle").allMatch(w -> w.atNanos() >= 10 * S);
        // every write carries exactly what the controller decided in that cycle
        ControlLaw expected = ControlLaws.create(DaemonHarness.load(dir.resolve("spectrum.yaml")).control());
        LawInput in = new LawInput(50 * MS);
        long[] expectedDl = new long[901];
        for (int k = 0; k <= 900; k++) {
            expectedDl[k] = expected.step(in.rtt(bloatFrom10To20(k * 50 * MS), 0)).downloadRateBps();
        }
        for (WriteRecord w : dl) {
            int cycle = (int) (w.atNanos() / (50 * MS));
            assertThat(w.newBps()).as("write at cycle %d", cycle).isEqualTo(expectedDl[cycle]);
        }
        // the first five changes go out at once: upload is RED one cycle before download (its RED
        // threshold is warn, 45 ms), so two upload cuts, then three download cuts: 940 * 0.85^3
        assertThat(valueAt(dl, 10_500 * MS, 940 * M)).isEqualTo(577_277_500L);
        // then the rate limiter holds the rest back: at most 5 writes in any 10 s
        for (WriteRecord w : dl) {
            long from = w.atNanos();
            assertThat(dl.stream().filter(x -> x.atNanos() >= from && x.atNanos() < from + 10 * S).count())
                    .isLessThanOrEqualTo(5);
        }
        assertThat(dl).as("held back until the first write leaves the 10 s window")
                .noneMatch(w -> w.atNanos() > 10_300 * MS && w.atNanos() < 20_050 * MS);
        assertThat(router.state().maxLimitBps(DL)).as("recovered to the ceiling").isEqualTo(940 * M);
        assertThat(router.state().maxLimitBps(UL)).isEqualTo(38 * M);
        assertThat(notifications).first().asString().startsWith("READY=1");
        assertThat(notifications).last().isEqualTo("STOPPING=1");
    }

    private static long valueAt(List<WriteRecord> writes, long atNanos, long initial) {
        long v = initial;
        for (WriteRecord w : writes) {
            if (w.atNanos() <= atNanos) {
                v = w.newBps();
            }
        }
        return v;
    }

    @Test
    void aThirtySecondRouterOutageKeepsTheLoopRunningAndThePendingPairLandsWithinTheBackoffCap() throws Exception {
        AutorateDaemon[] d = new AutorateDaemon[1];
        List<Boolean> healthyDuringOutage = new CopyOnWriteArrayList<>();
        long[] cyclesAt = new long[2];
        LongConsumer script = now -> {
            if (now >= 6 * S && now < 6 * S + 50 * MS) {
                router.faults().on(Transport.REST).down();
                cyclesAt[0] = d[0].currentCycle().cycles();
            }
            if (now >= 35 * S && now < 35 * S + 50 * MS) {
                healthyDuringOutage.add(d[0].health().healthy());
                cyclesAt[1] = d[0].currentCycle().cycles();
            }
            if (now >= 36 * S && now < 36 * S + 50 * MS) {
                router.faults().on(Transport.REST).up();
            }
            if (now >= 40 * S) {
                d[0].stop();
            }
        };
        // bloat from 5 s to 15 s: rates fall before the outage, recover during it
        DaemonHarness.Running run = start(now -> now >= 5 * S && now < 15 * S ? 124 : 24, script);
        d[0] = run.daemon;
        assertThat(run.await(Duration.ofSeconds(60))).isEqualTo(ExitStatus.OK);

        assertThat(cyclesAt[1] - cyclesAt[0]).as("cycles kept running through the outage").isEqualTo(580);
        assertThat(run.daemon.overruns()).isZero();
        assertThat(healthyDuringOutage).containsExactly(false);
        long watchdogs = notifications.stream().filter("WATCHDOG=1"::equals).count();
        assertThat(watchdogs).as("watchdog fed every second of 40 s").isGreaterThanOrEqualTo(39);
        List<WriteRecord> dl = router.state().maxLimitWrites(DL);
        WriteRecord afterReturn = dl.stream().filter(w -> w.atNanos() >= 36 * S).findFirst().orElseThrow();
        // retries back off to at most one a second (RetryBackoff), so the pair lands within a second
        assertThat(afterReturn.atNanos()).as("within the backoff cap of the router's return")
                .isLessThanOrEqualTo(36 * S + 1_050 * MS);
        assertThat(afterReturn.newBps()).as("the newest pair").isEqualTo(940 * M);
        assertThat(router.state().maxLimitBps(UL)).isEqualTo(38 * M);
    }

    @Test
    void stoppingSavesStateAndARestartResumesFromIt() throws Exception {
        AutorateDaemon[] d = new AutorateDaemon[1];
        DaemonHarness.Running first = start(now -> 124, stopAt(10 * S, d));
        d[0] = first.daemon;
        assertThat(first.await(Duration.ofSeconds(60))).isEqualTo(ExitStatus.OK);
        JsonNode saved = JsonMapper.builder().build().readTree(dir.resolve("spectrum_state.json").toFile());
        assertThat(saved.path("download").path("current_rate").asLong()).isEqualTo(200 * M);
        assertThat(saved.path("congestion").path("dl_state").asString()).isEqualTo("RED");

        long restartAt = clock.nanoTime();
        AutorateDaemon[] d2 = new AutorateDaemon[1];
        long[] resumed = new long[2];
        DaemonHarness.Running second = start(now -> 124, now -> {
            if (resumed[0] == 0) {
                resumed[0] = d2[0].currentCycle().decision().downloadRateBps();
                resumed[1] = Math.round(d2[0].currentCycle().decision().loadMs());
            }
            if (now >= restartAt + S) {
                d2[0].stop();
            }
        });
        d2[0] = second.daemon;
        assertThat(second.await(Duration.ofSeconds(60))).isEqualTo(ExitStatus.OK);
        assertThat(resumed[0]).as("rate before the first cycle of the restart").isEqualTo(200 * M);
        assertThat(resumed[1]).as("load EWMA before the first cycle").isEqualTo(Math.round(saved.path("ewma").path("load_rtt").asDouble()));
    }

    @Test
    void aCorruptStateFileIsMovedAsideAndTheDaemonStartsFromTheConfig() throws Exception {
        Files.writeString(dir.resolve("spectrum_state.json"), "{\"download\": {\"current_rate\": ");
        AutorateDaemon[] d = new AutorateDaemon[1];
        long[] startRate = new long[1];
        DaemonHarness.Running run = start(now -> 24, now -> {
            if (startRate[0] == 0) {
                startRate[0] = d[0].currentCycle().decision().downloadRateBps();
            }
            if (now >= 2 * S) {
                d[0].stop();
            }
        });
        d[0] = run.daemon;
        assertThat(run.await(Duration.ofSeconds(60))).isEqualTo(ExitStatus.OK);
        assertThat(startRate[0]).isEqualTo(940 * M);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("spectrum_state.json.corrupt-"));
        }
        JsonNode saved = JsonMapper.builder().build().readTree(dir.resolve("spectrum_state.json").toFile());
        assertThat(saved.path("download").path("current_rate").asLong()).isEqualTo(940 * M);
    }

    @Test
    void wrongCredentialsAtStartExit77NamingTheUser() throws Exception {
        router.state().setPassword(router.user(), "changed");
        DaemonHarness.Running run = start(now -> 24, now -> { });
        assertThat(run.await(Duration.ofSeconds(30))).isEqualTo(ExitStatus.AUTH);
        assertThat(run.failure()).hasMessageContaining("rejected user \"wanctl\"");
    }

    @Test
    void aMissingQueueAtStartExits1NamingIt() throws Exception {
        router.faults().deleteQueue(UL);
        DaemonHarness.Running run = start(now -> 24, now -> { });
        assertThat(run.await(Duration.ofSeconds(30))).isEqualTo(ExitStatus.FAILURE);
        assertThat(run.failure()).hasMessageContaining("queue \"WAN-Upload-Spectrum\" (queues.upload) not found");
    }

    @Test
    void aSecondInstanceForTheSameWanExits75() throws Exception {
        AutorateDaemon[] d = new AutorateDaemon[1];
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        DaemonHarness.Running first = start(now -> 24, now -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            d[0].stop();
        });
        d[0] = first.daemon;
        running.await();
        DaemonHarness.Running second = start(now -> 24, now -> { });
        assertThat(second.await(Duration.ofSeconds(30))).isEqualTo(ExitStatus.LOCKED);
        assertThat(second.failure().getMessage()).contains(String.valueOf(ProcessHandle.current().pid()));
        release.countDown();
        assertThat(first.await(Duration.ofSeconds(30))).isEqualTo(ExitStatus.OK);
    }

}
