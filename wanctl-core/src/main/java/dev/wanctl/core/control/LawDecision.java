package dev.wanctl.core.control;

/**
 * What a {@link ControlLaw} decided in its last step: each direction's zone and rate, the RTT
 * figures behind them and what drove them. The cycle, its log line, the metrics, /health, the
 * state file and the flight recorder read it. Owned and refilled by the law (no allocation per
 * cycle): read it before the next step, or copy what must outlive it (the cycle publishes a
 * {@code CycleView}).
 */
public final class LawDecision {

    /** What moved the rates at the last step. */
    public enum Driver {
        /** Nothing yet: the starting rates (ceilings, or a restored state). */
        START,
        /** A fresh RTT sample: the queueing delay (loaded RTT minus baseline). */
        DELAY,
        /** No fresh sample: the law was fed the loaded RTT it last had (measurement-loss fallback). */
        LAST_LOAD
    }

    private Zone downloadZone = Zone.GREEN;
    private Zone uploadZone = Zone.GREEN;
    private long downloadRateBps;
    private long uploadRateBps;
    private double rttMs = Double.NaN;
    private double loadMs;
    private double baselineMs;
    private double deltaMs;
    private boolean baselineRejectedByBounds;
    private boolean downloadActive = true;
    private boolean uploadActive = true;
    private boolean busy;
    private long downloadRestoreBps;
    private long uploadRestoreBps;
    private Driver driver = Driver.START;

    /** Sets the rates and zones. */
    public LawDecision rates(Zone downloadZone, long downloadRateBps, Zone uploadZone, long uploadRateBps) {
        this.downloadZone = downloadZone;
        this.downloadRateBps = downloadRateBps;
        this.uploadZone = uploadZone;
        this.uploadRateBps = uploadRateBps;
        return this;
    }

    /** Sets the RTT figures in ms: the sample stepped with, the loaded RTT, the baseline, their difference. */
    public LawDecision rtt(double rttMs, double loadMs, double baselineMs, double deltaMs) {
        this.rttMs = rttMs;
        this.loadMs = loadMs;
        this.baselineMs = baselineMs;
        this.deltaMs = deltaMs;
        return this;
    }

    /**
     * Sets what the law saw of the directions: which ones carried traffic of their own (the
     * reference law cannot tell, so both), and whether the line is busy (a direction active or
     * the delay up: the byte counters are then read at the loaded cadence).
     */
    public LawDecision load(boolean downloadActive, boolean uploadActive, boolean busy) {
        this.downloadActive = downloadActive;
        this.uploadActive = uploadActive;
        this.busy = busy;
        return this;
    }

    /**
     * Sets the rates up to which a raise only reverses the law's own cuts (0: none), so the write
     * gate may send it like a cut (a dip the cuts were sized on has ended).
     */
    public LawDecision restoring(long downloadUpToBps, long uploadUpToBps) {
        this.downloadRestoreBps = downloadUpToBps;
        this.uploadRestoreBps = uploadUpToBps;
        return this;
    }

    /** A download raise up to this rate reverses the law's own cuts (0: none). */
    public long downloadRestoreBps() {
        return downloadRestoreBps;
    }

    /** An upload raise up to this rate reverses the law's own cuts (0: none). */
    public long uploadRestoreBps() {
        return uploadRestoreBps;
    }

    /** Sets whether the last step's candidate baseline was outside the configured bounds and rejected. */
    public LawDecision baselineRejectedByBounds(boolean rejected) {
        this.baselineRejectedByBounds = rejected;
        return this;
    }

    public LawDecision driver(Driver driver) {
        this.driver = driver;
        return this;
    }

    public Zone downloadZone() {
        return downloadZone;
    }

    public Zone uploadZone() {
        return uploadZone;
    }

    public long downloadRateBps() {
        return downloadRateBps;
    }

    public long uploadRateBps() {
        return uploadRateBps;
    }

    /** The RTT sample the law last stepped with, in ms (the repeated loaded RTT under {@link Driver#LAST_LOAD}); NaN before the first step. */
    public double rttMs() {
        return rttMs;
    }

    public double loadMs() {
        return loadMs;
    }

    public double baselineMs() {
        return baselineMs;
    }

    /** Loaded RTT minus baseline, in ms; negative when the link is quieter than the baseline. */
    public double deltaMs() {
        return deltaMs;
    }

    public boolean baselineRejectedByBounds() {
        return baselineRejectedByBounds;
    }

    public boolean downloadActive() {
        return downloadActive;
    }

    public boolean uploadActive() {
        return uploadActive;
    }

    /** Whether a direction is active or the delay is up (the byte counters' loaded cadence). */
    public boolean busy() {
        return busy;
    }

    public Driver driver() {
        return driver;
    }
}
