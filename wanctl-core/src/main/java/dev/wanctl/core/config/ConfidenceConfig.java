package dev.wanctl.core.config;

import java.time.Duration;

/** {@code confidence}: the reference's confidence scoring, with timers in wall-clock time. */
public record ConfidenceConfig(
        int steerThreshold,
        int recoveryThreshold,
        Duration sustain,
        Duration recoverySustain,
        Duration holdDown,
        boolean dryRun,
        boolean flapDetection,
        Duration flapWindow,
        int maxToggles,
        Duration penaltyDuration,
        int penaltyThresholdAdd) {}
