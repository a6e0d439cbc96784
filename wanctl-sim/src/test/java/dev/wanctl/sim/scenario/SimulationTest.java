package dev.wanctl.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wanctl.sim.scorecard.DirectionResult;
import dev.wanctl.sim.scorecard.ScenarioReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final NamedController NONE = Baselines.all().get(0);
    private static final NamedController STATIC = Baselines.all().get(1);
    private static final NamedController ORACLE = Baselines.all().get(2);

    private static String json(Scenario s) {
        return ScenarioRunner.report(s, ScenarioRunner.runAll(s, Baselines.all(), false)).toJson();
    }

    @Test
    void sameSeedTwiceGivesByteIdenticalJson() {
        Scenario s = ScenarioLoader.load("cable-prime-time").with(7L, 180_000L);
        assertThat(json(s)).isEqualTo(json(s));
    }

    @Test
    void differentSeedsGiveDifferentResults() {
        Scenario s = ScenarioLoader.load("cable-prime-time").with(null, 180_000L);
        assertThat(json(s.with(1L, null))).isNotEqualTo(json(s.with(2L, null)));
    }

    /** A controller that only notes when its cycles fall. */
    private static final class CycleTimes implements Controller {
        final List<Long> cyclesMs = new ArrayList<>();

        @Override
        public int intervalMs() {
            return 50;
        }

        @Override
        public void cycle(long nowNanos) {
            cyclesMs.add(nowNanos / 1_000_000);
        }
    }

    private static List<Long> cycleTimes(Scenario s) {
        CycleTimes c = new CycleTimes();
        Simulation.run(s, new NamedController("times", "notes its cycles", h -> c), false);
        return c.cyclesMs;
    }

    @Test
    void theControllerStartsAtAPhaseDrawnFromTheSeedNotAlwaysWithTheSchedule() {
        Scenario s = constantLine("").with(null, 10_000L);
        List<Long> seed1 = cycleTimes(s.with(1L, null));
        List<Long> seed2 = cycleTimes(s.with(2L, null));
        // a daemon starts long before any load, at no particular phase of its 3 s idle counter
        // reads against it: each seed has its own start, under 3 s, then cycles every interval
        assertThat(seed1.get(0)).isBetween(0L, 2999L).isEqualTo(Simulation.controllerStartMs(1L));
        assertThat(seed2.get(0)).isBetween(0L, 2999L).isNotEqualTo(seed1.get(0));
        assertThat(seed1.get(1) - seed1.get(0)).isEqualTo(50);
        assertThat(cycleTimes(s.with(1L, null))).isEqualTo(seed1);
        Set<Long> starts = new HashSet<>();
        for (long seed = 1; seed <= 20; seed++) {
            starts.add(Simulation.controllerStartMs(seed) / 500);
        }
        assertThat(starts).as("starts spread over the 3 s").hasSize(6);
    }

    @Test
    void aLoadInTheFirstTwoSecondsFindsTheControllerAlreadyRunning() {
        Scenario early = constantLine("  - {kind: bulk, at: 300ms, for: 4s, direction: down}\n", "")
                .with(null, 5_000L);
        for (long seed = 1; seed <= 10; seed++) {
            assertThat(cycleTimes(early.with(seed, null)).get(0)).isLessThanOrEqualTo(300);
        }
    }

    /** A constant 100/10 Mbit/s line for 60 s with a download from 10 s to 50 s. */
    private static Scenario constantLine(String extra) {
        return constantLine("  - {kind: bulk, at: 10s, for: 40s, direction: down}\n", extra);
    }

    /** A constant 100/10 Mbit/s line for 60 s with the given traffic entries. */
    private static Scenario constantLine(String traffic, String extra) {
        return ScenarioLoader.parse("test", """
                name: constant
                duration: 60s
                download: {ceiling_mbps: 100, floor_mbps: 20, capacity: {generator: constant, mbps: 100}}
                upload: {ceiling_mbps: 10, floor_mbps: 2, capacity: {generator: constant, mbps: 10}}
                reflectors: [{name: r1, base_ms: 20}]
                traffic:
                """ + traffic + extra, null);
    }

    @Test
    void unshapedBulkFlowsFillTheIspBufferAndSawToothThere() {
        DirectionResult dl = Simulation.run(constantLine(""), NONE, false).scorecard().download();
        assertThat(dl.loadedSeconds()).isEqualTo(40.0);
        assertThat(dl.latencyP50Ms()).isBetween(100.0, 250.0);
        assertThat(dl.latencyP99Ms()).isCloseTo(250.0, within(1.0));
        assertThat(dl.throughputFraction()).isGreaterThan(0.95);
        assertThat(dl.bufferbloatSeconds()).isGreaterThan(30);
    }

    @Test
    void staticShaperBelowCapacityKeepsAPingClearOfTheQueueAndNinetyPercent() {
        DirectionResult dl = Simulation.run(constantLine(""), STATIC, false).scorecard().download();
        // CAKE serves the ping ahead of the bulk queue: one 1500-byte packet at 90 Mbit/s
        assertThat(dl.latencyP50Ms()).isLessThan(1.0);
        assertThat(dl.latencyP99Ms()).isLessThan(5.0);
        assertThat(dl.throughputFraction()).isCloseTo(0.9, within(0.02));
        assertThat(dl.bufferbloatSeconds()).isZero();
        assertThat(dl.routerWritesPerMinute()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void oracleKeepsNinetyFivePercentWithoutBloatThroughCapacityDrops() {
        Scenario s = ScenarioLoader.load("dsl-retrain");
        List<RunResult> runs = ScenarioRunner.runAll(s, List.of(STATIC, ORACLE), false);
        DirectionResult stat = runs.get(0).scorecard().download();
        DirectionResult oracle = runs.get(1).scorecard().download();
        assertThat(oracle.throughputFraction()).isCloseTo(0.95, within(0.02));
        assertThat(oracle.latencyP99Ms()).isLessThan(15);
        assertThat(oracle.drops()).isEqualTo(1);
        assertThat(oracle.reactionMaxSeconds()).isZero();
        assertThat(stat.drops()).isEqualTo(1);
        assertThat(stat.unsettledDrops()).isZero();
        assertThat(stat.reactionMaxSeconds()).isGreaterThan(60);
        assertThat(stat.bufferbloatSeconds()).isGreaterThan(200);
    }

    @Test
    void routerOutageFreezesEvenTheOracle() {
        Scenario s = ScenarioLoader.load("router-outage");
        DirectionResult oracle = Simulation.run(s, ORACLE, false).scorecard().download();
        // capacity drops at 4:00, writes are refused until 5:30: the ISP's buffer fills and the TCP
        // senders saw-tooth in it (above 30 ms most of the time) until the oracle can shape again
        assertThat(oracle.bufferbloatSeconds()).isBetween(15.0, 95.0);
        assertThat(oracle.drops()).isEqualTo(1);
        assertThat(oracle.reactionMaxSeconds()).isBetween(15.0, 100.0);
    }

    @Test
    void flightRecordingHasOneRowPerIntervalWithTheTruth() {
        RunResult r = Simulation.run(constantLine(""), ORACLE, true);
        assertThat(r.recording().size()).isEqualTo(60_000 / 50);
        assertThat(r.recordingMetadata()).doesNotContainKey("target_bloat_ms").containsEntry("controller", "oracle");
        StringBuilder sb = new StringBuilder();
        try {
            r.recording().writeCsv(sb, r.recordingMetadata());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        String last = sb.toString().lines().reduce((a, b) -> b).orElseThrow();
        String[] f = last.split(",", -1);
        assertThat(f[0]).isEqualTo("59.950");
        assertThat(Double.parseDouble(f[1])).isCloseTo(20.0, within(0.01));
        assertThat(f[7]).isEqualTo("95000000");
        assertThat(f[11]).isEqualTo("100000000");
    }

    @Test
    void allReflectorsDownLeavesNoFreshRttInTheRecording() {
        Scenario s = constantLine("events:\n  - {kind: reflector-down, at: 20s, for: 10s}\n");
        RunResult r = Simulation.run(s, NONE, true);
        StringBuilder sb = new StringBuilder();
        try {
            r.recording().writeCsv(sb, java.util.Map.of());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        List<String> rows = sb.toString().lines().skip(1).toList();
        assertThat(rows.get(500).split(",", -1)[1]).as("t=25 s").isEmpty();
        assertThat(rows.get(700).split(",", -1)[1]).as("t=35 s").isNotEmpty();
    }

    @Test
    void reportListsEveryControllerInOrder() {
        Scenario s = constantLine("");
        ScenarioReport rep = ScenarioRunner.report(s, ScenarioRunner.runAll(s, Baselines.all(), false));
        assertThat(rep.runs()).extracting(c -> c.controller()).containsExactly("none", "static", "oracle");
        assertThat(rep.runs().get(0).grade()).isIn("C", "D", "F");
        assertThat(rep.runs().get(1).grade()).isEqualTo("A+");
    }
}
