package dev.wanctl.core.runtime;

import java.time.Duration;

/**
 * A clock that moves only when told to, so that tests and the simulator run hours of daemon time
 * in seconds and give the same result every time.
 */
public final class VirtualClock implements Clock {

    private long nanos;
    private final long epochMillisAtZero;

    /** A clock at monotonic time 0 whose wall clock reads {@code epochMillisAtZero}. */
    public VirtualClock(long epochMillisAtZero) {
        this.epochMillisAtZero = epochMillisAtZero;
    }

    /** A clock starting at 2026-01-01T00:00:00Z. */
    public VirtualClock() {
        this(1_767_225_600_000L);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized long wallMillis() {
        return epochMillisAtZero + nanos / 1_000_000L;
    }

    /** Moves time forward; time never goes back. */
    public synchronized void advance(Duration d) {
        advanceNanos(d.toNanos());
    }

    /** Moves time forward by {@code deltaNanos} (must not be negative). */
    public synchronized void advanceNanos(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("time cannot go back: " + deltaNanos + " ns");
        }
        nanos += deltaNanos;
    }

    /** Moves time forward to {@code targetNanos} if that is later than now. */
    public synchronized void advanceTo(long targetNanos) {
        if (targetNanos > nanos) {
            nanos = targetNanos;
        }
    }
}
