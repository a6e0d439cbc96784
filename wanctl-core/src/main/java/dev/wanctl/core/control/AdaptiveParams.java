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
 *     at least this fraction of its rate is active: only active directions are cut
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
        double standingSec) {

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
    }

    /** Defaults of the parameters a config can set (the schema documents these). */
    public static final double DEFAULT_CUT_ABOVE_MS = 12;
    public static final double DEFAULT_GROW_BELOW_MS = 6;
    public static final double DEFAULT_DRAIN_SEC = 0.25;
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
