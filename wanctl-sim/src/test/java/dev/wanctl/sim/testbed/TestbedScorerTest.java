package dev.wanctl.sim.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wanctl.sim.scenario.Scenario;
import dev.wanctl.sim.scenario.ScenarioLoader;
import dev.wanctl.sim.scorecard.Scorecard;
import org.junit.jupiter.api.Test;

class TestbedScorerTest {

    private static final Scenario SCENARIO = ScenarioLoader.parse("test", """
            name: scorer-test
            duration: 10s
            download: {ceiling_mbps: 100, floor_mbps: 10, fifo_ms: 250, capacity: {generator: constant, mbps: 100}}
            upload: {ceiling_mbps: 20, floor_mbps: 4, fifo_ms: 250, capacity: {generator: constant, mbps: 20}}
            reflectors: [{name: a, base_ms: 20}]
            traffic: [{kind: bulk, at: 2s, for: 6s, direction: down}]
            """, null);

    /** 10 s at 100/20 Mbit/s, the download loaded from 2 s to 8 s, delivering {@code dlFraction} of capacity. */
    private static Recording recording(double dlFraction) {
        Recording r = new Recording(10_000);
        for (int ms = 0; ms < 10_000; ms++) {
            r.capacityBps[0][ms] = 100e6f;
            r.capacityBytes[0][ms] = 12_500f;
            r.capacityBps[1][ms] = 20e6f;
            r.capacityBytes[1][ms] = 2_500f;
            r.loaded[0][ms] = ms >= 2_000 && ms < 8_000;
            r.deliveredBytes[0][ms] = r.loaded[0][ms] ? (float) (12_500 * dlFraction) : 0;
            r.shaperBps[0][ms] = 95_000_000;
            r.shaperBps[1][ms] = 19_000_000;
        }
        return r;
    }

    /** A ping every 10 ms: 21 ms RTT idle, {@code loadedRttMs} while the download is loaded. */
    private static double[][] pings(double loadedRttMs) {
        double[][] p = new double[2][1000];
        for (int i = 0; i < 1000; i++) {
            p[0][i] = i * 10;
            p[1][i] = p[0][i] >= 2_000 && p[0][i] < 8_000 ? loadedRttMs : 21;
        }
        return p;
    }

    @Test
    void pingDelayAboveTheLowestRttIsTheLoadedDirectionsAddedLatency() {
        Scorecard card = TestbedScorer.score(SCENARIO, "oracle", recording(0.9), pings(61), new long[] {95_000_000, 19_000_000});

        assertThat(card.download().latencyP99Ms()).isCloseTo(40, within(0.1));
        assertThat(card.download().loadedSeconds()).isEqualTo(6);
        assertThat(card.upload().loadedSeconds()).isZero();
        assertThat(card.upload().bufferbloatSeconds()).as("the idle upload is not blamed").isZero();
    }

    @Test
    void throughputIsBytesReceivedOverCapacityWhileLoaded() {
        Scorecard card = TestbedScorer.score(SCENARIO, "oracle", recording(0.9), pings(21), new long[] {95_000_000, 19_000_000});

        assertThat(card.download().throughputFraction()).isCloseTo(0.9, within(1e-6));
    }

    @Test
    void idleNoiseIsThePingsSpreadWhileNothingIsLoaded() {
        double[][] p = pings(61);
        p[1][150] = 25; // one idle ping of about 200 (1-2 s and 9-10 s) 4 ms late
        double[] noise = TestbedScorer.idleNoiseMs(recording(0.9), p);

        assertThat(noise[0]).isZero();
        assertThat(noise[1]).isZero();
        p[1][151] = 25;
        p[1][152] = 25;
        assertThat(TestbedScorer.idleNoiseMs(recording(0.9), p)[1]).as("3 of 200 late: the 99th percentile").isEqualTo(4);
    }
}
