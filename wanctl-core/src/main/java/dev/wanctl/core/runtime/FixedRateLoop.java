package dev.wanctl.core.runtime;

import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a daemon's cycle at a fixed rate (slot {@code k} at {@code start + k * interval}). When a
 * cycle overruns its slot the loop skips to the next slot still in the future instead of running
 * the missed ones back to back, and counts it: a burst of catch-up cycles would feed the
 * controller samples 0 ms apart. Public: both daemons and the probe's sender use it.
 *
 * <p>A cycle that throws is counted and logged (at most once a minute) and the loop goes on: one
 * bad cycle must not stop a daemon that runs for months.
 */
public final class FixedRateLoop {

    /** One cycle of work. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs cycle number {@code cycle} (0, 1, 2, ... counting cycles run, not slots) whose slot
         * began at {@code scheduledNanos} on the loop's clock.
         */
        void runCycle(long cycle, long scheduledNanos);
    }

    private static final Logger LOG = LoggerFactory.getLogger(FixedRateLoop.class);
    private static final long FAILURE_LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final Clock clock;
    private final long intervalNanos;
    private final Sleeper sleeper;

    private volatile boolean stopRequested;
    private volatile Thread runner;
    private volatile long cycles;
    private volatile long overruns;
    private volatile long skippedSlots;
    private volatile long failedCycles;
    private long lastFailureLogNanos;
    private long failuresSinceLog;

    /** A loop on {@code clock} every {@code intervalNanos} that waits with {@code sleeper}. */
    public FixedRateLoop(Clock clock, long intervalNanos, Sleeper sleeper) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive, got " + intervalNanos + " ns");
        }
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.sleeper = sleeper;
    }

    /** Runs {@code body} on the calling thread until {@link #stop()}; the first slot is now. */
    public void run(Body body) {
        runner = Thread.currentThread();
        try {
            long scheduled = clock.nanoTime();
            while (!stopRequested) {
                if (!awaitSlot(scheduled)) {
                    break;
                }
                runOnce(body, scheduled);
                scheduled = nextSlot(scheduled, clock.nanoTime());
            }
        } finally {
            runner = null;
        }
    }

    private boolean awaitSlot(long scheduled) {
        while (!stopRequested && clock.nanoTime() < scheduled) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("loop thread interrupted: stopping");
                stopRequested = true;
                break;
            }
            sleeper.sleepUntil(scheduled);
        }
        return !stopRequested;
    }

    private void runOnce(Body body, long scheduled) {
        try {
            body.runCycle(cycles, scheduled);
        } catch (RuntimeException e) {
            failedCycles++;
            failuresSinceLog++;
            long now = clock.nanoTime();
            if (failedCycles == 1 || now - lastFailureLogNanos >= FAILURE_LOG_INTERVAL_NANOS) {
                LOG.error("cycle {} failed ({} failure(s) since the last report); the loop goes on",
                        cycles, failuresSinceLog, e);
                lastFailureLogNanos = now;
                failuresSinceLog = 0;
            }
        }
        cycles++;
    }

    /** The first slot after {@code scheduled} that is not already in the past at {@code now}. */
    long nextSlot(long scheduled, long now) {
        long next = scheduled + intervalNanos;
        if (now > next) {
            long behind = (now - next) / intervalNanos + 1;
            overruns++;
            skippedSlots += behind;
            next += behind * intervalNanos;
        }
        return next;
    }

    /** Asks the loop to return after the cycle in progress; wakes it if it is waiting. */
    public void stop() {
        stopRequested = true;
        Thread t = runner;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** True until {@link #stop()} was called. */
    public boolean isRunning() {
        return !stopRequested;
    }

    /** Cycles run so far. */
    public long cycles() {
        return cycles;
    }

    /** Cycles that ended after the next slot had begun. */
    public long overruns() {
        return overruns;
    }

    /** Slots skipped because of overruns (each is one cycle that did not run). */
    public long skippedSlots() {
        return skippedSlots;
    }

    /** Cycles whose body threw. */
    public long failedCycles() {
        return failedCycles;
    }

    /** The interval the loop was built with. */
    public long intervalNanos() {
        return intervalNanos;
    }
}
