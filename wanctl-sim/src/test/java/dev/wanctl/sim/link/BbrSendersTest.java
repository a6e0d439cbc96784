package dev.wanctl.sim.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** BBR v1 senders against CUBIC ones on the same download: what a user would see in the queues. */
class BbrSendersTest {

    private static final double RTT_MS = 21;
    /** The download starts here, so that its first PROBE_RTT (ten seconds on) comes after the drop. */
    private static final long START_MS = 3_000;

    /** 100 Mbit/s falling to 40 % at 10 s; a 250 ms ISP buffer; a 5 ms FIFO shaper behind it. */
    private static LinkDirection download(SenderSetup.Congestion cc, int flows) {
        return download(cc, flows, 10_000);
    }

    private static LinkDirection download(SenderSetup.Congestion cc, int flows, long dropAtMs) {
        CapacitySource line = new CapacitySpec.Dips(100, 0, List.of(new CapacitySpec.Dip(dropAtMs, 20_000, 0.4)))
                .create(dropAtMs + 30_000, new SplittableRandom(1));
        TcpSenders senders = new TcpSenders(
                List.of(new TcpSenders.Group(new long[] {START_MS}, new long[] {Long.MAX_VALUE}, flows)), 3 * 1024 * 1024, cc, 0);
        return new LinkDirection(Direction.DOWNLOAD, line, 250, new ShaperQueue.Setup(ShaperQueue.Discipline.FIFO, 5),
                senders);
    }

    /** Steps {@code d} from {@code fromMs} to {@code toMs} at {@code shaperBps}; returns the largest ISP delay seen. */
    private static double run(LinkDirection d, long fromMs, long toMs, long shaperBps) {
        double max = 0;
        for (long ms = fromMs; ms < toMs; ms++) {
            d.step(ms, shaperBps, 0, 0, RTT_MS);
            max = Math.max(max, d.fifoDelayMs());
        }
        return max;
    }

    @Test
    void shapedBelowTheLineBbrKeepsTheIspBufferEmptyAndGetsTheShapersRate() {
        LinkDirection d = download(SenderSetup.Congestion.BBR, 4);
        run(d, 0, 6_000, 80_000_000L);
        double delivered = 0;
        for (long ms = 6_000; ms < 9_000; ms++) {
            d.step(ms, 80_000_000L, 0, 0, RTT_MS);
            delivered += d.deliveredBytes();
        }
        assertThat(d.fifoDelayMs()).isLessThan(5.0);
        assertThat(delivered * 8000 / 3_000).isBetween(0.95 * 80e6, 80e6 + 1);
    }

    @Test
    void unshapedBbrKeepsAboutOneBdpQueuedWhereCubicFillsTheBuffer() {
        LinkDirection bbr = download(SenderSetup.Congestion.BBR, 4, 60_000);
        LinkDirection cubic = download(SenderSetup.Congestion.CUBIC, 4, 60_000);
        run(bbr, 0, 6_000, 0);
        run(cubic, 0, 6_000, 0);
        double bbrMax = run(bbr, 6_000, 40_000, 0);
        double cubicMax = run(cubic, 6_000, 40_000, 0);
        assertThat(bbrMax).isBetween(5.0, 2.5 * RTT_MS); // two BDPs in flight: about one queued
        assertThat(cubicMax).isGreaterThan(150.0);
    }

    @Test
    void afterTheLineDropsBbrHoldsTheIspQueueForRoundTripsEvenWithTheShaperCutBelowTheLine() {
        LinkDirection bbr = download(SenderSetup.Congestion.BBR, 4);
        LinkDirection cubic = download(SenderSetup.Congestion.CUBIC, 4);
        for (LinkDirection d : List.of(bbr, cubic)) {
            run(d, 0, 10_000, 90_000_000L); // above the 40 Mbit/s to come: the drop fills the ISP buffer
            run(d, 10_000, 10_300, 90_000_000L);
        }
        // the router cuts to 30 Mbit/s, under the line: CUBIC loses at the shaper and backs off,
        // BBR sends the losses again at its remembered rate and keeps cwnd - BDP in the ISP buffer
        run(bbr, 10_300, 10_800, 30_000_000L);
        run(cubic, 10_300, 10_800, 30_000_000L);
        assertThat(bbr.fifoDelayMs()).isGreaterThan(40.0);
        assertThat(cubic.fifoDelayMs()).isLessThan(10.0);
        // ten round trips later the bandwidth filter has forgotten the old rate and the queue is gone
        run(bbr, 10_800, 13_000, 30_000_000L);
        assertThat(bbr.fifoDelayMs()).isLessThan(10.0);
    }

    @Test
    void bbrIsDeterministic() {
        LinkDirection a = download(SenderSetup.Congestion.BBR, 3);
        LinkDirection b = download(SenderSetup.Congestion.BBR, 3);
        for (long ms = 0; ms < 20_000; ms++) {
            a.step(ms, 50_000_000L, 0, 0, RTT_MS);
            b.step(ms, 50_000_000L, 0, 0, RTT_MS);
            assertThat(a.deliveredBytes()).isEqualTo(b.deliveredBytes());
        }
    }

    @Test
    void unshapedBbrKeepsTheLineBusyAcrossItsProbeRttsEveryTenSeconds() {
        LinkDirection d = download(SenderSetup.Congestion.BBR, 4, 120_000);
        run(d, 0, 10_000, 0);
        double delivered = 0;
        for (long ms = 10_000; ms < 60_000; ms++) { // five PROBE_RTTs
            d.step(ms, 0, 0, 0, RTT_MS);
            delivered += d.deliveredBytes();
        }
        assertThat(delivered * 8000 / 50_000).isGreaterThan(0.93 * 100e6);
    }

    @Test
    void aBbrFlowStartsFromTenSegmentsAndAtMostDoublesPerRoundInStartup() {
        // one flow on a path with no queue: what it sends comes back delivered one RTT later
        int rtt = (int) RTT_MS;
        TcpSenders s = new TcpSenders(List.of(new TcpSenders.Group(new long[] {0}, new long[] {Long.MAX_VALUE}, 1)),
                64 * 1024 * 1024, SenderSetup.Congestion.BBR, 0);
        int rounds = 7;
        double[] sent = new double[rounds * rtt];
        for (int ms = 0; ms < sent.length; ms++) {
            sent[ms] = s.offer(ms, RTT_MS);
            s.delivered(ms >= rtt ? sent[ms - rtt] : 0, RTT_MS);
        }
        double[] round = new double[rounds];
        for (int ms = 0; ms < sent.length; ms++) {
            round[ms / rtt] += sent[ms];
        }
        assertThat(round[0]).isCloseTo(TcpSenders.INITIAL_SEGMENTS * TcpSenders.SEGMENT_BYTES,
                withPercentage(5));
        for (int r = 1; r < rounds; r++) {
            assertThat(round[r] / round[r - 1]).as("round %d over round %d", r, r - 1).isBetween(1.4, 2.05);
        }
        assertThat(s.inSlowStart(0)).isTrue();
    }
}
