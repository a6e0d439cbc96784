package dev.wanctl.autorate;

import static dev.wanctl.autorate.MatrixDaemon.S;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload (SIGHUP) replaces the writer and the cycle, not the daemon: what /health counts (cycles,
 * router writes and calls, overruns) goes on from the daemon's start instead of starting again
 * at 0, so rates taken from two health documents stay true across a reload.
 */
class ReloadCountersTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(MatrixDaemon m, long second, String name) {
        return (Map<String, Object>) MatrixDaemon.doc(m.health.get(second)).get(name);
    }

    private static long count(MatrixDaemon m, long second, String section, String key) {
        return ((Number) section(m, second, section).get(key)).longValue();
    }

    @Test
    void cyclesWritesCallsAndOverrunsCountFromTheStartAcrossReloads() throws Exception {
        try (MatrixDaemon m = new MatrixDaemon(dir)) {
            String original = Files.readString(m.config());
            // each new ceiling is below the rate of an idle line: one write after each reload
            m.at(3 * S, () -> m.reloadWith(original.replace("ceiling_mbps: 940", "ceiling_mbps: 800")));
            m.at(6 * S, () -> m.reloadWith(original.replace("ceiling_mbps: 940", "ceiling_mbps: 700")));
            m.run(9 * S, (i, now) -> 24);
            m.assertLoopHealthy(9 * S); // cycles: 20 a second since the start, both reloads included

            assertThat(m.lines).filteredOn(l -> l.message().contains("reloaded")).hasSize(2);
            long writesAt2 = count(m, 2, "router", "writes");
            long writesAt5 = count(m, 5, "router", "writes");
            long writesAt8 = count(m, 8, "router", "writes");
            assertThat(writesAt5).as("the write of the first reload").isEqualTo(writesAt2 + 1);
            assertThat(writesAt8).as("and of the second, counted on top").isEqualTo(writesAt5 + 1);
            assertThat(count(m, 8, "router", "checks")).isGreaterThanOrEqualTo(count(m, 5, "router", "checks"))
                    .isGreaterThanOrEqualTo(count(m, 2, "router", "checks"));
            assertThat(count(m, 8, "loop", "cycles")).isGreaterThan(count(m, 5, "loop", "cycles"))
                    .isGreaterThan(count(m, 2, "loop", "cycles")).isBetween(8 * 20 - 2L, 8 * 20 + 2L);
            assertThat(count(m, 8, "loop", "overruns")).isGreaterThanOrEqualTo(count(m, 2, "loop", "overruns"));
            assertThat(m.router.state().maxLimitBps(MatrixDaemon.DL)).isEqualTo(700_000_000L);
        }
    }
}
