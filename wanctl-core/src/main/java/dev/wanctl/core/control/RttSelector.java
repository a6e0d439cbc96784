package dev.wanctl.core.control;

import java.util.Arrays;

/**
 * Picks this cycle's RTT from the newest sample of each reflector: samples younger than the
 * maximum age are fresh; with median-of-three on and three or more reflectors, the median of the
 * fresh ones (two fresh: their mean; one: it); otherwise the first fresh reflector in configured
 * order.
 *
 * <p>When nothing is fresh but some reflector answered within the late horizon (the maximum age
 * plus the reply timeout), its reply is merely late, not lost: the RTT just rose and the next
 * reply is still on its way. Then the same selection runs over those late samples and
 * {@link #lateByMs()} says how much older than the maximum age the youngest of them is (a lower
 * bound on how much the RTT has grown, for laws that use it). NaN only when every reflector has
 * been silent beyond the horizon (measurement lost). Allocation-free.
 */
public final class RttSelector {

    private final boolean median;
    private final long maxAgeNanos;
    private final long lateHorizonNanos;
    private final double[] scratch;
    private double lateByMs;

    /** Without a late horizon: a sample older than {@code maxAgeNanos} is lost (the reference). */
    public RttSelector(int reflectors, boolean medianOfThree, long maxAgeNanos) {
        this(reflectors, medianOfThree, maxAgeNanos, maxAgeNanos);
    }

    /**
     * @param reflectors the number of reflectors that will be passed in
     * @param medianOfThree {@code use_median_of_three}
     * @param maxAgeNanos samples older than this are late
     * @param lateHorizonNanos samples older than this are lost (at least {@code maxAgeNanos})
     */
    public RttSelector(int reflectors, boolean medianOfThree, long maxAgeNanos, long lateHorizonNanos) {
        if (reflectors < 1) {
            throw new IllegalArgumentException("need at least one reflector");
        }
        if (maxAgeNanos <= 0) {
            throw new IllegalArgumentException("maximum sample age must be positive, got " + maxAgeNanos + " ns");
        }
        if (lateHorizonNanos < maxAgeNanos) {
            throw new IllegalArgumentException("late horizon (" + lateHorizonNanos + " ns) must not be below the"
                    + " maximum sample age (" + maxAgeNanos + " ns)");
        }
        this.median = medianOfThree && reflectors >= 3;
        this.maxAgeNanos = maxAgeNanos;
        this.lateHorizonNanos = lateHorizonNanos;
        this.scratch = new double[reflectors];
    }

    /**
     * @param rttMs newest RTT per reflector in ms (NaN when none yet)
     * @param receivedAtNanos when each was received, on the same clock as {@code nowNanos}
     */
    public double select(double[] rttMs, long[] receivedAtNanos, long nowNanos) {
        lateByMs = 0;
        double r = pick(rttMs, receivedAtNanos, nowNanos, maxAgeNanos);
        if (!Double.isNaN(r) || lateHorizonNanos == maxAgeNanos) {
            return r;
        }
        r = pick(rttMs, receivedAtNanos, nowNanos, lateHorizonNanos);
        if (!Double.isNaN(r)) {
            long youngest = Long.MAX_VALUE;
            int n = Math.min(scratch.length, rttMs.length);
            for (int i = 0; i < n; i++) {
                long age = nowNanos - receivedAtNanos[i];
                if (rttMs[i] >= 0 && receivedAtNanos[i] != Long.MIN_VALUE && age <= lateHorizonNanos) {
                    youngest = Math.min(youngest, age);
                }
            }
            lateByMs = (youngest - maxAgeNanos) / 1e6;
        }
        return r;
    }

    /** 0 when the last selection was fresh; else how late (ms beyond the maximum age) its samples were. */
    public double lateByMs() {
        return lateByMs;
    }

    /** Whether the last selection used late samples. */
    public boolean late() {
        return lateByMs > 0;
    }

    private double pick(double[] rttMs, long[] receivedAtNanos, long nowNanos, long ageNanos) {
        int n = Math.min(scratch.length, rttMs.length);
        int fresh = 0;
        for (int i = 0; i < n; i++) {
            double r = rttMs[i];
            if (r >= 0 && receivedAtNanos[i] != Long.MIN_VALUE && nowNanos - receivedAtNanos[i] <= ageNanos) {
                if (!median) {
                    return r;
                }
                scratch[fresh++] = r;
            }
        }
        if (fresh == 0) {
            return Double.NaN;
        }
        Arrays.sort(scratch, 0, fresh);
        int mid = fresh / 2;
        return (fresh & 1) == 1 ? scratch[mid] : (scratch[mid - 1] + scratch[mid]) / 2;
    }
}
