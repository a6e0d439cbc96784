package dev.wanctl.core.config;

/**
 * Steering assessment and hysteresis parameters, with counts already derived from seconds when
 * the {@code *_sustain_sec} keys are used and alphas from time constants.
 */
public record SteeringThresholds(
        double greenRttMs,
        double yellowRttMs,
        double redRttMs,
        long minDropsRed,
        long minQueueYellow,
        long minQueueRed,
        int redSamplesRequired,
        int greenSamplesRequired,
        double rttEwmaAlpha,
        double queueEwmaAlpha,
        double baselineMinMs,
        double baselineMaxMs,
        double badThresholdMs,
        double recoveryThresholdMs,
        int badSamples,
        int goodSamples) {}
