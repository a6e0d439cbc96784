package dev.wanctl.sim.scorecard;

import java.util.Arrays;

/**
 * Finds every drop of the true capacity by 20 % or more while the direction is loaded, and
 * measures how long the added latency takes to be back under 15 ms for good.
 *
 * <p>Capacity is averaged over 100 ms blocks; a drop is a block whose mean is at most 80 % of
 * the mean of the ten blocks (1 s) before it, and is dated at the block's start. After a drop
 * the detector waits 1 s before it can fire again (a ramp down counts once). The reaction ends at
 * the start of the first stretch of at least 1 s during which added latency stays under 15 ms; a
 * drop whose latency never rose above 15 ms has a reaction of 0. Drops still unsettled at the end
 * of the run count with the time they had so far and are reported as unsettled.
 */
final class DropReactions {

    static final double DROP_FRACTION = 0.8;
    static final double SETTLED_MS = 15.0;
    private static final int BLOCK_MS = 100;
    private static final int HISTORY_BLOCKS = 10;
    private static final long SETTLE_FOR_MS = 1000;
    private static final int MAX_PENDING = 256;

    private final double[] history = new double[HISTORY_BLOCKS];
    private int blocksSeen;
    private double blockSum;
    private int blockFill;
    private boolean blockLoaded;
    private long blockStartMs;
    private long quietUntilMs;

    private long belowSinceMs = -1;
    private final long[] pending = new long[MAX_PENDING];
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
                quietUntilMs = blockStartMs + SETTLE_FOR_MS;
            }
        }
        history[blocksSeen % HISTORY_BLOCKS] = mean;
        blocksSeen++;
        blockSum = 0;
        blockFill = 0;
    }

    private void addPending(long dropMs) {
        if (pendingCount == MAX_PENDING) {
            // Never in practice (one drop per second at most, each settles or ages out); keep the newest.
            record(SETTLE_FOR_MS * MAX_PENDING, false);
            System.arraycopy(pending, 1, pending, 0, --pendingCount);
        }
        pending[pendingCount++] = dropMs;
    }

    private void settle(long ms) {
        if (belowSinceMs < 0 || pendingCount == 0) {
            return;
        }
        int kept = 0;
        for (int i = 0; i < pendingCount; i++) {
            long drop = pending[i];
            if (ms + 1 - Math.max(belowSinceMs, drop) >= SETTLE_FOR_MS) {
                record(Math.max(0, belowSinceMs - drop), true);
            } else {
                pending[kept++] = drop;
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
