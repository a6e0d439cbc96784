package dev.wanctl.sim.peer;

import java.util.Arrays;

/**
 * cake-autorate's control law for one direction, as a peer baseline for the scorecard (written
 * from the published description of cake-autorate 3.x, not from its source). It decides on every
 * reflector reply:
 *
 * <ul>
 *   <li>per reflector, a baseline one-way delay: an EWMA that follows a lower sample with weight
 *       0.9 and a higher one with 0.001; the reply's delta is its delay minus that baseline;</li>
 *   <li>a ring of the last 6 replies (all reflectors): a reply is delayed when its delta exceeds
 *       the threshold plus one packet's serialisation at the current rate; 3 delayed mean
 *       bufferbloat;</li>
 *   <li>bufferbloat (and no cut in the last 300 ms): the rate times a factor from 0.99 (average
 *       delta of the ring at the threshold) to 0.75 (at 60 ms);</li>
 *   <li>no bufferbloat, load above 75 % of the rate, a fresh load sample not used yet, no cut in
 *       the last 300 ms: the rate times a factor from 1.04 (average delta 10 ms or less) to 1.00
 *       (at the threshold);</li>
 *   <li>otherwise, at load 75 % or less: once a second, 1 % of the way toward the base rate;</li>
 *   <li>always within [min, max].</li>
 * </ul>
 *
 * Pure: it never reads a clock or the network (time, delays and load come in as arguments);
 * allocation-free after construction; not thread-safe.
 */
public final class CakeAutorateLaw {

    private static final long NEVER = Long.MIN_VALUE / 4;

    private final CakeAutorateParams p;
    private final long bloatRefractoryNanos;
    private final long decayRefractoryNanos;
    private final double[] baselineMs;
    private final boolean[] delayedRing;
    private final double[] deltaRing;
    private int ringNext;
    private int ringFill;
    private double rateBps;
    private long lastCutNanos = NEVER;
    private long lastDecayNanos = NEVER;
    private long usedLoadSample = Long.MIN_VALUE;

    /**
     * @param reflectors how many reflectors reply (each keeps its own baseline)
     */
    public CakeAutorateLaw(CakeAutorateParams params, int reflectors) {
        if (reflectors < 1) {
            throw new IllegalArgumentException("cake-autorate needs at least one reflector, got " + reflectors);
        }
        this.p = params;
        this.bloatRefractoryNanos = Math.round(params.bloatRefractorySec() * 1e9);
        this.decayRefractoryNanos = Math.round(params.decayRefractorySec() * 1e9);
        this.baselineMs = new double[reflectors];
        Arrays.fill(baselineMs, params.initialBaselineMs());
        this.delayedRing = new boolean[params.window()];
        this.deltaRing = new double[params.window()];
        this.rateBps = params.baseBps(); // cake-autorate starts at the base rate
    }

    /** The shaper rate now, bit/s. */
    public long rateBps() {
        return Math.round(rateBps);
    }

    /**
     * One reply, and the newest load sample, and the new shaper rate.
     *
     * @param nowNanos when the reply arrived (any monotonic origin)
     * @param reflector which reflector replied, 0-based
     * @param oneWayMs the reply's one-way delay in this direction (RTT / 2 for ICMP echo)
     * @param achievedBps what the direction delivered over the newest load sample; NaN while unknown (idle)
     * @param loadSample a number that changes with every fresh load sample (increases use each one once)
     * @return the shaper rate, bit/s
     */
    public long step(long nowNanos, int reflector, double oneWayMs, double achievedBps, long loadSample) {
        if (!Double.isFinite(oneWayMs)) {
            return rateBps();
        }
        double base = baselineMs[reflector];
        double alpha = oneWayMs > base ? p.baselineRiseAlpha() : p.baselineFallAlpha();
        base = (1 - alpha) * base + alpha * oneWayMs;
        baselineMs[reflector] = base;
        double delta = oneWayMs - base;
        double serialisationMs = p.maxWirePacketBytes() * 8 / rateBps * 1000;
        delayedRing[ringNext] = delta > p.delayThresholdMs() + serialisationMs;
        deltaRing[ringNext] = delta;
        ringNext = (ringNext + 1) % delayedRing.length;
        ringFill = Math.min(ringFill + 1, delayedRing.length);
        int delayed = 0;
        double sum = 0;
        for (int i = 0; i < ringFill; i++) {
            delayed += delayedRing[i] ? 1 : 0;
            sum += deltaRing[i];
        }
        double avgDeltaMs = sum / ringFill;
        double load = achievedBps / rateBps; // NaN while unknown: not high
        boolean outsideRefractory = nowNanos - lastCutNanos >= bloatRefractoryNanos;
        if (delayed >= p.delayedToDetect()) {
            if (outsideRefractory) {
                double t = clamp01((avgDeltaMs - p.delayThresholdMs()) / (p.cutDeltaMaxMs() - p.delayThresholdMs()));
                rateBps *= p.shallowestCut() + t * (p.deepestCut() - p.shallowestCut());
                lastCutNanos = nowNanos;
            }
        } else if (load > p.highLoadFraction()) {
            if (outsideRefractory && loadSample != usedLoadSample) {
                double t = clamp01((avgDeltaMs - p.growDeltaMinMs()) / (p.delayThresholdMs() - p.growDeltaMinMs()));
                rateBps *= p.largestIncrease() + t * (p.smallestIncrease() - p.largestIncrease());
                usedLoadSample = loadSample;
            }
        } else if (nowNanos - lastDecayNanos >= decayRefractoryNanos) {
            if (rateBps > p.baseBps()) {
                rateBps = Math.max(p.baseBps(), rateBps * (1 - p.decayFraction()));
            } else if (rateBps < p.baseBps()) {
                rateBps = Math.min(p.baseBps(), rateBps * (1 + p.decayFraction()));
            }
            lastDecayNanos = nowNanos;
        }
        rateBps = Math.max(p.minBps(), Math.min(p.maxBps(), rateBps));
        return rateBps();
    }

    /** A reflector's baseline one-way delay now, ms (for reports and tests). */
    public double baselineMs(int reflector) {
        return baselineMs[reflector];
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
