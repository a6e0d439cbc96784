package dev.wanctl.core.control;

/**
 * The reference implementation's confidence scoring for steering: a 0 to 100 score from the
 * congestion state, RTT delta, drop trend, sustained backlog and (optionally) the primary's
 * autorate zone; steering after the score stays at or above the threshold for a sustain time,
 * recovery after a hold-down once the score and the signals stay low for another sustain time.
 *
 * <p>Fixed here compared with the reference: timers run on elapsed time (the reference stepped
 * a fixed 0.05 s per cycle whatever the interval), and the flap penalty does raise the steer
 * threshold (the reference computed and discarded it). Time is passed in (monotonic ns).
 */
public final class ConfidenceScorer {

    /** Points of each contribution (the reference's values). */
    static final int RED_POINTS = 50;
    static final int SOFT_RED_SUSTAINED_POINTS = 25;
    static final int YELLOW_POINTS = 10;
    static final int RTT_HIGH_POINTS = 15;
    static final int RTT_SEVERE_POINTS = 25;
    static final int DROPS_RISING_POINTS = 10;
    static final int QUEUE_SUSTAINED_POINTS = 10;
    static final double RTT_HIGH_MS = 80;
    static final double RTT_SEVERE_MS = 120;
    static final long QUEUE_HIGH_PACKETS = 50;
    static final double RECOVERY_MAX_DELTA_MS = 10;
    private static final int FLAP_HISTORY = 20;

    /** Parameters from {@code confidence.*} and {@code wan_state.*}; durations in ns. */
    public record Params(
            int steerThreshold,
            int recoveryThreshold,
            long sustainNanos,
            long recoverySustainNanos,
            long holdDownNanos,
            boolean flapDetection,
            long flapWindowNanos,
            int maxToggles,
            long penaltyNanos,
            int penaltyThresholdAdd,
            boolean wanStateEnabled,
            int redWeight,
            boolean wanOverride,
            long wanStalenessNanos,
            long gracePeriodNanos) {

        public Params {
            if (recoveryThreshold >= steerThreshold) {
                throw new IllegalArgumentException("recovery_threshold must be below steer_threshold");
            }
        }
    }

    /** What confidence scoring decides this cycle. */
    public enum Decision {
        NONE,
        ENABLE_STEERING,
        DISABLE_STEERING
    }

    private final Params p;
    private final long startNanos;
    private final long[] drops = new long[3];
    private final long[] queue = new long[2];
    private final Zone[] states = new Zone[3];
    private int samples;
    private long degradeSince = Long.MIN_VALUE;
    private long recoverSince = Long.MIN_VALUE;
    private long holdDownUntil = Long.MIN_VALUE;
    private long penaltyUntil = Long.MIN_VALUE;
    private final long[] toggles = new long[FLAP_HISTORY];
    private int toggleCount;
    private int toggleNext;
    private int score;

    public ConfidenceScorer(Params params, long startNanos) {
        this.p = params;
        this.startNanos = startNanos;
    }

    /**
     * One cycle.
     *
     * @param degraded whether steering is currently on
     * @param state this cycle's congestion assessment
     * @param rawDeltaMs this cycle's RTT delta over the baseline
     * @param dropsNow CAKE drops since the previous stats reading
     * @param queuedPackets CAKE backlog now
     * @param wanZone the primary autorate's download zone, or null when unknown
     * @param wanZoneAgeNanos how old that zone is
     */
    public Decision update(long now, boolean degraded, Zone state, double rawDeltaMs, long dropsNow,
            long queuedPackets, Zone wanZone, long wanZoneAgeNanos) {
        push(state, dropsNow, queuedPackets);
        Zone wan = effectiveWanZone(now, wanZone, wanZoneAgeNanos);
        score = score(state, rawDeltaMs, wan);
        if (!degraded) {
            recoverSince = Long.MIN_VALUE;
            if (score >= steerThreshold(now)) {
                if (degradeSince == Long.MIN_VALUE) {
                    degradeSince = now;
                }
                if (now - degradeSince >= p.sustainNanos()) {
                    degradeSince = Long.MIN_VALUE;
                    return Decision.ENABLE_STEERING;
                }
            } else {
                degradeSince = Long.MIN_VALUE;
            }
            return Decision.NONE;
        }
        degradeSince = Long.MIN_VALUE;
        if (now < holdDownUntil) {
            recoverSince = Long.MIN_VALUE;
            return Decision.NONE;
        }
        boolean eligible = score <= p.recoveryThreshold() && state == Zone.GREEN
                && rawDeltaMs < RECOVERY_MAX_DELTA_MS && dropsNow == 0 && (wan == null || wan == Zone.GREEN);
        if (!eligible) {
            recoverSince = Long.MIN_VALUE;
            return Decision.NONE;
        }
        if (recoverSince == Long.MIN_VALUE) {
            recoverSince = now;
        }
        if (now - recoverSince >= p.recoverySustainNanos()) {
            recoverSince = Long.MIN_VALUE;
            return Decision.DISABLE_STEERING;
        }
        return Decision.NONE;
    }

    /** Steering was switched on ({@code enabled}) or off at {@code now} (also in dry-run bookkeeping). */
    public void toggled(long now, boolean enabled) {
        if (enabled) {
            holdDownUntil = now + p.holdDownNanos();
        }
        if (!p.flapDetection()) {
            return;
        }
        toggles[toggleNext] = now;
        toggleNext = (toggleNext + 1) % FLAP_HISTORY;
        toggleCount = Math.min(FLAP_HISTORY, toggleCount + 1);
        int recent = 0;
        for (int i = 0; i < toggleCount; i++) {
            if (now - toggles[i] <= p.flapWindowNanos()) {
                recent++;
            }
        }
        if (recent > p.maxToggles()) {
            penaltyUntil = now + p.penaltyNanos();
        }
    }

    /** The steer threshold in force: raised while a flap penalty lasts. */
    public int steerThreshold(long now) {
        return now < penaltyUntil ? p.steerThreshold() + p.penaltyThresholdAdd() : p.steerThreshold();
    }

    /** The score of the last update, 0 to 100. */
    public int score() {
        return score;
    }

    private void push(Zone state, long d, long q) {
        System.arraycopy(drops, 1, drops, 0, drops.length - 1);
        drops[drops.length - 1] = d;
        System.arraycopy(queue, 1, queue, 0, queue.length - 1);
        queue[queue.length - 1] = q;
        System.arraycopy(states, 1, states, 0, states.length - 1);
        states[states.length - 1] = state;
        samples++;
    }

    private Zone effectiveWanZone(long now, Zone zone, long ageNanos) {
        if (!p.wanStateEnabled() || zone == null || now - startNanos < p.gracePeriodNanos()) {
            return null;
        }
        return ageNanos > p.wanStalenessNanos() ? Zone.GREEN : zone;
    }

    private int score(Zone state, double rawDeltaMs, Zone wan) {
        int s = 0;
        switch (state) {
            case RED -> s += RED_POINTS;
            case SOFT_RED -> s += samples >= 3 && states[0] == Zone.SOFT_RED && states[1] == Zone.SOFT_RED
                    ? SOFT_RED_SUSTAINED_POINTS : 0;
            case YELLOW -> s += YELLOW_POINTS;
            case GREEN -> { }
        }
        if (rawDeltaMs > RTT_SEVERE_MS) {
            s += RTT_SEVERE_POINTS;
        } else if (rawDeltaMs > RTT_HIGH_MS) {
            s += RTT_HIGH_POINTS;
        }
        if (samples >= 3 && drops[2] > drops[0] && drops[2] > 0) {
            s += DROPS_RISING_POINTS;
        }
        if (samples >= 2 && queue[0] > QUEUE_HIGH_PACKETS && queue[1] > QUEUE_HIGH_PACKETS) {
            s += QUEUE_SUSTAINED_POINTS;
        }
        if (wan == Zone.RED || wan == Zone.SOFT_RED) {
            int red = p.wanOverride() ? p.redWeight() : Math.min(p.redWeight(), p.steerThreshold() - 1);
            s += wan == Zone.RED ? red : (int) (0.48 * red);
        }
        return Math.min(100, Math.max(0, s));
    }
}
