package dev.wanctl.core.control;

/**
 * Tracks the loaded RTT (fast EWMA) and the idle baseline (slow EWMA) from raw RTT samples.
 *
 * <p>The baseline learns only while the link looks idle: when {@code load - baseline} (with the
 * load just updated) is at or above the freeze threshold, the baseline is frozen, so queueing
 * delay under load never leaks into it. The baseline is fed the raw sample, not the load EWMA. A
 * candidate baseline outside the configured bounds is rejected and the old value kept.
 */
public final class RttTracker {

    private final RttTrackerParams p;
    private double loadMs;
    private double baselineMs;
    private boolean frozen;
    private boolean rejectedByBounds;

    public RttTracker(RttTrackerParams params) {
        this.p = params;
        this.loadMs = params.initialRttMs();
        this.baselineMs = params.initialRttMs();
    }

    /** Feeds one RTT sample in ms. */
    public void update(double rttMs) {
        if (!(rttMs >= 0) || Double.isInfinite(rttMs)) {
            throw new IllegalArgumentException("RTT must be a finite non-negative number of ms, got " + rttMs);
        }
        // Ewma.step keeps the reference's operation order, (1 - a) * x + a * sample: x + a * (sample - x)
        // rounds differently and can move a delta across a threshold (issue 13, bit-exact parity)
        loadMs = Ewma.step(loadMs, p.loadAlpha(), rttMs);
        rejectedByBounds = false;
        frozen = loadMs - baselineMs >= p.freezeThresholdMs();
        if (!frozen) {
            double candidate = Ewma.step(baselineMs, p.baselineAlpha(), rttMs);
            if (candidate < p.baselineMinMs() || candidate > p.baselineMaxMs()) {
                rejectedByBounds = true;
            } else {
                baselineMs = candidate;
            }
        }
    }

    /** Restores persisted EWMAs; a baseline outside the bounds is replaced by the nearest bound. */
    public void restore(double baselineMs, double loadMs) {
        this.baselineMs = Math.min(p.baselineMaxMs(), Math.max(p.baselineMinMs(), baselineMs));
        this.loadMs = loadMs;
    }

    public double loadMs() {
        return loadMs;
    }

    public double baselineMs() {
        return baselineMs;
    }

    /** Loaded RTT minus baseline, in ms; negative when the link is quieter than the baseline. */
    public double deltaMs() {
        return loadMs - baselineMs;
    }

    /** Whether the last update left the baseline frozen because the link looked loaded. */
    public boolean baselineFrozen() {
        return frozen;
    }

    /** Whether the last update's candidate baseline was outside the bounds and rejected. */
    public boolean baselineRejectedByBounds() {
        return rejectedByBounds;
    }

    public RttTrackerParams params() {
        return p;
    }
}
