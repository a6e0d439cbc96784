package dev.wanctl.sim.scorecard;

import java.util.Arrays;

/**
 * Finds every drop of the true capacity by 20 % or more while the direction is loaded, and
 * measures how long the added latency takes to be back under 15 ms.
 *
 * <p>Capacity is averaged over 100 ms blocks; a drop is a block whose mean is at most 80 % of
 * the mean of the ten blocks (1 s) before it, and is dated at the block's start. After a drop
 * the detector waits 1 s before it can fire again (a ramp down counts once).
 *
 * <p>Reaction: if added latency reaches 15 ms between the drop and 10 s after it (or already
 * had), the reaction lasts until latency is back under 15 ms and stays there for 200 ms (so a
 * single quiet millisecond in a noisy queue does not count); the reaction time is from the drop
 * to the start of that quiet stretch. If latency stays under 15 ms for those 10 s, the drop was
 * absorbed: reaction 0. A drop whose latency has stayed under 15 ms until the next drop was
 * absorbed too: an excursion that begins after the next drop is that drop's. Drops still
 * unsettled at the end of the run count with the time they had so far and are reported as
 * unsettled.
 */
final class DropReactions {

    static final double DROP_FRACTION = 0.8;
    static final double SETTLED_MS = 15.0;
    private static final int BLOCK_MS = 100;
    private static final int HISTORY_BLOCKS = 10;
    private static final long QUIET_AFTER_DROP_MS = 1000;
    private static final long EXCURSION_WINDOW_MS = 10_000;
    private static final long SETTLE_FOR_MS = 200;
    private static final int MAX_PENDING = 256;
    private static final long NONE = -1;

    private final double[] history = new double[HISTORY_BLOCKS];
    private int blocksSeen;
    private double blockSum;
    private int blockFill;
    private boolean blockLoaded;
    private long blockStartMs;
    private long quietUntilMs;

    private long belowSinceMs = -1;
    private long lastAboveMs = -1;
    private final long[] pending = new long[MAX_PENDING];
    /** When a pending drop's excursion began (the drop's time when latency was already up); NONE: not yet. */
    private final long[] excursionFromMs = new long[MAX_PENDING];
    private int pendingCount;

    private double[] reactionsMs = new double[16];
    private int reactions;
    private int unsettled;

    /** One millisecond of the run. */
    void sample(long ms, double capacityBps, boolean loaded, double addedMs) {
        if (addedMs < SETTLED_MS) {
            if (belowSinceMs < 0) {
                belowSinceMs = ms;
            }
        } else {
            belowSinceMs = -1;
            lastAboveMs = ms;
        }
        if (blockFill == 0) {
            blockStartMs = ms;
            blockLoaded = true;
        }
        blockSum += capacityBps;
        blockLoaded &= loaded;
        if (++blockFill == BLOCK_MS) {
            endBlock();
        }
        settle(ms);
    }

    private void endBlock() {
        double mean = blockSum / BLOCK_MS;
        if (blocksSeen >= HISTORY_BLOCKS && blockLoaded && blockStartMs >= quietUntilMs) {
            double before = 0;
            for (double h : history) {
                before += h;
            }
            before /= HISTORY_BLOCKS;
            if (mean <= DROP_FRACTION * before) {
                addPending(blockStartMs);
                quietUntilMs = blockStartMs + QUIET_AFTER_DROP_MS;
            }
        }
        history[blocksSeen % HISTORY_BLOCKS] = mean;
        blocksSeen++;
        blockSum = 0;
        blockFill = 0;
    }

    private void addPending(long dropMs) {
        // a drop absorbed until this one: what latency does from now on is this drop's
        int kept = 0;
        for (int i = 0; i < pendingCount; i++) {
            if (excursionFromMs[i] == NONE || excursionFromMs[i] >= dropMs) {
                record(0, true);
            } else {
                pending[kept] = pending[i];
                excursionFromMs[kept] = excursionFromMs[i];
                kept++;
            }
        }
        pendingCount = kept;
        if (pendingCount == MAX_PENDING) {
            // Only on a link whose latency never settles: the oldest is given up as unsettled.
            record(blockStartMs - pending[0], false);
            System.arraycopy(pending, 1, pending, 0, pendingCount - 1);
            System.arraycopy(excursionFromMs, 1, excursionFromMs, 0, pendingCount - 1);
            pendingCount--;
        }
        // Already above 15 ms since (or just before) the drop: the excursion has begun.
        excursionFromMs[pendingCount] = lastAboveMs >= dropMs - 1 ? dropMs : NONE;
        pending[pendingCount++] = dropMs;
    }

    private void settle(long ms) {
        int kept = 0;
        for (int i = 0; i < pendingCount; i++) {
            long drop = pending[i];
            if (excursionFromMs[i] == NONE && lastAboveMs >= drop) {
                excursionFromMs[i] = lastAboveMs;
            }
            boolean inExcursion = excursionFromMs[i] != NONE;
            if (inExcursion && belowSinceMs >= 0 && belowSinceMs > drop && ms + 1 - belowSinceMs >= SETTLE_FOR_MS) {
                record(belowSinceMs - drop, true);
            } else if (!inExcursion && ms - drop >= EXCURSION_WINDOW_MS) {
                record(0, true);
            } else {
                pending[kept] = drop;
                excursionFromMs[kept] = excursionFromMs[i];
                kept++;
            }
        }
        pendingCount = kept;
    }
    /** Closes the run at {@code endMs}: drops still pending count as unsettled. */
    void finish(long endMs) {
        for (int i = 0; i < pendingCount; i++) {
            record(Math.max(0, endMs - pending[i]), false);
        }
        pendingCount = 0;
    }

    private void record(double reactionMs, boolean settled) {
        if (reactions == reactionsMs.length) {
            reactionsMs = Arrays.copyOf(reactionsMs, reactions * 2);
        }
        reactionsMs[reactions++] = reactionMs;
        if (!settled) {
            unsettled++;
        }
    }

    int count() {
        return reactions;
    }

    int unsettled() {
        return unsettled;
    }

    /** Median reaction in seconds; NaN when there was no drop. */
    double medianSeconds() {
        if (reactions == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(reactionsMs, reactions);
        Arrays.sort(sorted);
        double m = (reactions % 2 == 1) ? sorted[reactions / 2] : (sorted[reactions / 2 - 1] + sorted[reactions / 2]) / 2;
        return m / 1000.0;
    }

    /** Longest reaction in seconds; NaN when there was no drop. */
    double maxSeconds() {
        double max = Double.NaN;
        for (int i = 0; i < reactions; i++) {
            max = Double.isNaN(max) ? reactionsMs[i] : Math.max(max, reactionsMs[i]);
        }
        return max / 1000.0;
    }
}
