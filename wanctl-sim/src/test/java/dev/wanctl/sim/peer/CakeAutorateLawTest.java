package dev.wanctl.sim.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CakeAutorateLawTest {

    private static final long MS = 1_000_000L;
    private static final long MIN = 10_000_000;
    private static final long BASE = 50_000_000;
    private static final long MAX = 100_000_000;

    private long now;
    private long sample;

    /** A law whose one reflector has settled on a 10 ms one-way baseline, idle, at the base rate. */
    private CakeAutorateLaw settled() {
        CakeAutorateLaw law = new CakeAutorateLaw(CakeAutorateParams.defaults(MIN, BASE, MAX), 1);
        for (int i = 0; i < 20; i++) {
            reply(law, 10, Double.NaN);
        }
        return law;
    }

    private long reply(CakeAutorateLaw law, double oneWayMs, double achievedBps) {
        now += 50 * MS;
        return law.step(now, 0, oneWayMs, achievedBps, sample);
    }

    @Test
    void theBaselineFollowsALowerDelayAtOnceAndAHigherOneOnlySlowly() {
        CakeAutorateLaw law = settled();
        assertThat(law.baselineMs(0)).isCloseTo(10, within(0.01));
        for (int i = 0; i < 10; i++) {
            reply(law, 40, Double.NaN);
        }
        assertThat(law.baselineMs(0)).as("ten replies 30 ms higher").isLessThan(10.4);
        reply(law, 5, Double.NaN);
        assertThat(law.baselineMs(0)).isCloseTo(5.5, within(0.1));
    }

    @Test
    void twoDelayedRepliesOfSixAreNoBufferbloatAndTheThirdCutsTheRate() {
        CakeAutorateLaw law = settled();
        assertThat(reply(law, 45, Double.NaN)).isEqualTo(BASE);
        assertThat(reply(law, 45, Double.NaN)).isEqualTo(BASE);
        long cut = reply(law, 45, Double.NaN);
        // average delta of the ring: three at ~35 ms, three at 0: 17.5 ms, below the threshold: the shallowest cut
        assertThat(cut).isEqualTo(Math.round(BASE * 0.99));
    }

    @Test
    void aDeeperAverageDelayCutsDeeperDownToThreeQuarters() {
        CakeAutorateLaw law = settled();
        long rate = 0;
        for (int i = 0; i < 6; i++) {
            now += 400 * MS; // outside the refractory each time
            rate = law.step(now, 0, 10 + 200, Double.NaN, sample);
        }
        // the ring is full of 200 ms deltas: every cut is the deepest
        assertThat(rate).isLessThan(Math.round(BASE * 0.75 * 0.75 * 0.75) + 1);
        assertThat(rate).isGreaterThanOrEqualTo(MIN);
    }

    @Test
    void noSecondCutWithinThreeHundredMilliseconds() {
        CakeAutorateLaw law = settled();
        for (int i = 0; i < 3; i++) {
            reply(law, 200, Double.NaN);
        }
        long first = law.rateBps();
        assertThat(first).isLessThan(BASE);
        now += 100 * MS;
        assertThat(law.step(now, 0, 200, Double.NaN, sample)).as("100 ms later").isEqualTo(first);
        now += 250 * MS;
        assertThat(law.step(now, 0, 200, Double.NaN, sample)).as("350 ms later").isLessThan(first);
    }

    @Test
    void aLoadedDirectionWithLowDelayGrowsFourPercentOncePerLoadSample() {
        CakeAutorateLaw law = settled();
        sample++;
        long grown = reply(law, 10, 0.9 * BASE);
        assertThat(grown).isEqualTo(Math.round(BASE * 1.04));
        assertThat(reply(law, 10, 0.9 * BASE)).as("the same load sample again").isEqualTo(grown);
        sample++;
        assertThat(reply(law, 10, 0.9 * grown)).isEqualTo(Math.round(BASE * 1.04 * 1.04));
    }

    @Test
    void growthShrinksToNothingAsTheAverageDelayNearsTheThreshold() {
        CakeAutorateLaw law = settled();
        sample++;
        // deltas of 20 ms: half-way between 10 and 30 ms, so a factor of 1.02
        for (int i = 0; i < 6; i++) {
            now += 1;
            law.step(now, 0, 30, Double.NaN, sample - 1);
        }
        now += 50 * MS;
        long grown = law.step(now, 0, 30, 0.9 * law.rateBps(), sample);
        assertThat(grown / (double) BASE).isCloseTo(1.02, within(0.002));
    }

    @Test
    void belowSeventyFivePercentLoadTheRateMovesOnePercentASecondTowardTheBaseAndStopsThere() {
        CakeAutorateLaw law = settled();
        for (int i = 0; i < 30; i++) {
            sample++;
            reply(law, 10, 0.9 * law.rateBps());
        }
        long high = law.rateBps();
        assertThat(high).isGreaterThan(BASE);
        long before = high;
        now += 1000 * MS;
        long decayed = law.step(now, 0, 10, 0.1 * high, sample);
        assertThat(decayed).isEqualTo(Math.round(Math.max(BASE, before * 0.99)));
        assertThat(reply(law, 10, 0.1 * high)).as("within the same second").isEqualTo(decayed);
        for (int i = 0; i < 2000; i++) {
            now += 1000 * MS;
            law.step(now, 0, 10, 0, sample);
        }
        assertThat(law.rateBps()).isEqualTo(BASE);
    }

    @Test
    void theRateNeverLeavesMinAndMax() {
        CakeAutorateLaw law = settled();
        for (int i = 0; i < 200; i++) {
            now += 400 * MS;
            law.step(now, 0, 500, Double.NaN, sample);
        }
        assertThat(law.rateBps()).isEqualTo(MIN);
        for (int i = 0; i < 20; i++) {
            law.step(now, 0, 1, Double.NaN, sample); // the baseline follows down, the ring empties of delays
        }
        for (int i = 0; i < 500; i++) {
            now += 400 * MS;
            sample++;
            law.step(now, 0, 1, 0.99 * law.rateBps(), sample);
        }
        assertThat(law.rateBps()).isEqualTo(MAX);
    }

    @Test
    void badParametersAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> CakeAutorateParams.defaults(60_000_000, BASE, MAX))
                .hasMessageContaining("0 < min <= base <= max");
        assertThatThrownBy(() -> new CakeAutorateLaw(CakeAutorateParams.defaults(MIN, BASE, MAX), 0))
                .hasMessageContaining("at least one reflector");
        assertThatThrownBy(() -> new CakeAutorateParams(MIN, BASE, MAX, 30, 60, 10, 0.99, 0.75, 1.04, 1.0, 0.75, 0.3,
                1.0, 0.01, 6, 7, 0.001, 0.9, 100, 1538)).hasMessageContaining("delayedToDetect <= window");
    }
}
