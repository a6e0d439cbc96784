package dev.wanctl.routeros;

import dev.wanctl.core.runtime.Clock;
import java.time.Duration;

/**
 * The time one {@link RouterClient} call may still take. A call can be several exchanges (resolve
 * an id, write, re-resolve after a 404, reconnect); each takes its timeout from the one deadline,
 * so the call as a whole never outlives its bound.
 */
public final class Deadline {

    private final Clock clock;
    private final long endNanos;

    private Deadline(Clock clock, long endNanos) {
        this.clock = clock;
        this.endNanos = endNanos;
    }

    /** A deadline {@code budget} from now. */
    public static Deadline after(Clock clock, Duration budget) {
        return new Deadline(clock, clock.nanoTime() + budget.toNanos());
    }

    /** Nanoseconds left, never negative. */
    public long remainingNanos() {
        return Math.max(0, endNanos - clock.nanoTime());
    }

    /** Milliseconds left, at least 1: a positive remainder must never become 0, which means "no timeout". */
    private int remainingMillisAtLeastOne() {
        long ms = (remainingNanos() + 999_999) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    /** Milliseconds left but at most {@code cap}. */
    public int remainingMillisAtMost(Duration cap) {
        return (int) Math.min(remainingMillisAtLeastOne(), Math.max(1, cap.toMillis()));
    }

    public boolean expired() {
        return remainingNanos() == 0;
    }
}
