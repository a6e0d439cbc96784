package dev.wanctl.core.probe;

/**
 * The RTT a cycle uses from the probe's newest samples: only samples younger than
 * {@code max_sample_age} count. Public: the autorate and steering cycles call it; allocation-free.
 */
public final class FreshRtt {

    private FreshRtt() {
    }

    /** True when the sample exists and was received within {@code maxAgeNanos} before {@code nowNanos}. */
    public static boolean isFresh(double rttMs, long receivedAtNanos, long nowNanos, long maxAgeNanos) {
        return !Double.isNaN(rttMs) && receivedAtNanos != RttProbe.NO_SAMPLE
                && nowNanos - receivedAtNanos <= maxAgeNanos;
    }

    /**
     * The median of the fresh samples (two: their mean; one: it), or NaN when none is fresh.
     * {@code scratch} must be at least as long as {@code rttMs}.
     */
    public static double median(double[] rttMs, long[] receivedAtNanos, long nowNanos, long maxAgeNanos,
            double[] scratch) {
        int n = 0;
        for (int i = 0; i < rttMs.length; i++) {
            if (isFresh(rttMs[i], receivedAtNanos[i], nowNanos, maxAgeNanos)) {
                double v = rttMs[i];
                int j = n++;
                while (j > 0 && scratch[j - 1] > v) { // insertion sort: a handful of reflectors
                    scratch[j] = scratch[j - 1];
                    j--;
                }
                scratch[j] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? scratch[n / 2] : (scratch[n / 2 - 1] + scratch[n / 2]) / 2;
    }

    /** The first reflector's sample when fresh, else NaN (the reference's single-host mode). */
    public static double first(double[] rttMs, long[] receivedAtNanos, long nowNanos, long maxAgeNanos) {
        return isFresh(rttMs[0], receivedAtNanos[0], nowNanos, maxAgeNanos) ? rttMs[0] : Double.NaN;
    }
}
