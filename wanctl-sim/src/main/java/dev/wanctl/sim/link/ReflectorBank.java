package dev.wanctl.sim.link;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The reflectors a controller pings, and the probes in flight to them.
 *
 * <p>A probe sent at {@code t} crosses the upload queues at once and the download queues half its
 * base RTT (plus the upload delay) later; its RTT is base + path offset + jitter (+ outlier) +
 * upload added latency at the send time + download added latency at the crossing time. It can be
 * lost at random, when its reflector is down, or when a FIFO it crosses is dropping (with the
 * FIFO's drop fraction). Each probe draws the same number of random values whatever happens to
 * it, so the link's state never shifts the random sequence of a seeded run.
 *
 * <p>What a controller may read is exactly what a real prober knows: per reflector the newest RTT
 * and the time it was received ({@link #newestRttMs}, {@link #newestReceiveNanos}).
 */
public final class ReflectorBank {

    /** Most probes in flight per reflector; older ones are given up as lost. */
    private static final int MAX_IN_FLIGHT = 512;

    private final ReflectorSpec[] specs;
    private final SplittableRandom[] randoms;
    private final boolean[] down;
    private final double[] newestRttMs;
    private final long[] newestReceiveNanos;
    private final long[] sent;
    private final long[] received;
    private final long[] nextEventMs;
    // in-flight probes, [reflector][slot]
    private final int[] inFlight;
    private final long[][] sendMs;
    private final double[][] partialRttMs;
    private final long[][] crossMs;
    private final double[][] dropDraw;
    private final boolean[][] crossed;
    private final double[][] rttMs;
    private final double[] scratch;

    /** Reflectors with independent random streams split from {@code random} in list order. */
    public ReflectorBank(List<ReflectorSpec> reflectors, SplittableRandom random) {
        int n = reflectors.size();
        specs = reflectors.toArray(new ReflectorSpec[0]);
        randoms = new SplittableRandom[n];
        for (int i = 0; i < n; i++) {
            randoms[i] = random.split();
        }
        down = new boolean[n];
        newestRttMs = new double[n];
        newestReceiveNanos = new long[n];
        java.util.Arrays.fill(newestRttMs, Double.NaN);
        java.util.Arrays.fill(newestReceiveNanos, -1L);
        sent = new long[n];
        received = new long[n];
        nextEventMs = new long[n];
        java.util.Arrays.fill(nextEventMs, Long.MAX_VALUE);
        inFlight = new int[n];
        sendMs = new long[n][MAX_IN_FLIGHT];
        partialRttMs = new double[n][MAX_IN_FLIGHT];
        crossMs = new long[n][MAX_IN_FLIGHT];
        dropDraw = new double[n][MAX_IN_FLIGHT];
        crossed = new boolean[n][MAX_IN_FLIGHT];
        rttMs = new double[n][MAX_IN_FLIGHT];
        scratch = new double[n];
    }

    /** Number of reflectors. */
    public int count() {
        return specs.length;
    }

    /** The reflector's name (as a controller's config would list its host). */
    public String name(int i) {
        return specs[i].name();
    }

    /** The newest RTT received from reflector {@code i}, ms; NaN before the first reply. */
    public double newestRttMs(int i) {
        return newestRttMs[i];
    }

    /** When the newest reply from reflector {@code i} arrived (clock nanos); -1 before the first. */
    public long newestReceiveNanos(int i) {
        return newestReceiveNanos[i];
    }

    /** Probes sent to reflector {@code i}. */
    public long sent(int i) {
        return sent[i];
    }

    /** Replies received from reflector {@code i}. */
    public long received(int i) {
        return received[i];
    }

    /** Takes reflector {@code i} down (every probe lost) or brings it back. */
    public void setDown(int i, boolean isDown) {
        down[i] = isDown;
    }

    /**
     * The median of the newest RTTs no older than {@code maxAgeNanos} at {@code nowNanos} (NaN when
     * none is fresh): what the runner records for controllers that do not report their own RTT.
     */
    public double freshMedianRttMs(long nowNanos, long maxAgeNanos) {
        int n = 0;
        for (int i = 0; i < specs.length; i++) {
            if (newestReceiveNanos[i] >= 0 && nowNanos - newestReceiveNanos[i] <= maxAgeNanos) {
                scratch[n++] = newestRttMs[i];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        java.util.Arrays.sort(scratch, 0, n);
        return (n % 2 == 1) ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2;
    }

    /**
     * Advances probes by the millisecond {@code ms}; call after both directions have been stepped
     * for that millisecond.
     *
     * @param pathOffsetMs extra base RTT shared by every reflector now (route change, handover)
     */
    public void step(long ms, LinkDirection up, LinkDirection downlink, double pathOffsetMs) {
        for (int i = 0; i < specs.length; i++) {
            if (ms >= nextEventMs[i]) {
                advanceInFlight(i, ms, downlink);
            }
            ReflectorSpec spec = specs[i];
            long phase = (long) i * spec.intervalMs() / specs.length;
            if (ms >= phase && (ms - phase) % spec.intervalMs() == 0) {
                send(i, ms, up, pathOffsetMs);
            }
        }
    }

    private void send(int i, long ms, LinkDirection up, double pathOffsetMs) {
        ReflectorSpec spec = specs[i];
        SplittableRandom r = randoms[i];
        double lossDraw = r.nextDouble();
        double jitter = spec.jitterMs() * r.nextExponential();
        double outlierDraw = r.nextDouble();
        double outlierScale = 0.5 + r.nextDouble();
        double upDropDraw = r.nextDouble();
        double downDropDraw = r.nextDouble();
        sent[i]++;
        if (down[i] || lossDraw < spec.loss() || upDropDraw < up.probeLossFraction()) {
            return;
        }
        if (inFlight[i] == MAX_IN_FLIGHT) {
            remove(i, 0);
        }
        double base = spec.baseMs() + pathOffsetMs;
        double outlier = outlierDraw < spec.outlierRate() ? spec.outlierMs() * outlierScale : 0;
        double upMs = up.addedLatencyMs();
        int k = inFlight[i]++;
        sendMs[i][k] = ms;
        partialRttMs[i][k] = base + jitter + outlier + upMs;
        crossMs[i][k] = ms + Math.round(base / 2 + upMs);
        dropDraw[i][k] = downDropDraw;
        crossed[i][k] = false;
        nextEventMs[i] = Math.min(nextEventMs[i], crossMs[i][k]);
        if (crossMs[i][k] == ms) {
            nextEventMs[i] = ms + 1;
        }
    }

    private void advanceInFlight(int i, long ms, LinkDirection downlink) {
        long next = Long.MAX_VALUE;
        for (int k = 0; k < inFlight[i]; ) {
            if (!crossed[i][k] && crossMs[i][k] <= ms) {
                if (dropDraw[i][k] < downlink.probeLossFraction()) {
                    remove(i, k);
                    continue;
                }
                crossed[i][k] = true;
                rttMs[i][k] = partialRttMs[i][k] + downlink.addedLatencyMs();
                crossMs[i][k] = sendMs[i][k] + (long) Math.ceil(rttMs[i][k]);
            }
            if (crossed[i][k] && crossMs[i][k] <= ms) {
                double rtt = rttMs[i][k];
                long receive = sendMs[i][k] * 1_000_000L + Math.round(rtt * 1_000_000.0);
                if (receive > newestReceiveNanos[i]) {
                    newestReceiveNanos[i] = receive;
                    newestRttMs[i] = rtt;
                }
                received[i]++;
                remove(i, k);
                continue;
            }
            next = Math.min(next, crossMs[i][k]);
            k++;
        }
        nextEventMs[i] = next;
    }

    private void remove(int i, int k) {
        int last = --inFlight[i];
        sendMs[i][k] = sendMs[i][last];
        partialRttMs[i][k] = partialRttMs[i][last];
        crossMs[i][k] = crossMs[i][last];
        dropDraw[i][k] = dropDraw[i][last];
        crossed[i][k] = crossed[i][last];
        rttMs[i][k] = rttMs[i][last];
    }
}
