package dev.wanctl.sim.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class DropReactionsTest {

    /** Capacity 100 until {@code dropAt}, 70 after; latency from {@code latency}; loaded throughout. */
    private static DropReactions run(long durationMs, long dropAt, LongToDoubleFunction latency) {
        DropReactions d = new DropReactions();
        for (long ms = 0; ms < durationMs; ms++) {
            d.sample(ms, ms < dropAt ? 100e6 : 70e6, true, latency.applyAsDouble(ms));
        }
        d.finish(durationMs);
        return d;
    }

    /** Capacity 100 until 5 s, 70 until 8 s, 49 after (two drops); latency from {@code latency}; loaded throughout. */
    private static DropReactions twoDrops(LongToDoubleFunction latency) {
        DropReactions d = new DropReactions();
        for (long ms = 0; ms < 20_000; ms++) {
            d.sample(ms, ms < 5_000 ? 100e6 : ms < 8_000 ? 70e6 : 49e6, true, latency.applyAsDouble(ms));
        }
        d.finish(20_000);
        return d;
    }

    @Test
    void reactionLastsFromTheDropUntilLatencyIsBackUnderFifteenMilliseconds() {
        // latency climbs 100 ms after the drop at 5 s, and is back to 5 ms at 7.5 s
        DropReactions d = run(20_000, 5_000, ms -> ms >= 5_100 && ms < 7_500 ? 80 : 5);
        assertThat(d.count()).isEqualTo(1);
        assertThat(d.medianSeconds()).isEqualTo(2.5);
        assertThat(d.maxSeconds()).isEqualTo(2.5);
        assertThat(d.unsettled()).isZero();
    }

    @Test
    void dropThatNeverRaisesLatencyWasAbsorbed() {
        DropReactions d = run(20_000, 5_000, ms -> 5);
        assertThat(d.count()).isEqualTo(1);
        assertThat(d.maxSeconds()).isZero();
    }

    @Test
    void aDropAbsorbedUntilTheNextIsNotChargedWithTheNextOnesQueue() {
        // the first absorbed; latency up from 8.1 s to 8.6 s
        DropReactions d = twoDrops(ms -> ms >= 8_100 && ms < 8_600 ? 40 : 5);
        assertThat(d.count()).isEqualTo(2);
        assertThat(d.maxSeconds()).as("the second drop's reaction, not 3.6 s for the first").isEqualTo(0.6);
        assertThat(d.medianSeconds()).isEqualTo(0.3);
    }

    @Test
    void anExcursionThatBeganBeforeTheNextDropStaysTheEarlierOnes() {
        // latency up from 5.1 s to 8.5 s, across the second drop at 8 s
        DropReactions d = twoDrops(ms -> ms >= 5_100 && ms < 8_500 ? 40 : 5);
        assertThat(d.count()).isEqualTo(2);
        assertThat(d.maxSeconds()).isEqualTo(3.5);
    }

    @Test
    void aSingleQuietMillisecondDoesNotEndTheReaction() {
        DropReactions d = run(20_000, 5_000, ms -> ms >= 5_050 && ms < 9_000 && ms % 150 != 0 ? 60 : 5);
        assertThat(d.maxSeconds()).isEqualTo(4.0);
    }

    @Test
    void latencyThatNeverSettlesIsReportedAsUnsettled() {
        DropReactions d = run(20_000, 5_000, ms -> ms >= 5_200 ? 300 : 5);
        assertThat(d.count()).isEqualTo(1);
        assertThat(d.unsettled()).isEqualTo(1);
        assertThat(d.maxSeconds()).isEqualTo(15.0);
    }

    @Test
    void smallDipsAndIdleLinksAreNotDrops() {
        DropReactions small = new DropReactions();
        DropReactions idle = new DropReactions();
        for (long ms = 0; ms < 10_000; ms++) {
            small.sample(ms, ms < 5_000 ? 100e6 : 85e6, true, 5);
            idle.sample(ms, ms < 5_000 ? 100e6 : 50e6, false, 0);
        }
        assertThat(small.count()).isZero();
        assertThat(idle.count()).isZero();
        assertThat(small.medianSeconds()).isNaN();
    }
}
