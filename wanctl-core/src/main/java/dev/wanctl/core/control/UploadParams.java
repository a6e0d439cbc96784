package dev.wanctl.core.control;

/**
 * Parameters of the 3-state {@link UploadPolicy}; rates in bit/s. Only the lowest floor bounds
 * the upload rate, as in the reference implementation.
 */
public record UploadParams(
        long floorBps,
        long ceilingBps,
        long stepUpBps,
        double factorDown,
        double factorDownYellow,
        int greenRequired,
        Thresholds thresholds,
        Hysteresis hysteresis) {

    public UploadParams {
        Checks.positive(floorBps, "floorBps");
        if (floorBps > ceilingBps) {
            throw new IllegalArgumentException(
                    "upload floor (" + floorBps + ") must not be above the ceiling (" + ceilingBps + ")");
        }
        Checks.nonNegativeFinite(stepUpBps, "stepUpBps");
        Checks.unitInterval(factorDown, "factorDown");
        Checks.unitInterval(factorDownYellow, "factorDownYellow");
        Checks.atLeastOne(greenRequired, "greenRequired");
        java.util.Objects.requireNonNull(thresholds, "thresholds");
        java.util.Objects.requireNonNull(hysteresis, "hysteresis");
    }
}
