package dev.wanctl.core.control;

/**
 * Parameters of the 4-state {@link DownloadPolicy}; rates in bit/s.
 *
 * @param factorDown multiplier applied every RED cycle
 * @param factorDownYellow multiplier applied every YELLOW cycle; 1.0 holds the rate (reference)
 * @param greenRequired consecutive GREEN cycles before the first step up (then every GREEN cycle)
 * @param softRedRequired consecutive SOFT_RED cycles before SOFT_RED is confirmed (shown as
 *     YELLOW until then)
 */
public record DownloadParams(
        long floorGreenBps,
        long floorYellowBps,
        long floorSoftRedBps,
        long floorRedBps,
        long ceilingBps,
        long stepUpBps,
        double factorDown,
        double factorDownYellow,
        int greenRequired,
        int softRedRequired,
        Thresholds thresholds,
        Hysteresis hysteresis) {

    public DownloadParams {
        Checks.positive(floorRedBps, "floorRedBps");
        if (!(floorRedBps <= floorSoftRedBps
                && floorSoftRedBps <= floorYellowBps
                && floorYellowBps <= floorGreenBps
                && floorGreenBps <= ceilingBps)) {
            throw new IllegalArgumentException("download rates must satisfy red <= soft_red <= yellow <= green"
                    + " <= ceiling, got " + floorRedBps + " <= " + floorSoftRedBps + " <= " + floorYellowBps
                    + " <= " + floorGreenBps + " <= " + ceilingBps);
        }
        Checks.nonNegativeFinite(stepUpBps, "stepUpBps");
        Checks.unitInterval(factorDown, "factorDown");
        Checks.unitInterval(factorDownYellow, "factorDownYellow");
        Checks.atLeastOne(greenRequired, "greenRequired");
        Checks.atLeastOne(softRedRequired, "softRedRequired");
        java.util.Objects.requireNonNull(thresholds, "thresholds");
        java.util.Objects.requireNonNull(hysteresis, "hysteresis");
    }
}
