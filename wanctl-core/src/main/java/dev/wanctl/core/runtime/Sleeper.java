package dev.wanctl.core.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * How {@link FixedRateLoop} waits for its next slot; public so that daemons use the parking one
 * and tests and the simulator the virtual one.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits until the clock reaches {@code deadlineNanos}. May return early (an unpark, a spurious
     * wake-up); the caller checks the clock again.
     */
    void sleepUntil(long deadlineNanos);

    /** Real time: parks the thread, so {@link LockSupport#unpark} ends the wait at once. */
    static Sleeper parking(Clock clock) {
        return deadline -> {
            long wait = deadline - clock.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        };
    }

    /** Virtual time: moves the clock straight to the deadline. */
    static Sleeper advancing(VirtualClock clock) {
        return clock::advanceTo;
    }
}
