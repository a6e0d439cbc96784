package dev.wanctl.autorate;

import dev.wanctl.core.config.RateLimitConfig;
import dev.wanctl.core.control.RateLimiter;
import dev.wanctl.core.control.WriteGate;

/** The write gate a config asks for ({@code router.rate_limiter}); the daemon, replay and the simulator share it. */
public final class WriteGates {

    private WriteGates() {}

    public static WriteGate of(RateLimitConfig c) {
        return c.enabled()
                ? new WriteGate(new RateLimiter(c.maxChanges(), c.window().toNanos()), c.reserveForDecreases())
                : new WriteGate(null);
    }
}
