package dev.wanctl.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.routeros.RouterException;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.scorecard.DirectionResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerSeamTest {

    @Test
    void aControllerThatOnlySeesRttsAndWritesThroughRouterClientBeatsTheStaticShaperOnARetrain() {
        Scenario s = ScenarioLoader.load("dsl-retrain");
        List<RunResult> runs = ScenarioRunner.runAll(s, List.of(Baselines.all().get(1), ToyDelayController.NAMED), false);
        DirectionResult stat = runs.get(0).scorecard().download();
        DirectionResult toy = runs.get(1).scorecard().download();
        assertThat(toy.bufferbloatSeconds()).isLessThan(stat.bufferbloatSeconds() / 5);
        assertThat(toy.throughputFraction()).isGreaterThan(0.6);
        assertThat(toy.routerWritesPerMinute()).isGreaterThan(1);
    }

    @Test
    void controllerStateAndRatesLandInTheFlightRecording() throws IOException {
        Scenario s = ScenarioLoader.load("idle-then-burst").with(null, 400_000L);
        RunResult r = Simulation.run(s, ToyDelayController.NAMED, true);
        StringBuilder csv = new StringBuilder();
        r.recording().writeCsv(csv, r.recordingMetadata());
        String body = csv.toString();
        assertThat(body).contains("GREEN", "RED");
        String row = body.lines().filter(l -> l.startsWith("350.000,")).findFirst().orElseThrow();
        String[] f = row.split(",", -1);
        assertThat(f[2]).as("load EWMA").isNotEmpty();
        assertThat(f[3]).as("baseline").isNotEmpty();
        assertThat(Long.parseLong(f[7])).as("DL rate below the ceiling under load").isLessThan(940_000_000L);
    }

    @Test
    void routerClientFailsAsUnreachableDuringAnOutageAndNamesUnknownQueues() throws RouterException {
        Scenario s = ScenarioLoader.load("dsl-stable");
        SimRouter router = new SimRouter(95_000_000L, 18_000_000L);
        SimHarness h = new SimHarness(s, new dev.wanctl.core.runtime.VirtualClock(), LinkBuilder.build(s), router);
        SimRouterClient c = h.routerClient("dl", "ul", Map.of("steer", false));
        c.setMaxLimit("dl", 80_000_000L);
        assertThat(router.maxLimitBps(Direction.DOWNLOAD)).isEqualTo(80_000_000L);
        assertThat(c.readQueue("ul").maxLimitBps()).isEqualTo(18_000_000L);
        c.setRuleEnabled("steer", true);
        assertThat(c.ruleEnabled("steer")).isTrue();
        assertThatThrownBy(() -> c.readQueue("WAN-Other")).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.kind()).isEqualTo(RouterException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> c.ruleEnabled("other")).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.kind()).isEqualTo(RouterException.Kind.NOT_FOUND));
        router.setReachable(false);
        assertThatThrownBy(() -> c.setMaxLimit("dl", 50_000_000L)).isInstanceOfSatisfying(RouterException.class,
                e -> assertThat(e.kind()).isEqualTo(RouterException.Kind.UNREACHABLE));
        assertThat(router.maxLimitBps(Direction.DOWNLOAD)).isEqualTo(80_000_000L);
        assertThat(router.failedWrites()).isEqualTo(1);
    }

    @Test
    void attachedRouterIsWhatTheLinkShapesAtAndWhatOutagesHit() {
        Scenario s = ScenarioLoader.parse("t", """
                name: attached
                duration: 30s
                download: {ceiling_mbps: 100, floor_mbps: 20, capacity: {generator: constant, mbps: 100}}
                upload: {ceiling_mbps: 10, floor_mbps: 2, capacity: {generator: constant, mbps: 10}}
                reflectors: [{name: r1, base_ms: 20}]
                traffic: [{kind: bulk, direction: down}]
                events: [{kind: router-outage, at: 10s, for: 5s}]
                """, null);
        boolean[] outageSeen = new boolean[1];
        SimulatedRouter external = new SimulatedRouter() {
            @Override
            public long maxLimitBps(Direction d) {
                return d == Direction.DOWNLOAD ? 50_000_000L : 0;
            }

            @Override
            public void setReachable(boolean reachable) {
                outageSeen[0] |= !reachable;
            }
        };
        NamedController attach = new NamedController("attach", "", h -> {
            h.attachRouter(external);
            return Controller.every(50, now -> assertThat(h.clock().nanoTime()).isEqualTo(now));
        });
        DirectionResult dl = Simulation.run(s, attach, false).scorecard().download();
        assertThat(dl.throughputFraction()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(outageSeen[0]).isTrue();
    }
}
