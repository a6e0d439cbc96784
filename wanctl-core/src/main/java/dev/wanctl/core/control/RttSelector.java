package dev.wanctl.core.control;

import java.util.Arrays;

/**
 * Picks this cycle's RTT from the newest sample of each reflector: only samples younger than the
 * maximum age count; with median-of-three on and three or more reflectors, the median of the
 * fresh ones (two fresh: their mean; one: it); otherwise the first fresh reflector in configured
 * order. NaN when nothing is fresh (measurement lost). Allocation-free.
 */
public final class RttSelector {

    private final boolean median;
    private final long maxAgeNanos;
    private final double[] scratch;

    /**
     * @param reflectors the number of reflectors that will be passed in
     * @param medianOfThree {@code use_median_of_three}
     * @param maxAgeNanos samples older than this are stale
     */
    public RttSelector(int reflectors, boolean medianOfThree, long maxAgeNanos) {
        if (reflectors < 1) {
            throw new IllegalArgumentException("need at least one reflector");
        }
        if (maxAgeNanos <= 0) {
            throw new IllegalArgumentException("maximum sample age must be positive, got " + maxAgeNanos + " ns");
        }
        this.median = medianOfThree && reflectors >= 3;
        this.maxAgeNanos = maxAgeNanos;
        this.scratch = new double[reflectors];
    }

    /**
     * @param rttMs newest RTT per reflector in ms (NaN when none yet)
     * @param receivedAtNanos when each was received, on the same clock as {@code nowNanos}
     */
    public double select(double[] rttMs, long[] receivedAtNanos, long nowNanos) {
        int n = Math.min(scratch.length, rttMs.length);
        int fresh = 0;
        for (int i = 0; i < n; i++) {
            double r = rttMs[i];
            if (r >= 0 && nowNanos - receivedAtNanos[i] <= maxAgeNanos) {
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
