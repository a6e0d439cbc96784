package dev.wanctl.sim.testbed;

import dev.wanctl.sim.link.Direction;

/**
 * What one testbed run recorded, one entry per millisecond of the run and direction: the
 * scenario's truth (capacity, delivery opportunities, whether saturating traffic was on), the
 * shaper's max-limit the controller had, and the bytes the far end received.
 */
final class Recording {

    final int durationMs;
    final float[][] capacityBps = new float[2][];
    final float[][] capacityBytes = new float[2][];
    final boolean[][] loaded = new boolean[2][];
    final long[][] shaperBps = new long[2][];
    final float[][] deliveredBytes = new float[2][];

    Recording(int durationMs) {
        this.durationMs = durationMs;
        for (int d = 0; d < 2; d++) {
            capacityBps[d] = new float[durationMs];
            capacityBytes[d] = new float[durationMs];
            loaded[d] = new boolean[durationMs];
            shaperBps[d] = new long[durationMs];
            deliveredBytes[d] = new float[durationMs];
        }
    }

    static int index(Direction d) {
        return d == Direction.DOWNLOAD ? 0 : 1;
    }

    /** Spreads {@code bytes} received over the milliseconds {@code [fromMs, toMs)}. */
    void delivered(Direction d, int fromMs, int toMs, long bytes) {
        int from = Math.max(0, fromMs);
        int to = Math.min(durationMs, toMs);
        if (to <= from) {
            return;
        }
        float each = (float) bytes / (to - from);
        float[] row = deliveredBytes[index(d)];
        for (int ms = from; ms < to; ms++) {
            row[ms] += each;
        }
    }
}
