package dev.wanctl.sim.peer;

/**
 * The parameters of cake-autorate's control law (version 3.x defaults, as the project documents
 * them), for one direction: its min/base/max shaper rates, the bufferbloat detector, and the
 * graded cuts, increases and decay. Validated on construction; times in seconds, delays in ms.
 *
 * @param minBps the shaper never goes below this
 * @param baseBps the rate an idle direction decays toward
 * @param maxBps the shaper never goes above this
 * @param delayThresholdMs a reply is delayed when its one-way delta exceeds this (plus one packet's serialisation)
 * @param cutDeltaMaxMs the average delta at and above which a cut is the deepest
 * @param growDeltaMinMs the average delta at and below which an increase is the largest
 * @param shallowestCut the factor of a cut at the delay threshold
 * @param deepestCut the factor of a cut at {@code cutDeltaMaxMs}
 * @param largestIncrease the factor of an increase at {@code growDeltaMinMs}
 * @param smallestIncrease the factor of an increase at the delay threshold
 * @param highLoadFraction above this share of the shaper rate a direction is highly loaded (increases allowed)
 * @param bloatRefractorySec after a cut, no cut or increase for this long
 * @param decayRefractorySec at most one decay step per this long
 * @param decayFraction each decay step moves the rate this share toward the base
 * @param window replies in the detector's ring
 * @param delayedToDetect delayed replies in the ring that mean bufferbloat
 * @param baselineRiseAlpha EWMA weight of a sample above a reflector's baseline (it drifts up slowly)
 * @param baselineFallAlpha EWMA weight of a sample below it (it follows the minimum quickly)
 * @param initialBaselineMs a reflector's baseline before its first reply
 * @param maxWirePacketBytes one full packet on the wire, for the serialisation compensation
 */
public record CakeAutorateParams(
        long minBps,
        long baseBps,
        long maxBps,
        double delayThresholdMs,
        double cutDeltaMaxMs,
        double growDeltaMinMs,
        double shallowestCut,
        double deepestCut,
        double largestIncrease,
        double smallestIncrease,
        double highLoadFraction,
        double bloatRefractorySec,
        double decayRefractorySec,
        double decayFraction,
        int window,
        int delayedToDetect,
        double baselineRiseAlpha,
        double baselineFallAlpha,
        double initialBaselineMs,
        double maxWirePacketBytes) {

    public CakeAutorateParams {
        if (!(minBps > 0 && minBps <= baseBps && baseBps <= maxBps)) {
            throw new IllegalArgumentException("cake-autorate needs 0 < min <= base <= max, got " + minBps + " / "
                    + baseBps + " / " + maxBps + " bit/s");
        }
        positive(delayThresholdMs, "delayThresholdMs");
        if (!(growDeltaMinMs >= 0 && growDeltaMinMs < delayThresholdMs && delayThresholdMs < cutDeltaMaxMs)) {
            throw new IllegalArgumentException("cake-autorate needs 0 <= growDeltaMinMs < delayThresholdMs < cutDeltaMaxMs,"
                    + " got " + growDeltaMinMs + " / " + delayThresholdMs + " / " + cutDeltaMaxMs);
        }
        if (!(deepestCut > 0 && deepestCut <= shallowestCut && shallowestCut <= 1)) {
            throw new IllegalArgumentException("cake-autorate needs 0 < deepestCut <= shallowestCut <= 1, got "
                    + deepestCut + " / " + shallowestCut);
        }
        if (!(smallestIncrease >= 1 && smallestIncrease <= largestIncrease && Double.isFinite(largestIncrease))) {
            throw new IllegalArgumentException("cake-autorate needs 1 <= smallestIncrease <= largestIncrease, got "
                    + smallestIncrease + " / " + largestIncrease);
        }
        fraction(highLoadFraction, "highLoadFraction");
        nonNegative(bloatRefractorySec, "bloatRefractorySec");
        nonNegative(decayRefractorySec, "decayRefractorySec");
        fraction(decayFraction, "decayFraction");
        if (!(window >= 1 && delayedToDetect >= 1 && delayedToDetect <= window)) {
            throw new IllegalArgumentException("cake-autorate needs 1 <= delayedToDetect <= window, got "
                    + delayedToDetect + " of " + window);
        }
        fraction(baselineRiseAlpha, "baselineRiseAlpha");
        fraction(baselineFallAlpha, "baselineFallAlpha");
        positive(initialBaselineMs, "initialBaselineMs");
        positive(maxWirePacketBytes, "maxWirePacketBytes");
    }

    /**
     * cake-autorate's defaults with the given rates: 30 ms delay threshold, 3 of 6 replies, cuts
     * 0.99 to 0.75 (average delta 30 to 60 ms), increases 1.04 to 1.00 (10 to 30 ms) above 75 %
     * load, 1 % per second toward the base below it, refractory 300 ms, baselines with alphas
     * 0.001 up and 0.9 down starting at 100 ms, a 1538-byte wire packet. (cake-autorate's light-
     * load threshold of 2 Mbit/s only decides when its pingers sleep, which this law does not model:
     * light and idle load both decay toward the base.)
     */
    public static CakeAutorateParams defaults(long minBps, long baseBps, long maxBps) {
        return new CakeAutorateParams(minBps, baseBps, maxBps, 30, 60, 10, 0.99, 0.75, 1.04, 1.00, 0.75, 0.3, 1.0, 0.01, 6, 3, 0.001, 0.9, 100, 1538);
    }

    private static void positive(double v, String name) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }

    private static void nonNegative(double v, String name) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(name + " must be zero or more and finite, got " + v);
        }
    }

    private static void fraction(double v, String name) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + v);
        }
    }
}
