package dev.wanctl.sim.plot;

import java.util.Arrays;

/**
 * Reduces a long series to one bucket per pixel column (min, max, mean, and which of min and max
 * came first), so an hour at 20 Hz draws as a faithful envelope of a few thousand points and no
 * spike disappears.
 */
final class Decimator {

    /** Per-column aggregates; min/max/mean are NaN in columns without a known value. */
    record Columns(double[] min, double[] max, double[] mean, boolean[] minFirst, boolean[] gap) {

        int size() {
            return min.length;
        }

        boolean has(int c) {
            return !Double.isNaN(min[c]);
        }

        /**
         * These columns with each empty one holding the previous column's values: a state (zone,
         * steering) lasts until the next sample, so a short run drawn wider than its samples shows
         * solid bands rather than stripes. Gaps (only unknown samples) stay empty.
         */
        Columns held() {
            double[] mn = min.clone();
            double[] mx = max.clone();
            double[] me = mean.clone();
            for (int c = 1; c < mn.length; c++) {
                if (Double.isNaN(mn[c]) && !gap[c]) {
                    mn[c] = mn[c - 1];
                    mx[c] = mx[c - 1];
                    me[c] = me[c - 1];
                }
            }
            return new Columns(mn, mx, me, minFirst, gap);
        }
    }

    private Decimator() {
    }

    /**
     * Buckets the samples {@code (t[i], v[i])} with {@code t0 <= t < t1} into {@code columns}
     * columns. A column that held samples but only unknown (NaN) ones is a gap: lines break there.
     */
    static Columns aggregate(double[] t, double[] v, double t0, double t1, int columns) {
        double[] min = new double[columns];
        double[] max = new double[columns];
        double[] sum = new double[columns];
        int[] count = new int[columns];
        int[] minAt = new int[columns];
        int[] maxAt = new int[columns];
        boolean[] sawNaN = new boolean[columns];
        Arrays.fill(min, Double.NaN);
        Arrays.fill(max, Double.NaN);
        double span = t1 - t0;
        for (int i = 0; i < t.length; i++) {
            if (!(t[i] >= t0 && t[i] <= t1) || span <= 0) {
                continue;
            }
            int c = (int) Math.min(columns - 1, Math.floor((t[i] - t0) / span * columns));
            double x = v[i];
            if (Double.isNaN(x)) {
                sawNaN[c] = true;
                continue;
            }
            if (count[c] == 0 || x < min[c]) {
                min[c] = x;
                minAt[c] = i;
            }
            if (count[c] == 0 || x > max[c]) {
                max[c] = x;
                maxAt[c] = i;
            }
            sum[c] += x;
            count[c]++;
        }
        double[] mean = new double[columns];
        boolean[] minFirst = new boolean[columns];
        boolean[] gap = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            mean[c] = count[c] == 0 ? Double.NaN : sum[c] / count[c];
            minFirst[c] = minAt[c] <= maxAt[c];
            gap[c] = count[c] == 0 && sawNaN[c];
        }
        return new Columns(min, max, mean, minFirst, gap);
    }
}
