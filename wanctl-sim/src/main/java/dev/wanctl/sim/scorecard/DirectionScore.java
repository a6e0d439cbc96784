package dev.wanctl.sim.scorecard;

/**
 * Accumulates one direction's scorecard over a run, one sample per simulated millisecond;
 * nothing is allocated per sample.
 */
public final class DirectionScore {

    /** Added latency above which a millisecond counts as bufferbloat. */
    public static final double BUFFERBLOAT_MS = 30.0;

    private final long floorBps;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final DropReactions drops = new DropReactions();
    private long loadedMs;
    private double deliveredLoaded;
    private double capacityLoaded;
    private long bufferbloatMs;
    private long idleAtFloorMs;
    private long writes;
    private long lastShaperBps;
    private long samples;

    /**
     * @param floorBps the controller's lowest floor for this direction (time there while idle is counted)
     * @param initialShaperBps the max-limit the router had before the run (a first write counts)
     */
    public DirectionScore(long floorBps, long initialShaperBps) {
        this.floorBps = floorBps;
        this.lastShaperBps = initialShaperBps;
    }

    /**
     * One millisecond.
     *
     * @param loaded saturating traffic is on in this direction
     * @param addedMs queueing delay a packet entering now sees
     * @param deliveredBytes bytes delivered this millisecond
     * @param capacityBytes delivery opportunities this millisecond
     * @param capacityBps true capacity now
     * @param shaperBps the shaper's max-limit now (0: unshaped)
     */
    public void sample(long ms, boolean loaded, double addedMs, double deliveredBytes, double capacityBytes,
                       double capacityBps, long shaperBps) {
        samples++;
        if (loaded) {
            loadedMs++;
            latency.add(addedMs);
            deliveredLoaded += deliveredBytes;
            capacityLoaded += capacityBytes;
        } else if (shaperBps > 0 && shaperBps <= floorBps) {
            idleAtFloorMs++;
        }
        if (addedMs > BUFFERBLOAT_MS) {
            bufferbloatMs++;
        }
        if (shaperBps != lastShaperBps) {
            writes++;
        }
        lastShaperBps = shaperBps;
        drops.sample(ms, capacityBps, loaded, addedMs);
    }

    /** Closes the run and returns the result. */
    public DirectionResult finish() {
        drops.finish(samples);
        double minutes = samples / 60_000.0;
        return new DirectionResult(
                loadedMs / 1000.0,
                latency.percentileMs(50),
                latency.percentileMs(95),
                latency.percentileMs(99),
                latency.meanMs(),
                capacityLoaded > 0 ? deliveredLoaded / capacityLoaded : Double.NaN,
                bufferbloatMs / 1000.0,
                drops.count(),
                drops.unsettled(),
                drops.medianSeconds(),
                drops.maxSeconds(),
                idleAtFloorMs / 1000.0,
                minutes > 0 ? writes / minutes : 0.0,
                null,
                null);
    }
}
