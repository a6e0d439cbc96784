package dev.wanctl.core.control;

/**
 * The adaptive law's standing-delay detector: tells delay that shaping cannot remove (a route
 * change, congestion beyond the line) from a queue of ours, so the law takes it into its baseline
 * instead of cutting on. A delay episode begins when the delay exceeds {@code cutAboveMs} and ends
 * when it falls below {@code growBelowMs}; the delay stands when, after {@code standingSec}, it is
 * flat in the episode's second half and every active direction's cut took load off the line (or
 * nothing is active). Then the episode's cuts are undone.
 *
 * <p>Pure and allocation-free: time is counted in the law's steps.
 */
final class StandingDelay {

    private final double cutAboveMs;
    private final double growBelowMs;
    private final double tookFraction;
    private final long standingSteps;
    private final long drainSteps;
    private long aboveSinceStep = -1;
    private double minDeltaMs;
    private double maxDeltaMs;
    /** What each direction delivered when the episode began (NaN: unknown). */
    private double dlDeliveredAtStartBps = Double.NaN;
    private double ulDeliveredAtStartBps = Double.NaN;
    private double standingMs;
    private long events;

    StandingDelay(AdaptiveParams p) {
        double dt = p.intervalSec();
        this.cutAboveMs = p.cutAboveMs();
        this.growBelowMs = p.growBelowMs();
        this.tookFraction = p.tuning().tookFraction();
        this.standingSteps = Math.max(1, Math.round(p.standingSec() / dt));
        this.drainSteps = Math.max(1, Math.round(p.drainSec() / dt));
    }

    /** A cut counts as tried only once the router has it (writes may be held back). */
    void noteApplied(long step, AdaptiveDirection d, long appliedBps) {
        if (d.cutInEpisode && d.cutAppliedStep < 0 && (appliedBps <= 0 || appliedBps <= d.rateBps)) {
            d.cutAppliedStep = step;
        }
    }

    /**
     * Watches one step's delay over the baseline. When it stands, the episode's cuts are undone,
     * the episode ends and this returns true: the law then takes {@link #standingMs()} into its
     * baseline.
     */
    boolean watch(long step, double deltaMs, AdaptiveDirection dl, AdaptiveDirection ul,
            double dlDeliveredBps, double ulDeliveredBps) {
        if (deltaMs > cutAboveMs) {
            if (aboveSinceStep < 0) {
                aboveSinceStep = step;
                dlDeliveredAtStartBps = dlDeliveredBps;
                ulDeliveredAtStartBps = ulDeliveredBps;
                minDeltaMs = deltaMs;
                dl.rateBeforeEpisodeBps = dl.rateBps;
                ul.rateBeforeEpisodeBps = ul.rateBps;
                maxDeltaMs = deltaMs;
                dl.cutInEpisode = false;
                ul.cutInEpisode = false;
                dl.cutAppliedStep = -1;
                ul.cutAppliedStep = -1;
            } else if (step - aboveSinceStep == standingSteps / 2) {
                // the standing part is what stays in the episode's second half, past the rise
                minDeltaMs = deltaMs;
                maxDeltaMs = deltaMs;
            } else {
                minDeltaMs = Math.min(minDeltaMs, deltaMs);
                maxDeltaMs = Math.max(maxDeltaMs, deltaMs);
            }
            // a queue that cuts did not drain still moves (fills, drains); a path change is flat
            boolean flat = maxDeltaMs - minDeltaMs <= 0.3 * minDeltaMs + growBelowMs;
            // every active direction's cut took load off the line, or nothing is active
            boolean tried = (!dl.active || cutTook(step, dl, dlDeliveredBps, dlDeliveredAtStartBps))
                    && (!ul.active || cutTook(step, ul, ulDeliveredBps, ulDeliveredAtStartBps));
            if (step - aboveSinceStep >= standingSteps && flat && tried) {
                standingMs = minDeltaMs;
                undo(dl);
                undo(ul);
                aboveSinceStep = -1;
                events++;
                return true;
            }
        } else if (deltaMs < growBelowMs) {
            aboveSinceStep = -1;
        }
        return false;
    }

    /**
     * Whether a cut of {@code d} took load off the line: it delivers clearly less than when the
     * episode began, a drain time after the router had the cut. A queue at the bottleneck drains
     * then; delay that stays is not a queue.
     */
    private boolean cutTook(long step, AdaptiveDirection d, double deliveredBps, double deliveredAtStartBps) {
        return d.cutInEpisode && d.cutAppliedStep >= 0 && step - d.cutAppliedStep >= drainSteps
                && !Double.isNaN(deliveredBps) && !Double.isNaN(deliveredAtStartBps)
                && deliveredBps <= (1 - tookFraction) * deliveredAtStartBps;
    }

    private static void undo(AdaptiveDirection d) {
        if (d.cutInEpisode) {
            // a restore: the write gate sends it like a cut, not after the raises' share of the
            // budget (the demo's undo waited 4.2 s for it)
            d.restoreRateBeforeEpisode();
        }
        d.cutInEpisode = false;
        d.cutAppliedStep = -1;
        d.capacity.bps = 0;
    }

    /** Whether a delay episode is open (the delay rose above {@code cutAboveMs} and has not fallen back). */
    boolean inEpisode() {
        return aboveSinceStep >= 0;
    }

    /** Ends the open episode (a dip ended: its delay was a queue after all). */
    void endEpisode() {
        aboveSinceStep = -1;
    }

    /** The delay that stood at the last standing event, ms: the least delay of the episode's second half. */
    double standingMs() {
        return standingMs;
    }

    /** How many times delay stood. */
    long events() {
        return events;
    }
}
