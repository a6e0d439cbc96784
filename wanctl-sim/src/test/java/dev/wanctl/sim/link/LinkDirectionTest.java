package dev.wanctl.sim.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinkDirectionTest {

    private static final double RTT_MS = 20;

    private static CapacitySource mbps(double mbps) {
        return new CapacitySpec.Constant(mbps, 0).create(600_000, new SplittableRandom(1));
    }

    /** A direction of {@code mbps} with a 250 ms ISP FIFO and {@code flows} bulk TCP flows from t = 0. */
    private static LinkDirection bulk(Direction d, double mbps, int flows, ShaperQueue.Setup shaper) {
        TcpSenders senders = new TcpSenders(
                List.of(new TcpSenders.Group(new long[] {0}, new long[] {Long.MAX_VALUE}, flows)), 16 * 1024 * 1024);
        return new LinkDirection(d, mbps(mbps), 250, shaper, senders);
    }

    private static double run(LinkDirection d, long fromMs, long toMs, long shaperBps) {
        double delivered = 0;
        for (long ms = fromMs; ms < toMs; ms++) {
            d.step(ms, shaperBps, 0, 0, RTT_MS);
            delivered += d.deliveredBytes();
        }
        return delivered * 8000.0 / (toMs - fromMs);
    }

    @Test
    void downloadShapedBelowCapacityKeepsTheIspBufferEmptyAndTheShaperNearCoDelsTarget() {
        LinkDirection d = bulk(Direction.DOWNLOAD, 100, 4, ShaperQueue.Setup.CAKE);
        run(d, 0, 10_000, 90_000_000L);
        double maxFifoMs = 0;
        double maxShaperMs = 0;
        double bps = 0;
        for (long ms = 10_000; ms < 30_000; ms++) {
            d.step(ms, 90_000_000L, 0, 0, RTT_MS);
            maxFifoMs = Math.max(maxFifoMs, d.fifoDelayMs());
            maxShaperMs = Math.max(maxShaperMs, d.shaperDelayMs());
            bps += d.deliveredBytes() * 8000.0 / 20_000;
        }
        assertThat(maxFifoMs).isLessThan(1.0);
        assertThat(maxShaperMs).isLessThan(30.0);
        assertThat(bps).isBetween(0.85 * 90e6, 90e6);
    }

    @Test
    void downloadShapedAboveCapacityFillsTheIspBufferAheadOfTheShaper() {
        LinkDirection d = bulk(Direction.DOWNLOAD, 40, 4, ShaperQueue.Setup.CAKE);
        double bps = run(d, 0, 20_000, 90_000_000L);
        assertThat(d.fifoDelayMs()).isGreaterThan(100.0);
        assertThat(d.shaperDelayMs()).isLessThan(1.0);
        // the shaper's byte counter counts what the ISP delivered, never more than the capacity
        assertThat(d.shaperSentTotalBytes() * 8000.0 / 20_000).isLessThanOrEqualTo(40e6 + 1);
        assertThat(bps).isLessThanOrEqualTo(40e6 + 1);
    }

    @Test
    void uploadShapedBelowCapacityKeepsTheModemBufferEmpty() {
        LinkDirection d = bulk(Direction.UPLOAD, 20, 4, ShaperQueue.Setup.CAKE);
        run(d, 0, 20_000, 18_000_000L);
        assertThat(d.fifoDelayMs()).isLessThan(1.0);
        assertThat(d.shaperDelayMs()).isGreaterThan(0.0);
    }

    @Test
    void tcpSendersFillAnUnshapedBufferOverSecondsNotAtOnce() {
        LinkDirection d = bulk(Direction.DOWNLOAD, 100, 4, ShaperQueue.Setup.CAKE);
        long ms = 0;
        while (d.fifoDelayMs() < 200 && ms < 60_000) {
            d.step(ms++, 0, 0, 0, RTT_MS);
        }
        assertThat(ms).isBetween(1_000L, 30_000L);
    }

    @Test
    void unshapedBulkFlowsSawToothInTheIspBufferAndKeepTheLineBusy() {
        LinkDirection d = bulk(Direction.DOWNLOAD, 100, 4, ShaperQueue.Setup.CAKE);
        run(d, 0, 30_000, 0);
        double min = Double.MAX_VALUE;
        double max = 0;
        double bps = 0;
        for (long ms = 30_000; ms < 90_000; ms++) {
            d.step(ms, 0, 0, 0, RTT_MS);
            min = Math.min(min, d.fifoDelayMs());
            max = Math.max(max, d.fifoDelayMs());
            bps += d.deliveredBytes() * 8000.0 / 60_000;
        }
        assertThat(max).isCloseTo(250.0, within(1.0));
        assertThat(min).isBetween(20.0, 200.0);
        assertThat(bps).isGreaterThan(0.95 * 100e6);
    }

    @Test
    void cakeIsolatesAPingFromTheBulkQueueAndAFifoShaperDoesNot() {
        LinkDirection cake = bulk(Direction.UPLOAD, 20, 4, ShaperQueue.Setup.CAKE);
        LinkDirection fifo = bulk(Direction.UPLOAD, 20, 4, new ShaperQueue.Setup(ShaperQueue.Discipline.FIFO, 50));
        double cakeMax = 0;
        double fifoMax = 0;
        for (long ms = 0; ms < 20_000; ms++) {
            cake.step(ms, 15_000_000L, 0, 0, RTT_MS);
            fifo.step(ms, 15_000_000L, 0, 0, RTT_MS);
            if (ms > 5_000) {
                cakeMax = Math.max(cakeMax, cake.addedLatencyMs());
                fifoMax = Math.max(fifoMax, fifo.addedLatencyMs());
            }
        }
        // one 1500-byte packet at 15 Mbit/s is 0.8 ms
        assertThat(cakeMax).isLessThanOrEqualTo(0.8 + 1e-9);
        assertThat(fifoMax).isGreaterThan(20.0);
        assertThat(fifo.addedLatencyMs()).isEqualTo(fifo.bulkLatencyMs());
    }

    @Test
    void aFullFifoLosesProbesWithItsDropFraction() {
        LinkDirection d = new LinkDirection(Direction.DOWNLOAD, mbps(10), 250);
        for (long ms = 0; ms < 5000; ms++) {
            // 12.5 Mbit/s of unresponsive traffic into a 10 Mbit/s FIFO: a fifth is dropped once full
            d.step(ms, 0, 1562.5, 0, RTT_MS);
        }
        assertThat(d.fifoBytes()).isCloseTo(d.fifoLimitBytes(), within(1e-6));
        assertThat(d.probeLossFraction()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void idleLinkHasNoAddedLatency() {
        LinkDirection d = new LinkDirection(Direction.DOWNLOAD, mbps(10), 250);
        for (long ms = 0; ms < 100; ms++) {
            d.step(ms, 8_000_000L, 10, 0, RTT_MS);
        }
        assertThat(d.addedLatencyMs()).isZero();
        assertThat(d.deliveredBytes()).isCloseTo(10, within(1e-9));
    }
}
