package dev.wanctl.sim.scorecard;

/**
 * Added-latency samples in 0.1 ms bins up to 10 s (longer ones land in the last bin), so a whole
 * run's percentiles cost one array and nothing per sample. Percentiles are nearest-rank and
 * reported as the bin's lower edge, so the same samples always give the same numbers.
 */
final class LatencyHistogram {

    private static final int BINS_PER_MS = 10;
    private static final int BINS = 10_000 * BINS_PER_MS + 1;

    private final int[] counts = new int[BINS];
    private long total;
    private double sumMs;

    void add(double ms) {
        int bin = (int) Math.min(BINS - 1, Math.max(0, Math.floor(ms * BINS_PER_MS + 1e-9)));
        counts[bin]++;
        total++;
        sumMs += ms;
    }

    long count() {
        return total;
    }

    /** Mean of the samples, ms; NaN when empty. */
    double meanMs() {
        return total == 0 ? Double.NaN : sumMs / total;
    }

    /** The {@code p}-th percentile (0 < p <= 100), ms; NaN when empty. */
    double percentileMs(double p) {
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BINS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return (double) i / BINS_PER_MS;
            }
        }
        return (double) (BINS - 1) / BINS_PER_MS;
    }
}
