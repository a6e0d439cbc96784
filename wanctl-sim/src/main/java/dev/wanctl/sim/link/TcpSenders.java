package dev.wanctl.sim.link;

import java.util.List;

/**
 * The saturating TCP flows of one direction, as a fluid model: each flow sends its congestion
 * window per round trip ({@code min(cwnd, rwnd) / rtt} bytes per ms), so a queue that grows
 * lengthens the RTT and slows the senders, as ACK clocking does. Per flow:
 *
 * <ul>
 *   <li><b>slow start</b> from an initial window of {@value #INITIAL_SEGMENTS} segments, doubling
 *       per RTT, left on the first loss or when the RTT rises above its minimum by
 *       {@code clamp(minRtt / 8, 4 ms, 16 ms)} (Linux's HyStart delay test);</li>
 *   <li><b>loss-driven multiplicative decrease</b>: a drop in a queue the flow crosses is seen by
 *       its sender one RTT later, which then cuts the window by {@value #BETA} (CUBIC's beta),
 *       once per loss episode (drops within one RTT of a cut belong to it);</li>
 *   <li><b>CUBIC growth</b> after a cut: {@code W(t) = C (t - K)^3 + Wmax} segments with
 *       C = {@value #CUBIC_C}, fast convergence, and the TCP-friendly floor of RFC 8312; the window
 *       moves toward W(t) by at most half a window per RTT;</li>
 *   <li>a receive-window cap ({@code rwnd}), and a fresh start (slow start again) at the start of
 *       every on-period of its traffic entry (a new download, a new page load).</li>
 * </ul>
 *
 * <p>That is CUBIC, Linux's default. With {@link SenderSetup.Congestion#BBR} the flows run BBR v1
 * instead ({@link BbrFlows}: paced at their windowed-max delivery rate, two BDPs in flight, losses
 * only sent again); schedule, ACK clocking and the receive window are the same.
 *
 * <p>Drops are shared out to flows in proportion to what each sent in that millisecond; a flow
 * sees a loss once its share reaches one segment. An AQM drop (CoDel in the shaper) hits the
 * flow sending most, as CAKE's fattest-flow queue would. Everything is deterministic: no random
 * draws. Plain arrays, nothing allocated per step.
 */
public final class TcpSenders {

    /** Segment size, bytes (one packet on the wire). */
    public static final double SEGMENT_BYTES = 1500;
    static final int INITIAL_SEGMENTS = 10;
    static final double BETA = 0.7;
    static final double CUBIC_C = 0.4;
    private static final double LN2 = Math.log(2);
    private static final double TCP_FRIENDLY_SLOPE = 3 * (1 - BETA) / (1 + BETA);

    /** One traffic entry's on-periods and how many flows it runs. */
    public record Group(long[] startMs, long[] endMs, int flows) {
    }

    private final double rwndBytes;
    private final long startDelayMs;
    private final BbrFlows bbr;
    // groups
    private final long[][] starts;
    private final long[][] ends;
    private final int[] cursor;
    private final int[] firstFlow;
    private final int[] flowCount;
    private final boolean[] groupOn;
    // flows
    private final int n;
    private final boolean[] active;
    private final boolean[] slowStart;
    private final double[] cwnd;
    private final double[] wMaxSeg;
    private final double[] wLastMaxSeg;
    private final double[] kSec;
    private final long[] epochMs;
    private final double[] minRttMs;
    private final long[] lossSeenAtMs;
    private final long[] recoveryUntilMs;
    private final double[] sentBytes;
    private final double[] dropShare;
    private int activeFlows;

    /** CUBIC flows. */
    public TcpSenders(List<Group> groups, double rwndBytes) {
        this(groups, rwndBytes, SenderSetup.Congestion.CUBIC, 0);
    }

    /**
     * @param groups the traffic entries with saturating flows in this direction
     * @param rwndBytes the receiver's window, the most a flow keeps in flight
     * @param congestion the flows' congestion control
     * @param startDelayMs from an on-period's start to the flows' first byte (connection set-up)
     */
    public TcpSenders(List<Group> groups, double rwndBytes, SenderSetup.Congestion congestion, long startDelayMs) {
        if (!(rwndBytes >= 2 * SEGMENT_BYTES)) {
            throw new IllegalArgumentException("receive window must be at least two segments, got " + rwndBytes + " bytes");
        }
        this.rwndBytes = rwndBytes;
        this.startDelayMs = startDelayMs;
        int g = groups.size();
        starts = new long[g][];
        ends = new long[g][];
        cursor = new int[g];
        firstFlow = new int[g];
        flowCount = new int[g];
        groupOn = new boolean[g];
        int total = 0;
        for (int i = 0; i < g; i++) {
            Group group = groups.get(i);
            if (group.flows() < 1) {
                throw new IllegalArgumentException("a traffic entry needs at least one flow, got " + group.flows());
            }
            starts[i] = group.startMs().clone();
            ends[i] = group.endMs().clone();
            firstFlow[i] = total;
            flowCount[i] = group.flows();
            total += group.flows();
        }
        n = total;
        active = new boolean[n];
        slowStart = new boolean[n];
        cwnd = new double[n];
        wMaxSeg = new double[n];
        wLastMaxSeg = new double[n];
        kSec = new double[n];
        epochMs = new long[n];
        minRttMs = new double[n];
        lossSeenAtMs = new long[n];
        recoveryUntilMs = new long[n];
        sentBytes = new double[n];
        dropShare = new double[n];
        bbr = congestion == SenderSetup.Congestion.BBR ? new BbrFlows(n) : null;
    }

    /** No saturating flows at all. */
    public static TcpSenders none() {
        return new TcpSenders(List.of(), 64 * SEGMENT_BYTES);
    }

    /**
     * What the flows send in millisecond {@code ms}, bytes: starts and stops flows by their
     * schedule, applies losses their senders see now, grows the windows.
     *
     * @param rttMs the flows' round trip now (base plus every queue they and their ACKs cross)
     */
    public double offer(long ms, double rttMs) {
        for (int g = 0; g < starts.length; g++) {
            long[] s = starts[g];
            long[] e = ends[g];
            int c = cursor[g];
            while (c < s.length && e[c] <= ms) {
                c++;
            }
            cursor[g] = c;
            boolean on = c < s.length && s[c] + startDelayMs <= ms;
            if (on && (!groupOn[g] || s[c] + startDelayMs == ms)) {
                for (int f = firstFlow[g]; f < firstFlow[g] + flowCount[g]; f++) {
                    start(f, ms, rttMs);
                }
            } else if (!on && groupOn[g]) {
                for (int f = firstFlow[g]; f < firstFlow[g] + flowCount[g]; f++) {
                    active[f] = false;
                    sentBytes[f] = 0;
                }
            }
            groupOn[g] = on;
        }
        double total = 0;
        int count = 0;
        for (int f = 0; f < n; f++) {
            if (!active[f]) {
                continue;
            }
            count++;
            if (bbr != null) {
                double bytes = bbr.send(f, ms, rttMs, rwndBytes);
                sentBytes[f] = bytes;
                total += bytes;
                continue;
            }
            if (lossSeenAtMs[f] >= 0 && ms >= lossSeenAtMs[f]) {
                cut(f, ms, rttMs);
            }
            grow(f, ms, rttMs);
            double bytes = Math.min(cwnd[f], rwndBytes) / rttMs;
            sentBytes[f] = bytes;
            total += bytes;
        }
        activeFlows = count;
        return total;
    }

    private void start(int f, long ms, double rttMs) {
        if (bbr != null) {
            bbr.start(f, ms, rttMs, INITIAL_SEGMENTS * SEGMENT_BYTES);
        }
        active[f] = true;
        slowStart[f] = true;
        cwnd[f] = INITIAL_SEGMENTS * SEGMENT_BYTES;
        wMaxSeg[f] = 0;
        wLastMaxSeg[f] = 0;
        kSec[f] = 0;
        epochMs[f] = 0;
        minRttMs[f] = Double.POSITIVE_INFINITY;
        lossSeenAtMs[f] = -1;
        recoveryUntilMs[f] = -1;
        sentBytes[f] = 0;
        dropShare[f] = 0;
    }

    private void grow(int f, long ms, double rttMs) {
        if (rttMs < minRttMs[f]) {
            minRttMs[f] = rttMs;
        }
        if (slowStart[f]) {
            cwnd[f] = Math.min(rwndBytes, cwnd[f] * (1 + LN2 / rttMs));
            double rise = Math.min(16, Math.max(4, minRttMs[f] / 8));
            if (cwnd[f] >= 16 * SEGMENT_BYTES && rttMs > minRttMs[f] + rise) {
                // HyStart: leave slow start at the window that filled the pipe, grow cubically from it
                slowStart[f] = false;
                epochMs[f] = ms;
                wMaxSeg[f] = cwnd[f] / SEGMENT_BYTES;
                kSec[f] = 0;
            }
            return;
        }
        double t = (ms - epochMs[f]) / 1000.0;
        double d = t - kSec[f];
        double target = CUBIC_C * d * d * d + wMaxSeg[f];
        double friendly = wMaxSeg[f] * BETA + TCP_FRIENDLY_SLOPE * (ms - epochMs[f]) / rttMs;
        target = Math.max(target, friendly);
        double current = cwnd[f] / SEGMENT_BYTES;
        double step = target > current ? Math.min(target - current, 0.5 * current) : 0.01 * current;
        cwnd[f] = Math.min(rwndBytes, (current + step / rttMs) * SEGMENT_BYTES);
    }

    private void cut(int f, long ms, double rttMs) {
        double current = cwnd[f] / SEGMENT_BYTES;
        wMaxSeg[f] = current < wLastMaxSeg[f] ? current * (1 + BETA) / 2 : current;
        wLastMaxSeg[f] = current;
        cwnd[f] = Math.max(2 * SEGMENT_BYTES, cwnd[f] * BETA);
        kSec[f] = Math.cbrt(Math.max(0, wMaxSeg[f] - cwnd[f] / SEGMENT_BYTES) / CUBIC_C);
        slowStart[f] = false;
        epochMs[f] = ms;
        lossSeenAtMs[f] = -1;
        recoveryUntilMs[f] = ms + (long) Math.ceil(rttMs);
    }

    private void lose(int f, long ms, double rttMs) {
        if (lossSeenAtMs[f] < 0 && ms >= recoveryUntilMs[f]) {
            lossSeenAtMs[f] = ms + (long) Math.ceil(rttMs);
        }
    }

    /**
     * A fraction of everything that entered the queues this millisecond was dropped: each flow
     * loses its share, and sees a loss once its share reaches a segment.
     */
    public void dropped(long ms, double fraction, double rttMs) {
        if (!(fraction > 0)) {
            return;
        }
        if (bbr != null) {
            return; // BBR sends a loss again within its window and does not slow down for it
        }
        for (int f = 0; f < n; f++) {
            if (active[f]) {
                dropShare[f] += sentBytes[f] * fraction;
                if (dropShare[f] >= SEGMENT_BYTES) {
                    dropShare[f] = 0;
                    lose(f, ms, rttMs);
                }
            }
        }
    }

    /** The AQM dropped one packet: of the flow sending most (ties: the first). */
    public void aqmDrop(long ms, double rttMs) {
        int fattest = -1;
        for (int f = 0; f < n; f++) {
            if (active[f] && (fattest < 0 || sentBytes[f] > sentBytes[fattest])) {
                fattest = f;
            }
        }
        if (fattest >= 0 && bbr == null) {
            lose(fattest, ms, rttMs);
        }
    }

    /**
     * What the flows got delivered to their receivers this millisecond, bytes, called once per
     * millisecond after the queues: shared out in proportion to what each has in flight (BBR's
     * delivery-rate samples; CUBIC needs none).
     */
    public void delivered(double bytes, double rttMs) {
        if (bbr == null) {
            return;
        }
        double flight = 0;
        for (int f = 0; f < n; f++) {
            if (active[f]) {
                flight += bbr.inflightBytes(f);
            }
        }
        for (int f = 0; f < n; f++) {
            if (active[f]) {
                double share = flight > 0 ? bbr.inflightBytes(f) / flight : 1.0 / Math.max(1, activeFlows);
                bbr.settle(f, sentBytes[f], bytes > 0 ? bytes * share : 0, rttMs);
            }
        }
    }

    /**
     * Scales what the flows send this millisecond by {@code factor} (< 1): their ACKs cannot come
     * back faster than the reverse direction carries them (ACK clocking). Windows stay as they are.
     *
     * @return the bytes they send now
     */
    public double ackClock(double factor) {
        double total = 0;
        for (int f = 0; f < n; f++) {
            if (active[f]) {
                sentBytes[f] *= factor;
                total += sentBytes[f];
            }
        }
        return total;
    }

    /** Flows sending now. */
    public int activeFlows() {
        return activeFlows;
    }

    /** Sum of the active flows' windows, bytes (what they keep in flight and queued). */
    public double windowBytes() {
        double sum = 0;
        for (int f = 0; f < n; f++) {
            if (active[f]) {
                sum += bbr != null ? bbr.inflightBytes(f) : Math.min(cwnd[f], rwndBytes);
            }
        }
        return sum;
    }

    /** Whether flow {@code f} (in schedule order) is in slow start; for tests. */
    boolean inSlowStart(int f) {
        return bbr != null ? bbr.inStartup(f) : slowStart[f];
    }
}
