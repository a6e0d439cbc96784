package dev.wanctl.autorate;

/**
 * Which episodes of a recurring fault get their log lines: the first, then at most one per
 * {@code quietNanos} with the number of episodes in between, so a flapping fault (50 % loss on
 * every reflector: a cycle with no answer every few hundred ms) cannot fill the log. Loop thread only.
 */
final class EpisodeLog {

    private final long quietNanos;
    private long lastLoggedNanos = Long.MIN_VALUE;
    private int unlogged;
    private boolean logging;

    EpisodeLog(long quietNanos) {
        this.quietNanos = quietNanos;
    }

    /** An episode starts at {@code nowNanos}; true when its lines are to be logged. */
    boolean start(long nowNanos) {
        logging = lastLoggedNanos == Long.MIN_VALUE || nowNanos - lastLoggedNanos >= quietNanos;
        if (logging) {
            lastLoggedNanos = nowNanos;
        } else {
            unlogged++;
        }
        return logging;
    }

    /** Whether the episode in progress (or just ended) is the one being logged. */
    boolean logging() {
        return logging;
    }

    /** {@code " (3 more since the last report)"} for the line of a logged start, "" when none; then counts afresh. */
    String unloggedSince() {
        int n = unlogged;
        unlogged = 0;
        return n == 0 ? "" : " (" + n + " more since the last report)";
    }
}
