package dev.wanctl.core.control;

/**
 * Decides whether the newest rate pair goes to the router now: never when both rates equal the
 * last applied pair (each write is a flash write on RouterOS), and not more often than the rate
 * limiter allows; a pair held back stays pending until it may go. Both rates are always written
 * together. The writer reports the outcome with {@link #applied} so only successful writes count.
 * With a reserve, a pair that raises the rates may use only the limiter's budget minus the
 * reserve, so a cut (a pair that lowers either rate) always finds a free slot soon.
 * Allocation-free; not thread-safe (one writer owns it).
 */
public final class WriteGate {

    /** The outcome of {@link #decide}. */
    public enum Decision {
        /** Both rates equal the last applied pair. */
        UNCHANGED,
        /** Send the pair now. */
        WRITE,
        /** Held back by the rate limiter; stays pending. */
        RATE_LIMITED
    }

    private final RateLimiter limiter; // null: no limit
    private final int reserveForDecreases;
    private boolean anyApplied;
    private long appliedDlBps;
    private long appliedUlBps;
    private long rateLimitedCount;

    /** @param limiter null to write every change */
    public WriteGate(RateLimiter limiter) {
        this(limiter, 0);
    }

    /**
     * @param limiter null to write every change
     * @param reserveForDecreases limiter slots that only a pair lowering a rate may use
     */
    public WriteGate(RateLimiter limiter, int reserveForDecreases) {
        if (reserveForDecreases < 0) {
            throw new IllegalArgumentException("reserveForDecreases must not be negative, got " + reserveForDecreases);
        }
        this.limiter = limiter;
        this.reserveForDecreases = limiter == null ? 0 : reserveForDecreases;
    }

    /** Whether {@code (dlBps, ulBps)} should be sent at {@code nowNanos}. */
    public Decision decide(long dlBps, long ulBps, long nowNanos) {
        if (anyApplied && dlBps == appliedDlBps && ulBps == appliedUlBps) {
            return Decision.UNCHANGED;
        }
        if (limiter != null && !limiter.allows(nowNanos, reserve(dlBps, ulBps))) {
            rateLimitedCount++;
            return Decision.RATE_LIMITED;
        }
        return Decision.WRITE;
    }

    /** The slots a pair must leave free: none for a cut, the reserve for anything else. */
    private int reserve(long dlBps, long ulBps) {
        boolean cut = anyApplied && (dlBps < appliedDlBps || ulBps < appliedUlBps);
        return cut ? 0 : reserveForDecreases;
    }

    /** The router accepted {@code (dlBps, ulBps)} at {@code nowNanos}. */
    public void applied(long dlBps, long ulBps, long nowNanos) {
        anyApplied = true;
        appliedDlBps = dlBps;
        appliedUlBps = ulBps;
        if (limiter != null) {
            limiter.record(nowNanos);
        }
    }

    /** Marks a pair as already on the router (restored state), so an unchanged rate is not re-sent. */
    public void assumeApplied(long dlBps, long ulBps) {
        anyApplied = true;
        appliedDlBps = dlBps;
        appliedUlBps = ulBps;
    }

    public boolean anyApplied() {
        return anyApplied;
    }

    public long appliedDownloadBps() {
        return appliedDlBps;
    }

    public long appliedUploadBps() {
        return appliedUlBps;
    }

    /** Decisions held back by the rate limiter so far. */
    public long rateLimitedCount() {
        return rateLimitedCount;
    }

    /** The earliest time a held-back pair {@code (dlBps, ulBps)} may go. */
    public long nextAllowedNanos(long nowNanos, long dlBps, long ulBps) {
        return limiter == null ? nowNanos : limiter.nextAllowedNanos(nowNanos, reserve(dlBps, ulBps));
    }
}
