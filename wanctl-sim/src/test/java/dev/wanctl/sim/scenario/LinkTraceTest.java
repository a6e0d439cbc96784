package dev.wanctl.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkTraceTest {

    private static final NamedController NONE = Baselines.all().get(0);

    @Test
    void anUnshapedDownloadShowsItsQueueInTheIspBufferAndDeliversTheLinesRate(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioLoader.parse("test", """
                name: constant
                duration: 20s
                download: {ceiling_mbps: 100, floor_mbps: 20, capacity: {generator: constant, mbps: 50}}
                upload: {ceiling_mbps: 10, floor_mbps: 2, capacity: {generator: constant, mbps: 10}}
                reflectors: [{name: r1, base_ms: 20}]
                traffic:
                  - {kind: bulk, at: 2s, for: 18s, direction: down}
                """, null);
        RunResult r = Simulation.run(s, NONE, true);
        Path file = dir.resolve("t-link.csv");
        r.linkTrace().dumpCsv(file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).startsWith("t_s,dir,capacity_mbps,shaper_mbps,sent_mbps,isp_queue_ms");
        assertThat(lines).hasSize(1 + 2 * 20_000 / 50);
        String[] late = lines.stream().filter(l -> l.startsWith("19.000,down,")).findFirst().orElseThrow().split(",");
        assertThat(Double.parseDouble(late[2])).isEqualTo(50.0);   // capacity
        assertThat(Double.parseDouble(late[3])).isEqualTo(0.0);    // unshaped
        assertThat(Double.parseDouble(late[5])).isGreaterThan(20); // the ISP buffer holds the queue
        assertThat(Double.parseDouble(late[9])).isCloseTo(50.0, within(0.5)); // delivered at the line's rate
        String[] idle = lines.stream().filter(l -> l.startsWith("1.000,down,")).findFirst().orElseThrow().split(",");
        assertThat(Double.parseDouble(idle[4])).isLessThan(1.0);   // nothing sent before the download
    }

    @Test
    void aRunWithoutARecordingKeepsNoTrace() {
        Scenario s = ScenarioLoader.load("cable-prime-time").with(1L, 2_000L);
        assertThat(Simulation.run(s, NONE, false).linkTrace()).isNull();
    }
}
