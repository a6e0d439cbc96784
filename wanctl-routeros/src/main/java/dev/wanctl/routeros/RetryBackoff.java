package dev.wanctl.routeros;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * How long to wait before the next router call after failures in a row: doubling from a base,
 * capped, with "equal jitter" (half fixed, half random) so several daemons do not retry in step.
 * A transient failure (refused, reset, 5xx, time-out) starts at the control interval and is capped
 * at {@link #TRANSIENT_CAP_NANOS}, so a router that comes back gets the newest rate within a
 * second or two; a refused login starts at 5 s and is capped at a minute (RouterOS may lock an
 * account that keeps failing); a missing item or an unreadable reply starts at 1 s, capped at 30 s.
 * Public: both daemons' router threads back off this way. Not thread-safe (one thread owns it).
 */
public final class RetryBackoff {

    /** The longest wait after transient failures. */
    public static final long TRANSIENT_CAP_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long AUTH_BASE_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long AUTH_CAP_NANOS = TimeUnit.SECONDS.toNanos(60);
    static final long OTHER_BASE_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long OTHER_CAP_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final long transientBaseNanos;
    private final SplittableRandom random;

    /**
     * @param transientBaseNanos the first wait after a transient failure (the control interval)
     * @param seed jitter seed (fixed per daemon so virtual-time runs repeat exactly)
     */
    public RetryBackoff(long transientBaseNanos, long seed) {
        this.transientBaseNanos = Math.max(1, Math.min(transientBaseNanos, TRANSIENT_CAP_NANOS));
        this.random = new SplittableRandom(seed);
    }

    /** The wait before the next call after {@code failuresInRow} (≥ 1) failures, the last of kind {@code kind}. */
    public long delayNanos(RouterException.Kind kind, int failuresInRow) {
        long base;
        long cap;
        if (kind.isTransient()) {
            base = transientBaseNanos;
            cap = TRANSIENT_CAP_NANOS;
        } else if (kind == RouterException.Kind.AUTHENTICATION) {
            base = AUTH_BASE_NANOS;
            cap = AUTH_CAP_NANOS;
        } else {
            base = OTHER_BASE_NANOS;
            cap = OTHER_CAP_NANOS;
        }
        int doublings = Math.min(Math.max(0, failuresInRow - 1), 30);
        long full = base > cap >> doublings ? cap : Math.min(cap, base << doublings);
        long half = full / 2;
        return half + random.nextLong(full - half + 1);
    }
}
