package dev.wanctl.sim.link;

/**
 * BBR v1 (Linux's {@code tcp_bbr}) for a set of flows, as a fluid model: each flow paces at
 * {@code gain x btlBw}, where btlBw is the most it saw delivered in any of its last
 * {@value #BW_ROUNDS} round trips, and keeps at most {@code cwndGain x btlBw x minRtt} in flight
 * (ACK-clocked: {@code cwnd / rtt} per ms, the RTT including every queue). Losses do not slow it:
 * what a queue drops is sent again within the same window.
 *
 * <p>That is what matters behind a shaper that comes after the ISP's buffer: when the line drops,
 * the flows keep two of the old bandwidth-delay products in flight for ten round trips (over a
 * second once the queue is long), so the ISP's buffer holds {@code cwnd - BDP} whatever the router
 * shapes to, and what the router drops is sent again. Only when the bandwidth filter forgets the
 * old rate (or a PROBE_RTT empties the pipe) does the queue go.
 *
 * <ul>
 *   <li><b>STARTUP</b>: pacing gain {@code 2/ln 2}, the window growing by what is delivered
 *       (from the initial window: it doubles per round, as Linux's {@code bbr_set_cwnd} before the
 *       pipe is full) while under {@code 2/ln 2} BDPs, until btlBw grew by less than 25 % in three
 *       rounds; then <b>DRAIN</b> (pacing gain {@code ln 2 / 2}) until the flow's in-flight bytes
 *       are down to one BDP;</li>
 *   <li><b>PROBE_BW</b>: window gain 2, pacing gain cycling 1.25, 0.75, 1 x 6, a phase lasting
 *       a minimum RTT and ending with a round, each flow starting at its own phase (fixed by its
 *       index: no random draws);</li>
 *   <li><b>PROBE_RTT</b>: when the minimum RTT is {@value #MIN_RTT_WINDOW_MS} ms old, four
 *       segments in flight for {@value #PROBE_RTT_MS} ms and a round, then back; its low
 *       delivery samples (and those of the round after) do not enter the bandwidth filter.</li>
 * </ul>
 * A round is one current RTT; a round's delivery-rate sample is what the flow got delivered in it
 * over its length. A flow's in-flight bytes are what it sent in about the last RTT (a leaky sum
 * with the RTT as its time constant: rate x RTT when steady). Plain arrays, nothing allocated per step.
 */
final class BbrFlows {

    static final int BW_ROUNDS = 10;
    static final double HIGH_GAIN = 2 / Math.log(2);
    static final double CWND_GAIN = 2;
    static final long MIN_RTT_WINDOW_MS = 10_000;
    static final long PROBE_RTT_MS = 200;
    private static final double[] CYCLE = {1.25, 0.75, 1, 1, 1, 1, 1, 1};
    private static final double MIN_CWND_BYTES = 4 * TcpSenders.SEGMENT_BYTES;

    private static final byte STARTUP = 0;
    private static final byte DRAIN = 1;
    private static final byte PROBE_BW = 2;
    private static final byte PROBE_RTT = 3;

    private final byte[] mode;
    private final double[] bwSamples; // n x BW_ROUNDS, bytes per ms
    private final int[] sampleAt;
    private final double[] btlBw;
    private final double[] fullBw;
    private final int[] fullBwRounds;
    private final long[] roundStartMs;
    private final double[] roundDelivered;
    private final double[] minRttMs;
    private final long[] minRttStampMs;
    private final long[] probeRttDoneMs;
    private final int[] cycleIndex;
    private final long[] cycleStartMs;
    private final double[] inflightBytes;
    private final long[] appLimitedUntilMs;
    private final double[] startupCwndBytes;

    BbrFlows(int n) {
        mode = new byte[n];
        bwSamples = new double[n * BW_ROUNDS];
        sampleAt = new int[n];
        btlBw = new double[n];
        fullBw = new double[n];
        fullBwRounds = new int[n];
        roundStartMs = new long[n];
        roundDelivered = new double[n];
        minRttMs = new double[n];
        minRttStampMs = new long[n];
        probeRttDoneMs = new long[n];
        cycleIndex = new int[n];
        cycleStartMs = new long[n];
        inflightBytes = new double[n];
        appLimitedUntilMs = new long[n];
        startupCwndBytes = new double[n];
    }

    /** Flow {@code f} starts afresh at {@code ms}: STARTUP from an initial window of {@code initialBytes}. */
    void start(int f, long ms, double rttMs, double initialBytes) {
        mode[f] = STARTUP;
        java.util.Arrays.fill(bwSamples, f * BW_ROUNDS, (f + 1) * BW_ROUNDS, 0);
        sampleAt[f] = 0;
        btlBw[f] = initialBytes / rttMs;
        fullBw[f] = 0;
        fullBwRounds[f] = 0;
        roundStartMs[f] = ms;
        roundDelivered[f] = 0;
        minRttMs[f] = rttMs;
        minRttStampMs[f] = ms;
        probeRttDoneMs[f] = -1;
        cycleIndex[f] = 0;
        cycleStartMs[f] = ms;
        inflightBytes[f] = 0;
        appLimitedUntilMs[f] = -1;
        startupCwndBytes[f] = initialBytes;
    }

    /**
     * What flow {@code f} sends in millisecond {@code ms}, bytes, at most {@code rwndBytes} in
     * flight; advances its round, its filters and its state first.
     */
    double send(int f, long ms, double rttMs, double rwndBytes) {
        if (rttMs <= minRttMs[f] || ms - minRttStampMs[f] > MIN_RTT_WINDOW_MS && mode[f] != PROBE_RTT) {
            if (rttMs > minRttMs[f] && mode[f] != STARTUP) {
                // the minimum is stale: empty the pipe to see the path's RTT again
                mode[f] = PROBE_RTT;
                probeRttDoneMs[f] = -1;
            }
            minRttMs[f] = rttMs;
            minRttStampMs[f] = ms;
        }
        if (ms - roundStartMs[f] >= rttMs) {
            endRound(f, ms);
        }
        double bdp = btlBw[f] * minRttMs[f];
        double pacingGain;
        double cwnd;
        switch (mode[f]) {
            case STARTUP -> {
                pacingGain = HIGH_GAIN;
                cwnd = startupCwndBytes[f];
            }
            case DRAIN -> {
                pacingGain = 1 / HIGH_GAIN;
                cwnd = HIGH_GAIN * bdp;
                if (inflightBytes[f] <= bdp) {
                    enterProbeBw(f, ms);
                    pacingGain = CYCLE[cycleIndex[f]];
                    cwnd = CWND_GAIN * bdp;
                }
            }
            case PROBE_RTT -> {
                pacingGain = 1;
                cwnd = MIN_CWND_BYTES;
                if (probeRttDoneMs[f] < 0 && inflightBytes[f] <= 1.25 * MIN_CWND_BYTES) {
                    probeRttDoneMs[f] = ms + Math.max(PROBE_RTT_MS, (long) Math.ceil(rttMs));
                }
                if (probeRttDoneMs[f] >= 0 && ms >= probeRttDoneMs[f]) {
                    minRttStampMs[f] = ms;
                    appLimitedUntilMs[f] = ms + (long) Math.ceil(rttMs); // what PROBE_RTT sent is still arriving
                    enterProbeBw(f, ms);
                    pacingGain = CYCLE[cycleIndex[f]];
                    cwnd = CWND_GAIN * bdp;
                }
            }
            default -> {
                pacingGain = CYCLE[cycleIndex[f]];
                cwnd = CWND_GAIN * bdp;
            }
        }
        cwnd = Math.min(rwndBytes, Math.max(MIN_CWND_BYTES, cwnd));
        return Math.min(pacingGain * btlBw[f], cwnd / rttMs);
    }

    /**
     * The millisecond's outcome for flow {@code f}: it sent {@code sentBytes} (after any ACK-clock
     * limit) and got {@code deliveredBytes} delivered.
     */
    void settle(int f, double sentBytes, double deliveredBytes, double rttMs) {
        inflightBytes[f] += sentBytes - inflightBytes[f] / rttMs;
        roundDelivered[f] += deliveredBytes;
        if (mode[f] == STARTUP && startupCwndBytes[f] < HIGH_GAIN * btlBw[f] * minRttMs[f]) {
            // slow start: each delivered byte lets two out, so the window doubles per round
            startupCwndBytes[f] += deliveredBytes;
        }
    }

    /** Flow {@code f}'s bytes in flight (queued or on the wire). */
    double inflightBytes(int f) {
        return inflightBytes[f];
    }

    private void endRound(int f, long ms) {
        double sample = roundDelivered[f] / Math.max(1, ms - roundStartMs[f]);
        if (mode[f] == PROBE_BW && ms - cycleStartMs[f] >= minRttMs[f]) {
            // the next gain phase; a phase is at least a min RTT and ends with a round, so each
            // round's delivery sample sees one gain
            cycleIndex[f] = (cycleIndex[f] + 1) % CYCLE.length;
            cycleStartMs[f] = ms;
        }
        if (mode[f] == PROBE_RTT || ms < appLimitedUntilMs[f]) {
            // Linux ignores PROBE_RTT's low samples (it marks the flow application-limited)
            roundStartMs[f] = ms;
            roundDelivered[f] = 0;
            return;
        }
        bwSamples[f * BW_ROUNDS + sampleAt[f]] = sample;
        sampleAt[f] = (sampleAt[f] + 1) % BW_ROUNDS;
        double max = 0;
        for (int i = f * BW_ROUNDS; i < (f + 1) * BW_ROUNDS; i++) {
            max = Math.max(max, bwSamples[i]);
        }
        if (max > 0) {
            btlBw[f] = max;
        }
        if (mode[f] == STARTUP) {
            if (btlBw[f] >= 1.25 * fullBw[f]) {
                fullBw[f] = btlBw[f];
                fullBwRounds[f] = 0;
            } else if (++fullBwRounds[f] >= 3) {
                mode[f] = DRAIN;
            }
        }
        roundStartMs[f] = ms;
        roundDelivered[f] = 0;
    }

    private void enterProbeBw(int f, long ms) {
        mode[f] = PROBE_BW;
        int phase = (3 * f + 2) % CYCLE.length;
        cycleIndex[f] = phase == 1 ? 2 : phase; // never start in the draining phase
        cycleStartMs[f] = ms;
    }

    /** Whether flow {@code f} is in STARTUP; for tests. */
    boolean inStartup(int f) {
        return mode[f] == STARTUP;
    }

    /** Flow {@code f}'s bandwidth estimate, bytes per ms; for tests. */
    double btlBwBytesPerMs(int f) {
        return btlBw[f];
    }
}
