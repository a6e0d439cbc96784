package dev.wanctl.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreshRttTest {

    private static final long MS = 1_000_000L;
    private static final long NOW = 10_000 * MS;
    private static final long MAX_AGE = 100 * MS;
    private final double[] scratch = new double[5];

    @Test
    void medianOfThreeFreshSamples() {
        double[] rtt = {30, 10, 20};
        long[] at = {NOW, NOW - 50 * MS, NOW - 100 * MS};
        assertThat(FreshRtt.median(rtt, at, NOW, MAX_AGE, scratch)).isEqualTo(20.0);
    }

    @Test
    void staleAndMissingSamplesDoNotCountAndTwoFreshGiveTheirMean() {
        double[] rtt = {30, 10, Double.NaN, 99};
        long[] at = {NOW, NOW, RttProbe.NO_SAMPLE, NOW - 101 * MS};
        assertThat(FreshRtt.median(rtt, at, NOW, MAX_AGE, scratch)).isEqualTo(20.0);
    }

    @Test
    void oneFreshSampleIsItselfAndNoneIsNaN() {
        double[] rtt = {Double.NaN, 12.5};
        long[] at = {RttProbe.NO_SAMPLE, NOW};
        assertThat(FreshRtt.median(rtt, at, NOW, MAX_AGE, scratch)).isEqualTo(12.5);
        assertThat(FreshRtt.first(rtt, at, NOW, MAX_AGE)).isNaN();
        at[1] = NOW - 200 * MS;
        assertThat(FreshRtt.median(rtt, at, NOW, MAX_AGE, scratch)).isNaN();
    }

    @Test
    void aMissingSampleIsNeverFreshEvenWhenTheClockIsNearItsMinimum() {
        assertThat(FreshRtt.isFresh(10, RttProbe.NO_SAMPLE, Long.MIN_VALUE + 5, MAX_AGE)).isFalse();
    }
}
