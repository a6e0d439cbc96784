package dev.wanctl.cli.soak;

/**
 * Limits past which a soak check is flagged. The defaults are what a healthy 50 ms controller
 * stays well inside; each is a {@code wanctl soak-report} option.
 */
record SoakThresholds(
        double maxOverrunPct,
        double maxWarningsPerHour,
        int maxErrors,
        double maxRedPct,
        double maxFlapsPerHour,
        double maxWritesPerMinute,
        double maxLoadedDriftMs,
        double loadedDeltaMs,
        double maxTransitionsPerHour,
        double maxFallbackPct,
        int maxRestarts,
        double maxGapSeconds) {

    static SoakThresholds defaults() {
        return new SoakThresholds(1.0, 30, 0, 20, 20, 20, 2.0, 3.0, 12, 1.0, 0, 60);
    }
}
