package dev.wanctl.autorate;

/**
 * Whether a delay rise while no direction is active gets the two fresh counter reads of an onset
 * ({@link DeliveredRates#onset}). On a radio link the idle delay crosses the threshold every few
 * seconds with nothing of ours queued; when the last {@link #QUIET_IN_ROW} such reads found the
 * line idle, a further idle rise gets them at most once per {@code spacingNanos}, so the router
 * is not read twice for every spike (a load that starts is still read on the idle cadence, and at
 * once after the spacing). Rises while a direction is active always get them. Not thread-safe
 * (the cycle owns it).
 */
final class IdleOnsets {

    static final int QUIET_IN_ROW = 2;

    private final long spacingNanos;
    private int quietInRow;
    private boolean activeSinceLast = true;
    private long lastIdleOnsetNanos = Long.MIN_VALUE;

    IdleOnsets(long spacingNanos) {
        this.spacingNanos = spacingNanos;
    }

    /** Every cycle: whether a direction carried traffic of its own. */
    void sample(boolean active) {
        if (active) {
            activeSinceLast = true;
            quietInRow = 0;
        }
    }

    /** The delay just rose: whether to read the counters for it now. */
    boolean allow(long nowNanos, boolean active) {
        if (active) {
            return true;
        }
        if (quietInRow >= QUIET_IN_ROW && nowNanos - lastIdleOnsetNanos < spacingNanos) {
            return false;
        }
        if (lastIdleOnsetNanos != Long.MIN_VALUE && !activeSinceLast) {
            quietInRow++; // the last idle rise's reads found the line idle
        }
        lastIdleOnsetNanos = nowNanos;
        activeSinceLast = false;
        return true;
    }
}
