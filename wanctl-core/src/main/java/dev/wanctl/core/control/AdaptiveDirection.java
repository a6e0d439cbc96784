package dev.wanctl.core.control;

/**
 * One direction's state in the {@link AdaptiveLaw}: its rate, its cuts and raises (in the law's
 * steps), and what it learned of the line. It reads its own counters ({@link #observe}); the rest
 * is mutated only by the law and its {@link StandingDelay}.
 */
final class AdaptiveDirection {
    /**
     * The least room, as a share of the rate, a direction's activity is measured against: ACKs
     * that seem to fill the whole rate (the estimate is 3 % of the other direction) must not make
     * a sliver of own traffic count.
     */
    private static final double MIN_ROOM = 0.25;

    final long floorBps;
    final long ceilingBps;
    long rateBps;
    long lastCutStep = Long.MIN_VALUE / 2;
    double deltaAtCutMs;
    long rateBeforeEpisodeBps;
    boolean cutInEpisode;
    long cutAppliedStep = -1;
    double pendingGrowthBps;
    long lastRaiseStep = Long.MIN_VALUE / 2;
    /** What the line carried when the delay last rose: growth slows near it. */
    final CapacityMemory capacity = new CapacityMemory();
    /** What {@link #capacity} held before this episode's first cut (restored when a dip ends). */
    final CapacityMemory capacityBefore = new CapacityMemory();
    /** When the capacity last rose (a dip ended): counters read before then measured the dip. */
    long roseStep = Long.MIN_VALUE / 2;
    /** A raise up to this rate reverses this law's own cuts (a dip that ended, delay that stood); 0: none. */
    long restoreBps;
    boolean active;
    boolean loaded;
    /** The delivered rate of the last step: a different one is a new counter reading. */
    double lastDeliveredBps = Double.NaN;
    /** Whether this step's delivered rate is a new reading. */
    boolean freshReading;
    Zone zone = Zone.GREEN;

    AdaptiveDirection(long floorBps, long ceilingBps) {
        this.floorBps = floorBps;
        this.ceilingBps = ceilingBps;
        this.rateBps = ceilingBps;
    }

    /**
     * Back to the rate from before this delay episode when that is higher: a raise that only
     * reverses this law's own cuts, marked as a restore (the write gate sends it like a cut).
     */
    void restoreRateBeforeEpisode() {
        if (rateBeforeEpisodeBps > rateBps) {
            rateBps = rateBeforeEpisodeBps;
            restoreBps = rateBps;
        }
    }

    /** The rate the direction runs at: what the router has when known and lower than ours. */
    double rateAtBps(long appliedBps) {
        return appliedBps > 0 ? Math.min(appliedBps, rateBps) : rateBps;
    }

    /**
     * Reads one step's counters: whether the delivered rate is a new reading, and whether the
     * direction is active and loaded. Without counters (NaN) it counts as both: the law then acts
     * on the RTT alone.
     *
     * @param otherDeliveredBps the other direction's delivered rate, whose ACKs this one carries
     */
    void observe(double deliveredBps, double otherDeliveredBps, long appliedBps, AdaptiveParams p) {
        freshReading = !Double.isNaN(deliveredBps) && deliveredBps != lastDeliveredBps;
        lastDeliveredBps = deliveredBps;
        if (Double.isNaN(deliveredBps)) {
            active = true;
            loaded = true;
            return;
        }
        double ack = Double.isNaN(otherDeliveredBps) ? 0 : p.ackFraction() * otherDeliveredBps;
        double own = Math.max(0, deliveredBps - ack);
        double rate = rateAtBps(appliedBps);
        // active: its own traffic is a fair part of the room the other direction's ACKs leave in
        // its rate. Against the whole rate, an upload whose line a large download's ACKs mostly
        // fill reads idle with its own senders' queue growing (cable-prime-time, seed 6, 1699 s:
        // 7 M own of a 25 M rate beside 18 M of ACKs; the download was cut to its floor and the
        // upload's 100-230 ms stood for 6 s)
        double room = Math.max(rate - ack, MIN_ROOM * rate);
        active = own >= p.activeFraction() * room;
        loaded = deliveredBps >= p.loadedFraction() * rate;
    }

    /** What the line carried at a direction's last cut, and how far a refill goes back towards it. */
    static final class CapacityMemory {
        /** bit/s; 0: not known. */
        double bps;
        /** The step it was learned at (growth probes gently for {@code capacityMemorySec} after it). */
        long step = Long.MIN_VALUE / 2;
        /** The share of {@link #bps} a refill goes back to. */
        double refillTo;

        void copyFrom(CapacityMemory o) {
            bps = o.bps;
            step = o.step;
            refillTo = o.refillTo;
        }
    }
}
