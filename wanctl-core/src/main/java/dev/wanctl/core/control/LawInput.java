package dev.wanctl.core.control;

/**
 * One cycle's measurement for a {@link ControlLaw}: the RTT the selector picked and how late its
 * replies were, what each direction delivered when the byte counters tell, the rates the router
 * has, and the interval. Whoever drives a law fills one instance again every cycle (no allocation
 * per cycle), so a law reads it during {@link ControlLaw#step} and keeps nothing of it.
 */
public final class LawInput {

    private final long intervalNanos;
    private double rttMs = Double.NaN;
    private double lateByMs;
    private double downloadDeliveredBps = Double.NaN;
    private double uploadDeliveredBps = Double.NaN;
    private long downloadAppliedBps;
    private long uploadAppliedBps;

    public LawInput(long intervalNanos) {
        Checks.positive(intervalNanos, "intervalNanos");
        this.intervalNanos = intervalNanos;
    }

    /**
     * This cycle's RTT.
     *
     * @param rttMs the RTT in ms, NaN when no reflector answered in time
     * @param lateByMs how much later than expected the newest replies are (0: fresh): the RTT is
     *     at least {@code rttMs + lateByMs}
     */
    public LawInput rtt(double rttMs, double lateByMs) {
        this.rttMs = rttMs;
        this.lateByMs = lateByMs;
        return this;
    }

    /** What each direction's queue delivered lately, in bit/s; NaN where not measured. */
    public LawInput delivered(double downloadBps, double uploadBps) {
        this.downloadDeliveredBps = downloadBps;
        this.uploadDeliveredBps = uploadBps;
        return this;
    }

    /** The rates the router has, in bit/s; 0 where not known. */
    public LawInput applied(long downloadBps, long uploadBps) {
        this.downloadAppliedBps = downloadBps;
        this.uploadAppliedBps = uploadBps;
        return this;
    }

    /** The RTT in ms; NaN when nothing fresh was measured. */
    public double rttMs() {
        return rttMs;
    }

    /** Whether this cycle has a fresh RTT. */
    public boolean measured() {
        return !Double.isNaN(rttMs);
    }

    /** How late the replies were, in ms (0: fresh). */
    public double lateByMs() {
        return lateByMs;
    }

    public double downloadDeliveredBps() {
        return downloadDeliveredBps;
    }

    public double uploadDeliveredBps() {
        return uploadDeliveredBps;
    }

    public long downloadAppliedBps() {
        return downloadAppliedBps;
    }

    public long uploadAppliedBps() {
        return uploadAppliedBps;
    }

    public long intervalNanos() {
        return intervalNanos;
    }
}
