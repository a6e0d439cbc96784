package dev.wanctl.core.control;

/**
 * The primary WAN's congestion as steering sees it: RED only when delay, CAKE drops and backlog
 * agree (delay alone is not worth moving calls for), YELLOW when delay or backlog alone is up,
 * GREEN otherwise. The legacy (non CAKE-aware) mode looks at the RTT delta alone, with a band
 * between its degraded and recovered thresholds that counts as YELLOW.
 */
public final class SteeringAssessor {

    /** Parameters; see {@code thresholds.*} of the steering config. */
    public record Params(
            boolean cakeAware,
            double yellowRttMs,
            double redRttMs,
            long minDropsRed,
            long minQueueYellow,
            long minQueueRed,
            double badThresholdMs,
            double recoveryThresholdMs) {

        public Params {
            if (cakeAware && redRttMs < yellowRttMs) {
                throw new IllegalArgumentException("red_rtt_ms (" + redRttMs + ") must be >= yellow_rtt_ms ("
                        + yellowRttMs + ")");
            }
            if (!cakeAware && recoveryThresholdMs > badThresholdMs) {
                throw new IllegalArgumentException("recovery_threshold_ms must not be above bad_threshold_ms");
            }
        }
    }

    private final Params p;

    public SteeringAssessor(Params params) {
        this.p = params;
    }

    /**
     * @param rttEwmaMs smoothed RTT delta over the baseline
     * @param rawDeltaMs this cycle's RTT delta (legacy mode)
     * @param drops CAKE drops since the previous stats reading
     * @param queuedPackets CAKE backlog now
     */
    public Zone assess(double rttEwmaMs, double rawDeltaMs, long drops, long queuedPackets) {
        if (!p.cakeAware()) {
            if (rawDeltaMs > p.badThresholdMs()) {
                return Zone.RED;
            }
            return rawDeltaMs < p.recoveryThresholdMs() ? Zone.GREEN : Zone.YELLOW;
        }
        if (rttEwmaMs > p.redRttMs() && drops >= p.minDropsRed() && queuedPackets >= p.minQueueRed()) {
            return Zone.RED;
        }
        if (rttEwmaMs > p.yellowRttMs() || queuedPackets >= p.minQueueYellow()) {
            return Zone.YELLOW;
        }
        return Zone.GREEN;
    }
}
