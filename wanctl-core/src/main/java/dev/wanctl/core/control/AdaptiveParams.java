package dev.wanctl.core.control;

/**
 * Parameters of the {@link AdaptiveLaw}, in seconds, milliseconds and fractions (never cycles, so
 * the law behaves the same at any control interval); rates in bit/s. Validated at construction.
 *
 * @param intervalSec time between two steps (the control interval)
 * @param dlFloorBps lowest download rate
 * @param dlCeilingBps highest download rate (the plan's rate)
 * @param ulFloorBps lowest upload rate
 * @param ulCeilingBps highest upload rate
 * @param cutAboveMs delay over the baseline above which a loaded direction is cut
 * @param growBelowMs delay over the baseline below which a loaded direction may grow
 * @param drainSec a cut is sized so the queue that caused the delay drains in about this long:
 *     factor {@code 1 - delay / drain}, within [{@code minCutFactor}, {@code maxCutFactor}]
 * @param minCutFactor deepest single cut (multiplier of the delivered rate)
 * @param maxCutFactor gentlest single cut
 * @param cutHoldSec after a cut, no further cut of that direction for this long unless the delay
 *     still grows, and no growth for twice this long (the cut needs a round trip to show)
 * @param activeFraction a direction whose own traffic (the other direction's ACKs discounted) is
 *     at least this fraction of the room those ACKs leave in its rate (at least a quarter of the
 *     rate) is active: only active directions are cut
 * @param loadedFraction a direction delivering at least this fraction of its rate is loaded:
 *     only loaded directions grow (an idle direction holds its rate)
 * @param ackFraction share of one direction's delivered rate that its ACKs put on the other
 * @param growRoomPerSec growth per second as a fraction of the room left below the ceiling
 * @param growCeilingPerSec growth per second as a fraction of the ceiling (so the last few
 *     percent are climbed too)
 * @param maxStepFraction a rate never runs more than this fraction above what the router has
 *     (no backlog of held-back growth landing as one jump)
 * @param loadTimeConstantSec smoothing of the loaded RTT
 * @param baselineDownSec how fast the baseline follows a lower RTT
 * @param baselineUpIdleSec how fast the baseline follows a higher RTT while no direction is active
 * @param baselineUpLoadedSec the same while a direction is active (slow: queueing must not leak in)
 * @param standingSec delay that stays above {@code cutAboveMs} this long although the active
 *     directions were cut is not ours to remove: the baseline takes it and the futile cuts are
 *     undone
 * @param tuning the finer shape of the cuts and the growth ({@link Tuning#DEFAULTS} unless a test
 *     or a sweep sets it)
 */
public record AdaptiveParams(
        double intervalSec,
        long dlFloorBps,
        long dlCeilingBps,
        long ulFloorBps,
        long ulCeilingBps,
        double cutAboveMs,
        double growBelowMs,
        double drainSec,
        double minCutFactor,
        double maxCutFactor,
        double cutHoldSec,
        double activeFraction,
        double loadedFraction,
        double ackFraction,
        double growRoomPerSec,
        double growCeilingPerSec,
        double maxStepFraction,
        double loadTimeConstantSec,
        double baselineDownSec,
        double baselineUpIdleSec,
        double baselineUpLoadedSec,
        double standingSec,
        Tuning tuning) {

    /**
     * The finer shape of the law, in seconds and fractions; not config keys (the defaults were
     * measured on the bundled scenarios), but validated like the rest.
     *
     * @param raiseQuantum smallest raise, as a fraction of the rate: a write carries a step worth it
     * @param attributeSec a delay that rises within this long after one direction's raise (and not
     *     the other's) is that raise's
     * @param underDelivers a direction delivering less than this share of its rate is limited by the
     *     line, not by our shaper (its delivered rate is a measurement of the line)
     * @param maxRaise largest single raise, as a fraction of the rate: a probe overshoots by at most
     *     this
     * @param raiseSpacingSec at most one raise of a direction per this long
     * @param capacityMemorySec after a cut, growth above the line's learned capacity goes from the
     *     gentle probe to growth in proportion to the room left over this long (the capacity may
     *     have come back)
     * @param probePerSec the gentle probe above the learned capacity, a fraction of the rate per
     *     second
     * @param refillTo below this share of the learned capacity (measured on the line) the rate
     *     refills in one write; above it, it probes
     * @param refillToOwnRate the same when the cut's base was the direction's own rate, not a
     *     measured line rate
     * @param tookFraction a cut took load off the line when the direction delivers at least this
     *     fraction less than when the delay rose (the standing-delay test)
     * @param drainLimitPerSec the fastest a queue drains while the capacity stays, in seconds of
     *     delay per second (1: the line sends and nothing arrives); a delay falling faster (beyond
     *     {@code growBelowMs} of jitter) means the capacity rose: a dip ended
     * @param staleCountersSec after a dip ended, counters read within this long still cover it:
     *     no cut sized on them
     * @param freshBelow a new counter reading of a download cut in the episode below this share of
     *     the rate it was cut to (the router had at least that rate through the reading's window)
     *     shows the line carrying less than the last cut assumed: the next cut goes without
     *     waiting for the cut hold
     * @param quietLoadTimeConstantSec smoothing of the loaded RTT on a quiet line (its samples
     *     stray less than {@code quietJitterMs} from the smoothed load): a rise shows sooner where
     *     noise cannot pass for one
     * @param quietJitterMs a line whose RTT samples stray on average less than this from the
     *     smoothed load (over about 10 s) is quiet
     */
    public record Tuning(
            double raiseQuantum,
            double attributeSec,
            double underDelivers,
            double maxRaise,
            double raiseSpacingSec,
            double capacityMemorySec,
            double probePerSec,
            double refillTo,
            double refillToOwnRate,
            double tookFraction,
            double drainLimitPerSec,
            double staleCountersSec,
            double freshBelow,
            double quietLoadTimeConstantSec,
            double quietJitterMs) {

        /** The measured defaults. */
        public static final Tuning DEFAULTS = new Tuning(0.02, 1.0, 0.95, 0.25, 0.5, 10, 0.03, 0.97, 0.99, 0.03, 1.0,
                0.5, 0.9, 0.05, 4);

        public Tuning {
            Checks.positiveFinite(raiseQuantum, "raiseQuantum");
            if (raiseQuantum >= 1) {
                throw new IllegalArgumentException("raiseQuantum must be below 1, got " + raiseQuantum);
            }
            Checks.nonNegativeFinite(attributeSec, "attributeSec");
            Checks.positiveFinite(underDelivers, "underDelivers");
            Checks.unitInterval(underDelivers, "underDelivers");
            Checks.positiveFinite(maxRaise, "maxRaise");
            Checks.nonNegativeFinite(raiseSpacingSec, "raiseSpacingSec");
            Checks.positiveFinite(capacityMemorySec, "capacityMemorySec");
            Checks.nonNegativeFinite(probePerSec, "probePerSec");
            Checks.positiveFinite(refillTo, "refillTo");
            Checks.unitInterval(refillTo, "refillTo");
            Checks.positiveFinite(refillToOwnRate, "refillToOwnRate");
            Checks.unitInterval(refillToOwnRate, "refillToOwnRate");
            Checks.unitInterval(tookFraction, "tookFraction");
            if (tookFraction >= 1) {
                throw new IllegalArgumentException("tookFraction must be below 1, got " + tookFraction);
            }
            Checks.positiveFinite(drainLimitPerSec, "drainLimitPerSec");
            Checks.nonNegativeFinite(staleCountersSec, "staleCountersSec");
            Checks.unitInterval(freshBelow, "freshBelow");
            Checks.positiveFinite(quietLoadTimeConstantSec, "quietLoadTimeConstantSec");
            Checks.nonNegativeFinite(quietJitterMs, "quietJitterMs");
        }
    }

    /** The parameters with the default {@link Tuning}. */
    public AdaptiveParams(double intervalSec, long dlFloorBps, long dlCeilingBps, long ulFloorBps, long ulCeilingBps,
            double cutAboveMs, double growBelowMs, double drainSec, double minCutFactor, double maxCutFactor,
            double cutHoldSec, double activeFraction, double loadedFraction, double ackFraction, double growRoomPerSec,
            double growCeilingPerSec, double maxStepFraction, double loadTimeConstantSec, double baselineDownSec,
            double baselineUpIdleSec, double baselineUpLoadedSec, double standingSec) {
        this(intervalSec, dlFloorBps, dlCeilingBps, ulFloorBps, ulCeilingBps, cutAboveMs, growBelowMs, drainSec,
                minCutFactor, maxCutFactor, cutHoldSec, activeFraction, loadedFraction, ackFraction, growRoomPerSec,
                growCeilingPerSec, maxStepFraction, loadTimeConstantSec, baselineDownSec, baselineUpIdleSec,
                baselineUpLoadedSec, standingSec, Tuning.DEFAULTS);
    }

    /** These parameters with {@code t} as their tuning. */
    public AdaptiveParams withTuning(Tuning t) {
        return new AdaptiveParams(intervalSec, dlFloorBps, dlCeilingBps, ulFloorBps, ulCeilingBps, cutAboveMs,
                growBelowMs, drainSec, minCutFactor, maxCutFactor, cutHoldSec, activeFraction, loadedFraction,
                ackFraction, growRoomPerSec, growCeilingPerSec, maxStepFraction, loadTimeConstantSec, baselineDownSec,
                baselineUpIdleSec, baselineUpLoadedSec, standingSec, t);
    }

    public AdaptiveParams {
        Checks.positiveFinite(intervalSec, "intervalSec");
        Checks.positive(dlFloorBps, "dlFloorBps");
        Checks.positive(ulFloorBps, "ulFloorBps");
        if (dlFloorBps > dlCeilingBps || ulFloorBps > ulCeilingBps) {
            throw new IllegalArgumentException("floors must not exceed ceilings: download " + dlFloorBps + " > "
                    + dlCeilingBps + " or upload " + ulFloorBps + " > " + ulCeilingBps);
        }
        Checks.positiveFinite(cutAboveMs, "cutAboveMs");
        Checks.positiveFinite(growBelowMs, "growBelowMs");
        if (growBelowMs > cutAboveMs) {
            throw new IllegalArgumentException("growBelowMs (" + growBelowMs + ") must not exceed cutAboveMs ("
                    + cutAboveMs + ")");
        }
        Checks.positiveFinite(drainSec, "drainSec");
        Checks.unitInterval(minCutFactor, "minCutFactor");
        Checks.unitInterval(maxCutFactor, "maxCutFactor");
        if (minCutFactor > maxCutFactor) {
            throw new IllegalArgumentException("minCutFactor (" + minCutFactor + ") must not exceed maxCutFactor ("
                    + maxCutFactor + ")");
        }
        Checks.nonNegativeFinite(cutHoldSec, "cutHoldSec");
        Checks.unitInterval(activeFraction, "activeFraction");
        Checks.unitInterval(loadedFraction, "loadedFraction");
        Checks.nonNegativeFinite(ackFraction, "ackFraction");
        if (ackFraction >= 0.5) {
            throw new IllegalArgumentException("ackFraction must be below 0.5, got " + ackFraction);
        }
        Checks.nonNegativeFinite(growRoomPerSec, "growRoomPerSec");
        Checks.nonNegativeFinite(growCeilingPerSec, "growCeilingPerSec");
        Checks.positiveFinite(maxStepFraction, "maxStepFraction");
        Checks.positiveFinite(loadTimeConstantSec, "loadTimeConstantSec");
        Checks.positiveFinite(baselineDownSec, "baselineDownSec");
        Checks.positiveFinite(baselineUpIdleSec, "baselineUpIdleSec");
        Checks.positiveFinite(baselineUpLoadedSec, "baselineUpLoadedSec");
        Checks.positiveFinite(standingSec, "standingSec");
        if (tuning == null) {
            throw new IllegalArgumentException("tuning must be set (AdaptiveParams.Tuning.DEFAULTS)");
        }
    }

    /** Defaults of the parameters a config can set (the schema documents these). */
    public static final double DEFAULT_CUT_ABOVE_MS = 12;
    public static final double DEFAULT_GROW_BELOW_MS = 6;
    public static final double DEFAULT_DRAIN_SEC = 0.18;
    public static final double DEFAULT_CUT_HOLD_SEC = 0.2;
    public static final double DEFAULT_GROW_ROOM_PER_SEC = 1.2;
    public static final double DEFAULT_STANDING_SEC = 2.0;

    /** The defaults for a line with the given bounds, at {@code intervalSec}. */
    public static AdaptiveParams defaults(double intervalSec, long dlFloorBps, long dlCeilingBps, long ulFloorBps,
            long ulCeilingBps) {
        return new AdaptiveParams(intervalSec, dlFloorBps, dlCeilingBps, ulFloorBps, ulCeilingBps,
                DEFAULT_CUT_ABOVE_MS, DEFAULT_GROW_BELOW_MS, DEFAULT_DRAIN_SEC, 0.6, 0.95, DEFAULT_CUT_HOLD_SEC, 0.3, 0.8,
                0.03, DEFAULT_GROW_ROOM_PER_SEC, 0.05, 1.0, 0.1, 0.5, 3, 60, DEFAULT_STANDING_SEC);
    }
}
