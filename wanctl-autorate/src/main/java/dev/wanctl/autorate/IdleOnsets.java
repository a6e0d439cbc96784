package dev.wanctl.autorate;

/**
 * Whether a delay rise while no direction is active gets the two fresh counter reads of an onset
 * ({@link DeliveredRates#onset}). On a radio link the idle delay crosses the threshold every few
 * seconds with nothing of ours queued; when the last {@link #QUIET_IN_ROW} such reads found the
 * line idle, a further idle rise gets them at most once per {@code spacingNanos}, so the router
 * is not read twice for every spike (a load that starts is still read on the idle cadence, and at
 * once after the spacing). Within that spacing delay alone does not set the loaded counter cadence
 * either ({@link #delayIsQuiet}). A rise was a load starting only when a direction turns active
 * within {@link #FOUND_WITHIN_NANOS} of it; a web page seconds later leaves the line's rises known
 * as its own. Rises while a direction is active always get the reads. Not thread-safe (the cycle
 * owns it).
 *
 * <p>Why: an idle LTE line (web pages between the loads) cost 1.5-2.5 requests/s in the simulator
 * against autorate's idle budget of 1 when every spike read the counters at 2/s.
 */
final class IdleOnsets {

    static final int QUIET_IN_ROW = 2;
    /** A load its reads find within this long after an idle rise was what the rise was. */
    static final long FOUND_WITHIN_NANOS = 1_000_000_000L;

    private final long spacingNanos;
    private int quietInRow;
    private boolean foundLoad;
    private long lastIdleOnsetNanos = Long.MIN_VALUE;

    IdleOnsets(long spacingNanos) {
        this.spacingNanos = spacingNanos;
    }

    /**
     * Every cycle: whether a direction carried traffic of its own. Only traffic found soon after an
     * idle rise makes that rise a load starting; a load later on (web pages on an LTE line every few
     * seconds) says nothing about what the line's own rises are.
     */
    void sample(long nowNanos, boolean active) {
        if (active && lastIdleOnsetNanos != Long.MIN_VALUE && nowNanos - lastIdleOnsetNanos <= FOUND_WITHIN_NANOS) {
            foundLoad = true;
            quietInRow = 0;
        }
    }

    /**
     * Whether a delay that is up while no direction is active is, for now, the line's own: the last
     * {@link #QUIET_IN_ROW} idle rises found nothing and the spacing since the last read one has not
     * passed. The counters are then read on the idle cadence.
     */
    boolean delayIsQuiet(long nowNanos) {
        return quietInRow >= QUIET_IN_ROW && nowNanos - lastIdleOnsetNanos < spacingNanos;
    }

    /** The delay just rose: whether to read the counters for it now. */
    boolean allow(long nowNanos, boolean active) {
        if (active) {
            return true;
        }
        if (delayIsQuiet(nowNanos)) {
            return false;
        }
        if (lastIdleOnsetNanos != Long.MIN_VALUE && !foundLoad) {
            quietInRow++; // the last idle rise's reads found the line idle
        }
        lastIdleOnsetNanos = nowNanos;
        foundLoad = false;
        return true;
    }
}
