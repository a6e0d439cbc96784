package dev.wanctl.core.config;

import java.time.Duration;

/**
 * {@code router.rate_limiter}: at most {@code maxChanges} max-limit writes per {@code window};
 * {@code reserveForDecreases} of them only for writes that lower a rate.
 */
public record RateLimitConfig(boolean enabled, int maxChanges, Duration window, int reserveForDecreases) {}
