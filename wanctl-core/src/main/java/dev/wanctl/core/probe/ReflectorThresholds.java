package dev.wanctl.core.probe;

/**
 * When a reflector counts as unhealthy; public so that a configuration can tune it.
 *
 * @param windowSamples           echoes per reflector that loss and minimum RTT are judged over
 * @param noReplyAfter            consecutive timeouts that make a reflector NO_REPLY
 * @param recoverAfterReplies     consecutive replies that end NO_REPLY
 * @param maxLossRatio            loss over a full window above which it is LOSSY (recovers below half)
 * @param outlierFactor           OUTLIER when its recent minimum RTT exceeds this many times the
 *                                others' median ...
 * @param outlierExcessMs         ... and also exceeds it by this many ms (recovers below 80 % of both)
 * @param replaceCooldownNanos    at most one replacement per slot in this time, so a bad set of
 *                                spares does not churn
 */
public record ReflectorThresholds(int windowSamples, int noReplyAfter, int recoverAfterReplies,
        double maxLossRatio, double outlierFactor, double outlierExcessMs, long replaceCooldownNanos) {

    static final double OUTLIER_RECOVERY = 0.8;

    /** Validates. */
    public ReflectorThresholds {
        if (windowSamples < 2 || noReplyAfter < 1 || recoverAfterReplies < 1) {
            throw new IllegalArgumentException("reflector health: window >= 2 and counts >= 1 required");
        }
        if (maxLossRatio <= 0 || maxLossRatio > 1 || outlierFactor <= 1 || outlierExcessMs < 0) {
            throw new IllegalArgumentException("reflector health: loss ratio in (0, 1], outlier factor > 1, "
                    + "excess >= 0 required");
        }
    }

    /**
     * Defaults for echoes every {@code intervalNanos}: a 10 s window, NO_REPLY after 2 s of
     * silence, back after 0.5 s of replies, LOSSY above 50 %, OUTLIER when more than 2x and 30 ms
     * above the others, at most one replacement per slot per minute.
     */
    public static ReflectorThresholds defaults(long intervalNanos) {
        return new ReflectorThresholds(samples(10_000, intervalNanos, 2), samples(2_000, intervalNanos, 1),
                samples(500, intervalNanos, 1), 0.5, 2.0, 30.0, 60_000_000_000L);
    }

    private static int samples(long millis, long intervalNanos, int min) {
        return (int) Math.max(min, Math.min(100_000, millis * 1_000_000L / intervalNanos));
    }
}
