package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.Zone;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * State files a daemon must not trust: implausible values refused by name, a baseline below every
 * RTT re-learned, a huge file or a FIFO at the state path never read (virtual clock, the emulator
 * over pinned HTTPS, RTT 24 ms throughout).
 */
class StateFileFaultsTest {

    private static final long S = 1_000_000_000L;
    private static final long M = 1_000_000L;

    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock();
    private RouterEmulator router;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger ours = (Logger) LoggerFactory.getLogger("dev.wanctl");

    @BeforeEach
    void start() {
        router = RouterEmulator.builder().clock(clock).sshPort(-1).start();
        log.start();
        ours.addAppender(log);
    }

    @AfterEach
    void stop() {
        ours.detachAppender(log);
        router.close();
    }

    private Path state() {
        return dir.resolve("spectrum_state.json");
    }

    /** Runs the daemon for {@code seconds} of virtual time; {@code each} sees it at every cycle. */
    private AutorateDaemon run(long seconds, LongConsumer each) throws Exception {
        Path file = DaemonHarness.config(dir, router, 50, 1500);
        AutorateConfig config = DaemonHarness.load(file);
        AutorateDaemon[] d = new AutorateDaemon[1];
        long startAt = clock.nanoTime();
        AutorateDaemon.Services services = new AutorateDaemon.Services(clock,
                SystemdNotifier.recording(Duration.ofSeconds(2), n -> { }), Sleeper.advancing(clock), false,
                c -> new ScriptedProbe(clock, 3, now -> 24, now -> {
                    each.accept(now - startAt);
                    if (now - startAt >= seconds * S) {
                        d[0].stop();
                    }
                }), RouterClients::create, true);
        d[0] = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
        DaemonHarness.Running running = new DaemonHarness.Running(d[0], config);
        assertThat(running.await(Duration.ofSeconds(60))).isEqualTo(ExitStatus.OK);
        return d[0];
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel().toString().equals("WARN"))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void implausibleValuesAreRefusedWithAWarningNamingEachFieldAndTheDaemonStartsCalm() throws Exception {
        Files.writeString(state(), """
                {"download": {"current_rate": 940000000, "green_streak": 0, "soft_red_streak": 0, "red_streak": 0},
                 "upload": {"current_rate": 38000000, "green_streak": 0, "soft_red_streak": 0, "red_streak": 0},
                 "ewma": {"baseline_rtt": 24, "load_rtt": 1e308},
                 "last_applied": {"dl_rate": 940000000, "ul_rate": 38000000}}""");
        AutorateDaemon d = run(5, now -> { });
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("ewma.load_rtt (1.0E308 ms is above"));
        assertThat(d.currentCycle().decision().downloadZone()).as("no RED from a persisted 1e308").isEqualTo(Zone.GREEN);
        assertThat(router.state().maxLimitWrites("WAN-Download-Spectrum")).as("nothing to cut").isEmpty();
    }

    @Test
    void aRestoredBaselineBelowEveryRttIsReLearnedWithinHalfAMinute() throws Exception {
        // within baseline_rtt_bounds (1 ms), but the line's idle RTT is 24 ms: delta 22 ms > the freeze threshold
        Files.writeString(state(), """
                {"download": {"current_rate": 940000000}, "upload": {"current_rate": 38000000},
                 "ewma": {"baseline_rtt": 2.0, "load_rtt": 2.0}}""");
        AutorateDaemon d = run(60, now -> { });
        assertThat(d.currentCycle().decision().baselineMs()).as("baseline after 60 s").isBetween(23.0, 25.0);
        assertThat(d.currentCycle().decision().downloadRateBps()).as("back at the ceiling").isEqualTo(940 * M);
        assertThat(warnings()).filteredOn(w -> w.contains("re-learned as")).singleElement().asString()
                .contains("restored baseline 2.0 ms");
    }

    @Test
    void aHugeStateFileIsMovedAsideUnreadAndTheDaemonRuns() throws Exception {
        Files.writeString(state(), "{\"pad\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}");
        run(2, now -> { });
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("spectrum_state.json.corrupt-"));
        }
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("5242891 bytes"));
        assertThat(JsonMapper.builder().build().readTree(state().toFile()).path("download").path("current_rate").asLong())
                .isEqualTo(940 * M);
    }

    @Test
    void aFifoAtTheStatePathDoesNotHangStartUp() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", state().toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        run(2, now -> { });
        assertThat(warnings()).anySatisfy(w -> assertThat(w).contains("is not a regular file"));
        assertThat(Files.isRegularFile(state())).as("the first save replaced the FIFO").isTrue();
    }
}
