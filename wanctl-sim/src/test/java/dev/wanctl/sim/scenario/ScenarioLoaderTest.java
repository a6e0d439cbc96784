package dev.wanctl.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.sim.link.CapacitySpec;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Flow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    private static final String MINIMAL = """
            name: mine
            duration: 2m
            download: {ceiling_mbps: 100, floor_mbps: 20, capacity: {generator: constant, mbps: 90}}
            upload: {ceiling_mbps: 10, floor_mbps: 2, capacity: {generator: constant, mbps: 9}}
            reflectors:
              - {name: r1, base_ms: 20}
            """;

    @Test
    void everyBundledScenarioLoadsWithTheNameItIsListedUnder() {
        for (String name : ScenarioLoader.bundledNames()) {
            Scenario s = ScenarioLoader.load(name);
            assertThat(s.name()).isEqualTo(name);
            assertThat(s.configPath()).startsWith("configs/");
            assertThat(s.traffic()).isNotEmpty();
            assertThat(s.description()).isNotBlank();
        }
    }

    @Test
    void scaledTraceScenariosSaySoInTheirDescription() {
        for (String name : new String[] {"lte-driving", "lte-short"}) {
            Scenario s = ScenarioLoader.load(name);
            assertThat(s.download().capacity()).isInstanceOf(CapacitySpec.Trace.class);
            assertThat(s.description()).contains("SCALED");
        }
    }

    @Test
    void minimalFileGetsDefaults() {
        Scenario s = ScenarioLoader.parse("mine.yaml", MINIMAL, null);
        assertThat(s.durationMs()).isEqualTo(120_000);
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.intervalMs()).isEqualTo(50);
        assertThat(s.download().fifoMs()).isEqualTo(250);
        assertThat(s.thresholds()).as("no config, no thresholds").isNull();
        assertThat(s.reflectors().get(0).intervalMs()).isEqualTo(50);
    }

    @Test
    void userScenarioFileReadsItsOwnTraceAndCsvBesideIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("my.down"), "1\n1\n");
        Files.writeString(dir.resolve("up.csv"), "t_ms,capacity_mbps\n0,5\n60000,2.5\n");
        Path file = dir.resolve("my-line.yaml");
        Files.writeString(file, """
                name: my-line
                duration: 90s
                download: {ceiling_mbps: 30, floor_mbps: 5, capacity: {trace: my.down}}
                upload: {ceiling_mbps: 5, floor_mbps: 1, capacity: {csv: up.csv}}
                reflectors: [{name: gw, base_ms: 5}]
                traffic:
                  - {kind: bulk, at: 10s, for: 1m, direction: down}
                """);
        Scenario s = ScenarioLoader.load(file.toString());
        assertThat(s.download().capacity().describe()).contains("mean 24.0 Mbit/s");
        assertThat(s.traffic()).extracting(Flow::directions).containsExactly(java.util.Set.of(Direction.DOWNLOAD));
        RunResult r = Simulation.run(s, Baselines.all().get(0), false);
        assertThat(r.scorecard().download().loadedSeconds()).isEqualTo(60.0);
    }

    @Test
    void unknownKeyIsReportedWithItsPathAndTheAllowedKeys() {
        String yaml = MINIMAL.replace("floor_mbps: 20,", "floor_mbps: 20, floor_mpbs: 3,");
        assertThatThrownBy(() -> ScenarioLoader.parse("x.yaml", yaml, null))
                .hasMessageContaining("x.yaml: download.floor_mpbs: unknown key")
                .hasMessageContaining("ceiling_mbps");
    }

    @Test
    void unknownGeneratorListsTheKnownOnes() {
        String yaml = MINIMAL.replace("generator: constant, mbps: 90", "generator: fibre");
        assertThatThrownBy(() -> ScenarioLoader.parse("x.yaml", yaml, null))
                .hasMessageContaining("download.capacity.generator")
                .hasMessageContaining("cable-prime-time");
    }

    @Test
    void scriptedDipsLowerTheCapacityAtTheirTimesAndNowhereElse() {
        String yaml = MINIMAL.replace("{generator: constant, mbps: 90}",
                "{generator: dips, nominal_mbps: 100, jitter: 0, dips: [{at: 10s, for: 5s, fraction: 0.4}, "
                        + "{at: 30s, for: 1s, fraction: 0}]}");
        Scenario s = ScenarioLoader.parse("x.yaml", yaml, null);
        assertThat(s.download().capacity().describe())
                .isEqualTo("100.0 Mbit/s with dips to 40 % from 10 s for 5 s, to 0 % from 30 s for 1 s");
        var capacity = s.download().capacity().create(s.durationMs(), new java.util.SplittableRandom(1));
        long[] at = {9_999, 10_000, 14_999, 15_000, 30_500, 31_000};
        double[] mbps = {100, 40, 40, 100, 0, 100};
        for (int i = 0; i < at.length; i++) {
            capacity.moveTo(at[i]);
            assertThat(capacity.capacityBps() / 1e6).as("at %d ms", at[i]).isCloseTo(mbps[i],
                    org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void overlappingDipsAreRejectedWithTheirPlace() {
        String yaml = MINIMAL.replace("{generator: constant, mbps: 90}",
                "{generator: dips, nominal_mbps: 100, dips: [{at: 10s, for: 5s, fraction: 0.4}, "
                        + "{at: 12s, for: 1s, fraction: 0.5}]}");
        assertThatThrownBy(() -> ScenarioLoader.parse("x.yaml", yaml, null))
                .hasMessageContaining("download.capacity")
                .hasMessageContaining("must not overlap");
    }

    @Test
    void floorAboveCeilingIsRejectedWithTheDirection() {
        String yaml = MINIMAL.replace("floor_mbps: 20", "floor_mbps: 200");
        assertThatThrownBy(() -> ScenarioLoader.parse("x.yaml", yaml, null))
                .hasMessageContaining("download")
                .hasMessageContaining("floor_mbps <= ceiling_mbps");
    }

    @Test
    void eventNamingAnUnknownReflectorSaysWhichExist() {
        String yaml = MINIMAL + "events:\n  - {kind: reflector-down, at: 10s, for: 10s, reflector: r9}\n";
        assertThatThrownBy(() -> ScenarioLoader.parse("x.yaml", yaml, null))
                .hasMessageContaining("events[0].reflector")
                .hasMessageContaining("[r1]");
    }

    @Test
    void badDurationShowsExamples() {
        String yaml = MINIMAL.replace("duration: 2m", "duration: soon");
        assertThatThrownBy(() -> ScenarioLoader.parse("x.yaml", yaml, null))
                .hasMessageContaining("duration")
                .hasMessageContaining("90s");
    }

    @Test
    void missingScenarioListsTheBundledOnes() {
        assertThatThrownBy(() -> ScenarioLoader.load("no-such-scenario"))
                .hasMessageContaining("cable-prime-time");
    }

    @Test
    void sendersRunCubicUnlessTheScenarioNamesBbr() {
        assertThat(ScenarioLoader.parse("mine.yaml", MINIMAL, null).senders().congestion())
                .isEqualTo(dev.wanctl.sim.link.SenderSetup.Congestion.CUBIC);
        assertThat(ScenarioLoader.parse("mine.yaml", MINIMAL + "senders: {cc: bbr}\n", null).senders().congestion())
                .isEqualTo(dev.wanctl.sim.link.SenderSetup.Congestion.BBR);
        assertThatThrownBy(() -> ScenarioLoader.parse("mine.yaml", MINIMAL + "senders: {cc: reno}\n", null))
                .hasMessageContaining("cc must be cubic or bbr, got 'reno'");
    }

    @Test
    void aSendersStartDelayHoldsTheFlowsBackButNotTheScoring() {
        String yaml = MINIMAL + "senders: {start_delay_ms: 200}\ntraffic:\n  - {kind: bulk, at: 10s, for: 20s, direction: down}\n";
        Scenario s = ScenarioLoader.parse("mine.yaml", yaml, null);
        assertThat(s.senders().startDelayMs()).isEqualTo(200);
        dev.wanctl.sim.link.Link link = LinkBuilder.build(s);
        for (long ms = 0; ms <= 10_150; ms++) {
            link.step(ms, d -> 0L);
        }
        assertThat(link.greedy(dev.wanctl.sim.link.Direction.DOWNLOAD)).as("loaded from the schedule").isTrue();
        assertThat(link.direction(dev.wanctl.sim.link.Direction.DOWNLOAD).greedyOfferedBytes()).isZero();
        for (long ms = 10_151; ms <= 10_300; ms++) {
            link.step(ms, d -> 0L);
        }
        assertThat(link.direction(dev.wanctl.sim.link.Direction.DOWNLOAD).greedyOfferedBytes()).isPositive();
        assertThatThrownBy(() -> ScenarioLoader.parse("mine.yaml", MINIMAL + "senders: {start_delay_ms: -1}\n", null))
                .hasMessageContaining("start_delay_ms must be in [0, 10000]");
    }
}
