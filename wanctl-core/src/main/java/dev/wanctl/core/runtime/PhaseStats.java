package dev.wanctl.core.runtime;

import java.util.Arrays;
import java.util.Locale;

/**
 * Timing statistics of one cycle phase over the profiler's window, in milliseconds; public as
 * part of {@link ProfileSnapshot}, which /health serialises.
 *
 * @param phase   the caller's name for the phase
 * @param total   recordings since start
 * @param count   recordings in the window the statistics cover
 */
public record PhaseStats(String phase, long total, int count, double minMs, double meanMs, double p50Ms,
        double p95Ms, double p99Ms, double maxMs) {

    static PhaseStats of(String phase, long total, long[] windowNanos) {
        if (windowNanos.length == 0) {
            return new PhaseStats(phase, total, 0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = windowNanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new PhaseStats(phase, total, sorted.length, ms(sorted[0]), sum / sorted.length / 1e6,
                ms(rank(sorted, 0.50)), ms(rank(sorted, 0.95)), ms(rank(sorted, 0.99)), ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    private static long rank(long[] sorted, double p) {
        int idx = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** {@code control mean=0.012 p50=0.010 p95=0.020 p99=0.031 max=0.250 ms}. */
    String toLogText() {
        return String.format(Locale.ROOT, "%s mean=%.3f p50=%.3f p95=%.3f p99=%.3f max=%.3f ms", phase, meanMs,
                p50Ms, p95Ms, p99Ms, maxMs);
    }
}
