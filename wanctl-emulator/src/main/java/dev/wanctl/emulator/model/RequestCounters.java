package dev.wanctl.emulator.model;

import dev.wanctl.core.runtime.Clock;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts every request that reaches the emulated router (including refused and faulted ones), per
 * transport and per kind, so tests can measure how much load a daemon puts on a router.
 */
public final class RequestCounters {

    private final Clock clock;
    private final AtomicLongArray counts = new AtomicLongArray(Transport.values().length * 2);
    private volatile long sinceNanos;

    public RequestCounters(Clock clock) {
        this.clock = clock;
        this.sinceNanos = clock.nanoTime();
    }

    /** The emulator clock's monotonic time when counting started (construction or {@link #reset}). */
    public long sinceNanos() {
        return sinceNanos;
    }

    public void increment(Transport t, RequestKind k) {
        counts.incrementAndGet(t.ordinal() * 2 + k.ordinal());
    }

    /** Requests so far over {@code t} of kind {@code k}. */
    public long count(Transport t, RequestKind k) {
        return counts.get(t.ordinal() * 2 + k.ordinal());
    }

    /** Reads plus writes so far over {@code t}. */
    public long total(Transport t) {
        return count(t, RequestKind.READ) + count(t, RequestKind.WRITE);
    }

    /** All counts now, stamped with the emulator clock, for rates between two snapshots. */
    public RequestCounts snapshot() {
        long[] c = new long[counts.length()];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts.get(i);
        }
        return new RequestCounts(clock.nanoTime(), c);
    }

    /** Starts counting from zero. */
    public void reset() {
        sinceNanos = clock.nanoTime();
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
    }
}
