package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.control.Zone;
import java.nio.file.Files;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * State files a daemon must not trust: implausible values refused by name, a baseline below every
 * RTT re-learned, a huge file or a FIFO at the state path never read (virtual clock, the emulator
 * over pinned HTTPS, RTT 24 ms throughout).
 */
class StateFileFaultsTest extends StateFileHarness {

    private static final long M = 1_000_000L;

    /** Runs the daemon for {@code seconds} of virtual time at RTT 24 ms; {@code each} sees it at every cycle. */
    private AutorateDaemon run(long seconds, LongConsumer each) throws Exception {
        return run(DaemonHarness.config(dir, router, 50, 1500), false, seconds, now -> 24, each);
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
