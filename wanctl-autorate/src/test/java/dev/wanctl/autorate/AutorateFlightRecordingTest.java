package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.testing.ScriptedProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's flight recording end to end: an autorate daemon on the virtual clock against the
 * emulator, bufferbloat in the middle, the recording written while it runs (what SIGUSR1 does) and
 * at shutdown (the plot code draws such a recording in wanctl-sim's FlightPlotTest).
 */
class AutorateFlightRecordingTest {

    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock();
    private RouterEmulator router;

    @BeforeEach
    void startRouter() {
        router = RouterEmulator.builder().clock(clock).sshPort(-1).start();
    }

    @AfterEach
    void stopRouter() {
        router.close();
    }

    private Path config(String recorderSection) throws Exception {
        Path file = DaemonHarness.config(dir, router, 50, 1500);
        Files.writeString(file, Files.readString(file) + recorderSection);
        return file;
    }

    @Test
    void aRecordingWrittenWhileRunningHoldsTheWindowAndTheBloat() throws Exception {
        Path file = config("flight_recorder:\n  window: 20\n  write_interval: 0\n");
        AutorateConfig config = DaemonHarness.load(file);
        AtomicReference<Path> written = new AtomicReference<>();
        Path atTwentyFive = dir.resolve("at-25s.csv");
        AutorateDaemon[] d = new AutorateDaemon[1];
        AutorateDaemon.Services services = new AutorateDaemon.Services(clock, SystemdNotifier.recording(Duration.ofSeconds(2), s -> { }),
                Sleeper.advancing(clock), false, c -> new ScriptedProbe(clock, 3,
                        now -> now >= 10 * S && now < 20 * S ? 124 : 24, now -> {
                            if (now >= 25 * S && written.get() == null) {
                                Path f = d[0].writeFlightRecording(); // SIGUSR1's in-process equivalent
                                written.set(f);
                                copy(f, atTwentyFive);
                            }
                            if (now >= 30 * S) {
                                d[0].stop();
                            }
                        }), RouterClients::create, true);
        d[0] = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
        assertThat(new DaemonHarness.Running(d[0], config).await(Duration.ofSeconds(60))).isEqualTo(ExitStatus.OK);

        assertThat(written.get()).isEqualTo(dir.resolve("spectrum_flight.csv"));
        FlightCsv r = FlightCsv.read(atTwentyFive);
        // written at 25 s with a 20 s window: the cycles from 5 s to 25 s, the bloat among them
        assertThat(r.rows()).isEqualTo(400);
        double[] t = r.column("t_s");
        assertThat(t[0]).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.06));
        assertThat(r.metadata()).containsEntry("wan", "spectrum").containsEntry("hard_red_bloat_ms", "80.0");
        assertThat(Arrays.stream(r.column("dl_zone")).max().orElseThrow()).as("RED during the bloat").isEqualTo(3);
        assertThat(Arrays.stream(r.column("dl_rate_bps")).min().orElseThrow()).as("the rate was cut")
                .isLessThan(940e6);
        assertThat(Arrays.stream(r.column("write")).sum()).as("cycles that wrote to the router").isPositive();

        // at shutdown the recording is written again, now ending at the stop
        FlightCsv last = FlightCsv.read(written.get());
        double[] lt = last.column("t_s");
        assertThat(lt[lt.length - 1]).isGreaterThanOrEqualTo(29.9);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theRecordingIsWrittenOnItsIntervalWithoutBeingAsked() throws Exception {
        Path file = config("flight_recorder:\n  window: 5\n  write_interval: 2\n");
        AutorateConfig config = DaemonHarness.load(file);
        Path csv = dir.resolve("spectrum_flight.csv");
        AtomicReference<Boolean> seenWhileRunning = new AtomicReference<>(false);
        AutorateDaemon[] d = new AutorateDaemon[1];
        long deadline = System.nanoTime() + 20 * S;
        AutorateDaemon.Services services = new AutorateDaemon.Services(clock, SystemdNotifier.recording(Duration.ofSeconds(2), s -> { }),
                Sleeper.advancing(clock), false, c -> new ScriptedProbe(clock, 3, now -> 24, now -> {
                    // the write runs on a thread of its own: wait for it (real time, bounded) before stopping
                    if (now >= 3 * S && !seenWhileRunning.get()) {
                        while (!Files.exists(csv) && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                        seenWhileRunning.set(Files.exists(csv));
                        d[0].stop();
                    }
                }), RouterClients::create, true);
        d[0] = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
        assertThat(new DaemonHarness.Running(d[0], config).await(Duration.ofSeconds(60))).isEqualTo(ExitStatus.OK);
        assertThat(seenWhileRunning.get()).as("written after 2 s of cycles, before the stop").isTrue();
        assertThat(FlightCsv.read(csv).rows()).isBetween(60, 100);
    }
}
