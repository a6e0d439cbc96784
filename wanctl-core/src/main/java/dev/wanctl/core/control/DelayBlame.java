package dev.wanctl.core.control;

/**
 * The adaptive law's attribution: which direction a delay over the threshold belongs to, so that
 * only that one is cut. An idle direction's never; with both active, the one that raised its rate
 * lately (and not the other), else the one that delivers clearly less than its rate while the
 * other does not (the line, not our shaper, limits it: the queue is at the bottleneck, where the
 * probes see it); when that does not tell them apart, both. Whatever the rest says, with the other
 * at its floor the delay is (also) this one's.
 *
 * <p>Pure and allocation-free: time is counted in the law's steps.
 */
final class DelayBlame {

    private final long attributeSteps;
    private final double underDelivers;

    /**
     * @param attributeSteps a delay that rises within this many steps of a direction's raise is that raise's
     * @param underDelivers a direction delivering less than this share of its rate is limited by its line
     */
    DelayBlame(long attributeSteps, double underDelivers) {
        this.attributeSteps = attributeSteps;
        this.underDelivers = underDelivers;
    }

    /** Whether the delay at {@code step} is {@code d}'s, with {@code o} the other direction. */
    boolean blamed(long step, AdaptiveDirection d, AdaptiveDirection o, double dDeliveredBps, long dAppliedBps,
            double oDeliveredBps, long oAppliedBps) {
        if (!d.active) {
            return false;
        }
        if (!o.active) {
            return true;
        }
        if (o.rateBps <= o.floorBps && d.rateBps > d.floorBps) {
            // the other is at its floor: no cut of it can remove more delay, what is left is ours
            return true;
        }
        boolean dRaised = raisedLately(step, d);
        boolean oRaised = raisedLately(step, o);
        if (dRaised != oRaised) {
            return dRaised;
        }
        boolean dUnder = underDelivers(d, dDeliveredBps, dAppliedBps);
        boolean oUnder = underDelivers(o, oDeliveredBps, oAppliedBps);
        return dUnder || !oUnder;
    }

    /** Whether a delay rising at {@code step} would be {@code d}'s last raise's. */
    boolean raisedLately(long step, AdaptiveDirection d) {
        return step - d.lastRaiseStep <= attributeSteps;
    }

    private boolean underDelivers(AdaptiveDirection d, double deliveredBps, long appliedBps) {
        return !Double.isNaN(deliveredBps) && deliveredBps < underDelivers * d.rateAtBps(appliedBps);
    }
}
