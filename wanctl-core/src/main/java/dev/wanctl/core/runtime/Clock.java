package dev.wanctl.core.runtime;

/**
 * The only source of time for daemons; control code never reads the system clock, so the
 * simulator and tests can run the same code on a {@link VirtualClock}.
 */
public interface Clock {

    /** Monotonic time in nanoseconds, for intervals and deadlines (like {@link System#nanoTime()}). */
    long nanoTime();

    /** Wall-clock time in milliseconds since the epoch, for timestamps shown to people. */
    long wallMillis();

    /** The system clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
