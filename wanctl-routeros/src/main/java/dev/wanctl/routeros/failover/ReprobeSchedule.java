package dev.wanctl.routeros.failover;

import java.time.Duration;

/**
 * When to try the primary transport again after it failed: 30 s after the first failure, then
 * twice as long after each failed try, at most 5 minutes; reset once it answers. Long enough that
 * a dead REST service costs one slow call per interval, short enough to return within minutes.
 */
final class ReprobeSchedule {

    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofMinutes(5);

    private long intervalNanos;
    private long nextNanos;

    /** Whether the primary is in use or due for another try at {@code nowNanos}. */
    boolean primaryDue(long nowNanos) {
        return intervalNanos == 0 || nowNanos - nextNanos >= 0;
    }

    boolean onFallback() {
        return intervalNanos != 0;
    }

    /** Records a failure of the primary at {@code nowNanos}; returns the wait until the next try. */
    Duration failed(long nowNanos) {
        intervalNanos = intervalNanos == 0 ? FIRST.toNanos() : Math.min(intervalNanos * 2, MAX.toNanos());
        nextNanos = nowNanos + intervalNanos;
        return Duration.ofNanos(intervalNanos);
    }

    void answered() {
        intervalNanos = 0;
    }
}
