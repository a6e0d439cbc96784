package dev.wanctl.core.control;

/**
 * One direction's state in the {@link AdaptiveLaw}: its rate, its cuts and raises (in the law's
 * steps), and what it learned of the line. Mutated only by the law and its {@link StandingDelay}.
 */
final class AdaptiveDirection {
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
    /** A raise up to this rate reverses this law's own cuts of a dip that ended (0: none). */
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
