package dev.wanctl.sim.link;

import java.util.SplittableRandom;

/**
 * Piecewise-constant capacity (level changes at given times) with optional per-millisecond grain:
 * each millisecond delivers {@code level x max(0, 1 + jitter x N(0,1))}, so the mean stays at the
 * level while the delivery is as lumpy as a DOCSIS or satellite scheduler's. Backs the CSV
 * capacity files and every generator.
 */
final class StepCapacity implements CapacitySource {

    private final long[] startMs;
    private final double[] levelBps;
    private final double nominalBps;
    private final double jitter;
    private final SplittableRandom random;
    private int index;
    private long now;
    private double bytesNow;

    /**
     * @param startMs strictly increasing start times, the first one 0
     * @param levelBps level from each start time on (the last one holds forever)
     * @param jitter relative standard deviation of each millisecond's delivery (0 for none)
     */
    StepCapacity(long[] startMs, double[] levelBps, double nominalBps, double jitter, SplittableRandom random) {
        if (startMs.length == 0 || startMs.length != levelBps.length || startMs[0] != 0) {
            throw new IllegalArgumentException("a capacity schedule needs levels from time 0 on");
        }
        for (int i = 0; i < levelBps.length; i++) {
            if (!(levelBps[i] >= 0) || (i > 0 && startMs[i] <= startMs[i - 1])) {
                throw new IllegalArgumentException("capacity schedule: times must increase and levels be >= 0 (at "
                        + startMs[i] + " ms: " + levelBps[i] + " bit/s)");
            }
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("capacity jitter must be between 0 and 1, got " + jitter);
        }
        this.startMs = startMs;
        this.levelBps = levelBps;
        this.nominalBps = nominalBps;
        this.jitter = jitter;
        this.random = random;
    }

    @Override
    public void moveTo(long ms) {
        now = ms;
        while (index + 1 < startMs.length && startMs[index + 1] <= ms) {
            index++;
        }
        double bytes = levelBps[index] / 8000.0;
        if (jitter > 0) {
            bytes *= Math.max(0.0, 1.0 + jitter * random.nextGaussian());
        }
        bytesNow = bytes;
    }

    @Override
    public double bytesThisMs() {
        return bytesNow;
    }

    @Override
    public double capacityBps() {
        return levelBps[index];
    }

    /** Drains at the levels ahead (their mean; the per-millisecond grain averages out). */
    @Override
    public double drainMs(double bytes) {
        double left = bytes;
        double elapsed = 0;
        for (int i = index; i < startMs.length; i++) {
            double perMs = levelBps[i] / 8000.0;
            double span = i + 1 < startMs.length
                    ? startMs[i + 1] - Math.max(startMs[i], now + 1)
                    : Double.POSITIVE_INFINITY;
            if (span <= 0) {
                continue;
            }
            if (perMs > 0 && left <= perMs * span) {
                return Math.min(MAX_DRAIN_MS, elapsed + left / perMs);
            }
            left -= perMs * span;
            elapsed += span;
            if (elapsed >= MAX_DRAIN_MS) {
                break;
            }
        }
        return MAX_DRAIN_MS;
    }

    @Override
    public double nominalBps() {
        return nominalBps;
    }
}
