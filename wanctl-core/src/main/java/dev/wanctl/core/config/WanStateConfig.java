package dev.wanctl.core.config;

import java.time.Duration;

/** {@code wan_state}: the primary's autorate zone as a confidence signal. */
public record WanStateConfig(boolean enabled, int redWeight, Duration staleness, Duration gracePeriod,
        boolean wanOverride) {}
