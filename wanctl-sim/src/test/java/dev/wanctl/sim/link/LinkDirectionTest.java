package dev.wanctl.sim.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinkDirectionTest {

    /** 10 Mbit/s = 1250 bytes per millisecond. */
    private static LinkDirection tenMbps(double fifoMs) {
        CapacitySource c = new CapacitySpec.Constant(10, 0).create(1000, new SplittableRandom(1));
        return new LinkDirection(Direction.DOWNLOAD, c, fifoMs);
    }

    @Test
    void shaperAboveCapacityFillsTheFifoAtTheDifferenceOfTheRates() {
        LinkDirection d = tenMbps(250);
        for (long ms = 0; ms < 100; ms++) {
            // 40 Mbit/s offered, shaper at 20 Mbit/s (2500 B/ms), capacity 10 Mbit/s (1250 B/ms)
            d.step(ms, 20_000_000L, false, 5000);
        }
        assertThat(d.fifoBytes()).isCloseTo(100 * (2500 - 1250), within(1e-6));
        assertThat(d.fifoDelayMs()).isCloseTo(100.0, within(1e-9));
        assertThat(d.deliveredBytes()).isCloseTo(1250, within(1e-9));
    }

    @Test
    void shaperBelowCapacityDrainsTheFifoAtTheDifferenceOfTheRates() {
        LinkDirection d = tenMbps(250);
        d.fillFifo(100_000);
        for (long ms = 0; ms < 40; ms++) {
            // shaper at 5 Mbit/s (625 B/ms) and busy: the FIFO loses 1250 - 625 B each ms
            d.step(ms, 5_000_000L, true, 0);
        }
        assertThat(d.fifoBytes()).isCloseTo(100_000 - 40 * 625, within(1e-6));
        assertThat(d.deliveredBytes()).isCloseTo(1250, within(1e-9));
    }

    @Test
    void busyShaperBelowCapacityHoldsItsQueueAtTheFiveMillisecondTarget() {
        LinkDirection d = tenMbps(250);
        for (long ms = 0; ms < 1000; ms++) {
            d.step(ms, 9_000_000L, true, 0);
        }
        assertThat(d.shaperDelayMs()).isCloseTo(LinkDirection.SHAPER_TARGET_MS, within(1e-9));
        assertThat(d.fifoBytes()).isZero();
        assertThat(d.addedLatencyMs()).isCloseTo(5.0, within(1e-9));
        assertThat(d.deliveredBytes()).isCloseTo(9_000_000 / 8000.0, within(1e-9));
    }

    @Test
    void fullFifoDropsTheExcessAndStaysAtItsSize() {
        LinkDirection d = tenMbps(250);
        for (long ms = 0; ms < 5000; ms++) {
            d.step(ms, 0, true, 0);
        }
        assertThat(d.fifoBytes()).isCloseTo(d.fifoLimitBytes(), within(1e-6));
        assertThat(d.fifoLimitBytes()).isCloseTo(250 * 1250, within(1e-6));
        assertThat(d.fifoDelayMs()).isCloseTo(250, within(1e-6));
        // unshaped greedy flows offer 1.25 x capacity: a fifth of what reaches the FIFO is dropped
        assertThat(d.fifoDropFraction()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void unshapedGreedyTrafficFillsAnEmptyFifoInAboutOneSecond() {
        LinkDirection d = tenMbps(250);
        long ms = 0;
        while (d.fifoBytes() < d.fifoLimitBytes() - 1e-6) {
            d.step(ms++, 0, true, 0);
        }
        assertThat(ms).isBetween(990L, 1010L);
    }

    @Test
    void idleLinkHasNoAddedLatency() {
        LinkDirection d = tenMbps(250);
        for (long ms = 0; ms < 100; ms++) {
            d.step(ms, 8_000_000L, false, 10);
        }
        assertThat(d.addedLatencyMs()).isZero();
        assertThat(d.deliveredBytes()).isCloseTo(10, within(1e-9));
    }
}
