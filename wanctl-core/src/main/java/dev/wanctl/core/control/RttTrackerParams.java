package dev.wanctl.core.control;

/**
 * Parameters of the {@link RttTracker}.
 *
 * @param initialRttMs baseline and load before the first sample ({@code baseline_rtt_initial})
 * @param baselineAlpha per-cycle weight of a sample in the idle baseline
 * @param loadAlpha per-cycle weight of a sample in the loaded RTT
 * @param freezeThresholdMs the baseline moves only while {@code load - baseline} is below this
 *     ({@code baseline_update_threshold_ms}, default 3)
 * @param baselineMinMs lowest baseline accepted ({@code baseline_rtt_bounds.min})
 * @param baselineMaxMs highest baseline accepted ({@code baseline_rtt_bounds.max})
 */
public record RttTrackerParams(
        double initialRttMs,
        double baselineAlpha,
        double loadAlpha,
        double freezeThresholdMs,
        double baselineMinMs,
        double baselineMaxMs) {

    public RttTrackerParams {
        Checks.positiveFinite(initialRttMs, "initialRttMs");
        Checks.unitInterval(baselineAlpha, "baselineAlpha");
        Checks.unitInterval(loadAlpha, "loadAlpha");
        Checks.positiveFinite(freezeThresholdMs, "freezeThresholdMs");
        Checks.positiveFinite(baselineMinMs, "baselineMinMs");
        Checks.positiveFinite(baselineMaxMs, "baselineMaxMs");
        if (baselineMinMs >= baselineMaxMs) {
            throw new IllegalArgumentException(
                    "baselineMinMs (" + baselineMinMs + ") must be below baselineMaxMs (" + baselineMaxMs + ")");
        }
    }
}
