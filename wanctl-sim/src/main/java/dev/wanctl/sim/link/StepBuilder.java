package dev.wanctl.sim.link;

import java.util.Arrays;

/** Collects the level changes of a piecewise-constant capacity, dropping changes to the same level. */
final class StepBuilder {

    private long[] times = new long[64];
    private double[] levels = new double[64];
    private int size;

    /** Sets the level from {@code ms} on; times must not decrease (a repeated time replaces the level). */
    StepBuilder at(long ms, double bps) {
        if (size > 0 && ms < times[size - 1]) {
            throw new IllegalArgumentException("capacity steps out of order at " + ms + " ms");
        }
        if (size > 0 && times[size - 1] == ms) {
            size--;
        }
        if (size > 0 && levels[size - 1] == bps) {
            return this;
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            levels = Arrays.copyOf(levels, size * 2);
        }
        times[size] = ms;
        levels[size] = bps;
        size++;
        return this;
    }

    StepCapacity build(double nominalBps, double jitter, java.util.SplittableRandom random) {
        return new StepCapacity(Arrays.copyOf(times, size), Arrays.copyOf(levels, size), nominalBps, jitter, random);
    }
}
