package dev.wanctl.core.control;

/**
 * At most {@code maxEvents} in any sliding window of {@code windowNanos}; protects the router's
 * flash from a flapping controller. Time is passed in (monotonic ns). Allocation-free.
 *
 * <p>Part of the budget can be kept for urgent events: {@link #allows(long, int)} with a reserve
 * lets an ordinary event through only while {@code reserve} slots stay free, so a rate cut under
 * congestion is not held back because the preceding increases used the window up.
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

    public long windowNanos() {
        return windowNanos;
    }

    public int maxEvents() {
        return times.length;
    }

    /** Whether an event may happen at {@code nowNanos}. */
    public boolean allows(long nowNanos) {
        return count < times.length || nowNanos - times[next] >= windowNanos;
    }

    /** Whether an event may happen at {@code nowNanos} and still leave {@code reserve} slots free. */
    public boolean allows(long nowNanos, int reserve) {
        return inWindow(nowNanos) + reserve < times.length;
    }

    /** Events within the window ending at {@code nowNanos}. */
    private int inWindow(long nowNanos) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (nowNanos - times[i] < windowNanos) {
                n++;
            }
        }
        return n;
    }

    /** The earliest time an event leaving {@code reserve} slots free is allowed. */
    public long nextAllowedNanos(long nowNanos, int reserve) {
        if (allows(nowNanos, reserve)) {
            return nowNanos;
        }
        // enough of the oldest events in the window must leave it that `reserve` slots are free;
        // the ring holds events oldest first from `start`
        int mustLeave = inWindow(nowNanos) + reserve - times.length + 1;
        int start = count < times.length ? 0 : next;
        int seen = 0;
        for (int i = 0; i < count; i++) {
            long t = times[(start + i) % times.length];
            if (nowNanos - t < windowNanos && ++seen == mustLeave) {
                return t + windowNanos;
            }
        }
        return nowNanos;
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
