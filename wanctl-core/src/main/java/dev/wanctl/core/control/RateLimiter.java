package dev.wanctl.core.control;

/**
 * At most {@code maxEvents} in any sliding window of {@code windowNanos}; protects the router's
 * flash from a flapping controller. Time is passed in (monotonic ns). Allocation-free.
 */
public final class RateLimiter {

    private final long windowNanos;
    private final long[] times; // ring of the last maxEvents event times
    private int next;
    private int count;

    public RateLimiter(int maxEvents, long windowNanos) {
        Checks.atLeastOne(maxEvents, "maxEvents");
        Checks.positive(windowNanos, "windowNanos");
        this.windowNanos = windowNanos;
        this.times = new long[maxEvents];
    }

    /** Whether an event may happen at {@code nowNanos}. */
    public boolean allows(long nowNanos) {
        return count < times.length || nowNanos - times[next] >= windowNanos;
    }

    /** Records an event at {@code nowNanos}. */
    public void record(long nowNanos) {
        times[next] = nowNanos;
        next = (next + 1) % times.length;
        if (count < times.length) {
            count++;
        }
    }

    /** The earliest time an event is allowed, {@code nowNanos} if now. */
    public long nextAllowedNanos(long nowNanos) {
        return allows(nowNanos) ? nowNanos : times[next] + windowNanos;
    }
}
