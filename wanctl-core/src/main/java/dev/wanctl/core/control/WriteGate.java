package dev.wanctl.core.control;

/**
 * Decides whether the newest rate pair goes to the router now: never when both rates equal the
 * last applied pair (each write is a flash write on RouterOS), and not more often than the rate
 * limiter allows; a pair held back stays pending until it may go. Both rates are always written
 * together. The writer reports the outcome with {@link #applied} so only successful writes count.
 * With a reserve, a pair that raises the rates may use only the limiter's budget minus the
 * reserve, so a cut (a pair that lowers either rate) always finds a free slot soon; and raises are
 * spaced evenly over the window (window / raises allowed), so each write carries more of a climb
 * instead of spending the budget on the first small steps.
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
    private final long raiseSpacingNanos; // 0: raises may go back to back (no reserve: the reference)
    private long lastRaiseNanos = Long.MIN_VALUE;
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
        this.raiseSpacingNanos = limiter == null || reserveForDecreases == 0 ? 0
                : limiter.windowNanos() / Math.max(1, limiter.maxEvents() - reserveForDecreases);
    }

    /** Whether {@code (dlBps, ulBps)} should be sent at {@code nowNanos}. */
    public Decision decide(long dlBps, long ulBps, long nowNanos) {
        if (anyApplied && dlBps == appliedDlBps && ulBps == appliedUlBps) {
            return Decision.UNCHANGED;
        }
        if (limiter != null && (!limiter.allows(nowNanos, reserve(dlBps, ulBps)) || tooSoonToRaise(dlBps, ulBps, nowNanos))) {
            rateLimitedCount++;
            return Decision.RATE_LIMITED;
        }
        return Decision.WRITE;
    }

    /** A cut lowers either rate; it is never held back by the reserve or the spacing of raises. */
    private boolean isCut(long dlBps, long ulBps) {
        return anyApplied && (dlBps < appliedDlBps || ulBps < appliedUlBps);
    }

    /** The slots a pair must leave free: none for a cut, the reserve for anything else. */
    private int reserve(long dlBps, long ulBps) {
        return isCut(dlBps, ulBps) ? 0 : reserveForDecreases;
    }

    private boolean tooSoonToRaise(long dlBps, long ulBps, long nowNanos) {
        return raiseSpacingNanos > 0 && !isCut(dlBps, ulBps) && lastRaiseNanos != Long.MIN_VALUE
                && nowNanos - lastRaiseNanos < raiseSpacingNanos;
    }

    /** The router accepted {@code (dlBps, ulBps)} at {@code nowNanos}. */
    public void applied(long dlBps, long ulBps, long nowNanos) {
        if (!isCut(dlBps, ulBps)) {
            lastRaiseNanos = nowNanos;
        }
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
        if (limiter == null) {
            return nowNanos;
        }
        long next = limiter.nextAllowedNanos(nowNanos, reserve(dlBps, ulBps));
        return tooSoonToRaise(dlBps, ulBps, nowNanos) ? Math.max(next, lastRaiseNanos + raiseSpacingNanos) : next;
    }
}
