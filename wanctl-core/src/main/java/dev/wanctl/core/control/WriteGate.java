package dev.wanctl.core.control;

/**
 * Decides which of the two queues' newest rates go to the router now. Each queue is compared on
 * its own: a queue whose rate equals what it last got is never written (each write is a flash
 * write on RouterOS), and a change to one queue never re-sends the other. Writes are limited by
 * the rate limiter; a rate held back stays pending until it may go. The writer reports what it
 * wrote with {@link #applied} so only successful writes count; one limiter event per write, one
 * or both queues.
 *
 * <p>With a reserve, a raise may use only the limiter's budget minus the reserve, so a cut always
 * finds a free slot; a raise waits window / raises allowed after the last write. A cut
 * never waits behind a held-back raise, of its own queue or of the other: when one queue's cut may
 * go and the other's raise may not, only the cut is written and the raise stays pending. A raise
 * that only reverses the law's own cuts ({@link #restoring}: a dip the cuts were sized on has
 * ended, or the delay they were made for stood) goes like a cut; it is still one limiter event,
 * so the budget holds.
 * Allocation-free; not thread-safe (one writer owns it).
 */
public final class WriteGate {

    /** The outcome of {@link #decide}. */
    public enum Decision {
        /** Both rates equal what their queues last got. */
        UNCHANGED,
        /** Send {@link #writeDownload()} and/or {@link #writeUpload()} now; others may stay held. */
        WRITE,
        /** Held back by the rate limiter; stays pending. */
        RATE_LIMITED
    }

    private final RateLimiter limiter; // null: no limit
    private final int reserveForDecreases;
    private final long raiseSpacingNanos; // 0: raises may go back to back (no reserve: the reference)
    private long lastWriteNanos = Long.MIN_VALUE;
    private boolean anyApplied;
    private long appliedDlBps;
    private long appliedUlBps;
    private long rateLimitedCount;
    private boolean writeDl;
    private boolean writeUl;
    private boolean held;
    private long restoreDlBps;
    private long restoreUlBps;

    /** @param limiter null to write every change */
    public WriteGate(RateLimiter limiter) {
        this(limiter, 0);
    }

    /**
     * @param limiter null to write every change
     * @param reserveForDecreases limiter slots that only a cut may use
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

    /**
     * Raises up to these rates reverse the law's own cuts (0: none): until the law clears them
     * they may use the slots kept for cuts and need not wait for the raise spacing.
     */
    public void restoring(long dlUpToBps, long ulUpToBps) {
        this.restoreDlBps = dlUpToBps;
        this.restoreUlBps = ulUpToBps;
    }

    /**
     * Which queues of {@code (dlBps, ulBps)} should be sent at {@code nowNanos}; the answer per
     * queue is in {@link #writeDownload()} and {@link #writeUpload()}, and {@link #heldBack()}
     * says whether a changed queue waits.
     */
    public Decision decide(long dlBps, long ulBps, long nowNanos) {
        boolean dlChanged = !anyApplied || dlBps != appliedDlBps;
        boolean ulChanged = !anyApplied || ulBps != appliedUlBps;
        writeDl = false;
        writeUl = false;
        held = false;
        if (!dlChanged && !ulChanged) {
            return Decision.UNCHANGED;
        }
        boolean cutsMay = limiter == null || limiter.allows(nowNanos, 0);
        boolean raisesMay = limiter == null
                || (limiter.allows(nowNanos, reserveForDecreases) && !tooSoonToRaise(nowNanos));
        writeDl = dlChanged && (urgent(dlBps, appliedDlBps, restoreDlBps) ? cutsMay : raisesMay);
        writeUl = ulChanged && (urgent(ulBps, appliedUlBps, restoreUlBps) ? cutsMay : raisesMay);
        held = (dlChanged && !writeDl) || (ulChanged && !writeUl);
        if (!writeDl && !writeUl) {
            rateLimitedCount++;
            return Decision.RATE_LIMITED;
        }
        return Decision.WRITE;
    }

    /** After {@link #decide}: whether the download queue's rate goes now. */
    public boolean writeDownload() {
        return writeDl;
    }

    /** After {@link #decide}: whether the upload queue's rate goes now. */
    public boolean writeUpload() {
        return writeUl;
    }

    /** After {@link #decide}: whether a changed rate was held back (it stays pending). */
    public boolean heldBack() {
        return held;
    }

    private boolean isCut(long bps, long appliedBps) {
        return anyApplied && bps < appliedBps;
    }

    /** A cut, or a raise that only reverses the law's own cuts. */
    private boolean urgent(long bps, long appliedBps, long restoreUpToBps) {
        return isCut(bps, appliedBps) || (anyApplied && bps <= restoreUpToBps);
    }

    private boolean tooSoonToRaise(long nowNanos) {
        return raiseSpacingNanos > 0 && lastWriteNanos != Long.MIN_VALUE && nowNanos - lastWriteNanos < raiseSpacingNanos;
    }

    /**
     * The router now has {@code (dlBps, ulBps)} (a queue not written passes its previous rate),
     * written at {@code nowNanos}: one limiter event.
     */
    public void applied(long dlBps, long ulBps, long nowNanos) {
        // raises are spaced from the last write of any kind, so the first raise after a cut or a
        // quiet spell carries a spacing's worth of growth instead of spending a slot on a sliver
        lastWriteNanos = nowNanos;
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

    /** Decisions that held every changed rate back, so far. */
    public long rateLimitedCount() {
        return rateLimitedCount;
    }

    /** The earliest time a held-back rate of {@code (dlBps, ulBps)} may go. */
    public long nextAllowedNanos(long nowNanos, long dlBps, long ulBps) {
        if (limiter == null) {
            return nowNanos;
        }
        boolean cutWaits = (urgent(dlBps, appliedDlBps, restoreDlBps) && dlBps != appliedDlBps)
                || (urgent(ulBps, appliedUlBps, restoreUlBps) && ulBps != appliedUlBps);
        if (cutWaits) {
            return limiter.nextAllowedNanos(nowNanos, 0);
        }
        long next = limiter.nextAllowedNanos(nowNanos, reserveForDecreases);
        return tooSoonToRaise(nowNanos) ? Math.max(next, lastWriteNanos + raiseSpacingNanos) : next;
    }
}
