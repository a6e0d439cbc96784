package dev.wanctl.core.config;

import java.time.Duration;

/** {@code router.rate_limiter}: at most {@code maxChanges} max-limit writes per {@code window}. */
public record RateLimitConfig(boolean enabled, int maxChanges, Duration window) {}
