package dev.wanctl.core.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RttSelectorTest {

    private static final long MS = 1_000_000L;

    @Test
    void medianOfThreeFreshReflectors() {
        RttSelector s = new RttSelector(3, true, 100 * MS);
        assertThat(s.select(new double[] {30, 10, 20}, new long[] {0, 0, 0}, 50 * MS)).isEqualTo(20);
    }

    @Test
    void twoFreshReflectorsGiveTheirMeanAndOneGivesItself() {
        RttSelector s = new RttSelector(3, true, 100 * MS);
        assertThat(s.select(new double[] {30, 10, 20}, new long[] {0, 0, -500 * MS}, 50 * MS)).isEqualTo(20);
        assertThat(s.select(new double[] {30, Double.NaN, 20}, new long[] {0, 0, -500 * MS}, 50 * MS)).isEqualTo(30);
    }

    @Test
    void withoutMedianTheFirstFreshReflectorCounts() {
        RttSelector s = new RttSelector(3, false, 100 * MS);
        assertThat(s.select(new double[] {30, 10, 20}, new long[] {-200 * MS, 0, 0}, 0)).isEqualTo(10);
    }

    @Test
    void nothingFreshIsNaN() {
        RttSelector s = new RttSelector(2, true, 100 * MS);
        assertThat(s.select(new double[] {30, 10}, new long[] {0, 0}, 101 * MS)).isNaN();
    }

    @Test
    void aLateReplyIsADelaySampleNotALoss() {
        // fresh up to 100 ms, late up to 1100 ms (the reply timeout on top)
        RttSelector s = new RttSelector(3, true, 100 * MS, 1100 * MS);
        double r = s.select(new double[] {30, 10, 20}, new long[] {0, -100 * MS, -200 * MS}, 300 * MS);
        assertThat(r).as("median of the late samples").isEqualTo(20);
        assertThat(s.late()).isTrue();
        assertThat(s.lateByMs()).as("the youngest is 300 ms old, 200 ms past the maximum age").isEqualTo(200);
        assertThat(s.select(new double[] {30, 10, 20}, new long[] {0, 0, 0}, 50 * MS)).isEqualTo(20);
        assertThat(s.late()).isFalse();
    }

    @Test
    void silenceBeyondTheLateHorizonIsALoss() {
        RttSelector s = new RttSelector(2, true, 100 * MS, 1100 * MS);
        assertThat(s.select(new double[] {30, 10}, new long[] {0, 0}, 1101 * MS)).isNaN();
    }
}
