package dev.wanctl.sim.link;

/**
 * Capacity replayed from a mahimahi trace, optionally scaled by a constant factor (a faster link
 * of the same shape: every opportunity carries {@code scale} x 1500 bytes).
 */
final class TraceCapacity implements CapacitySource {

    private final MahimahiTrace trace;
    private final double scale;
    private long ms;

    TraceCapacity(MahimahiTrace trace, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("trace scale must be > 0, got " + scale);
        }
        this.trace = trace;
        this.scale = scale;
    }

    @Override
    public void moveTo(long ms) {
        this.ms = ms;
    }

    @Override
    public double bytesThisMs() {
        return trace.opportunitiesAt(ms) * (double) MahimahiTrace.PACKET_BYTES * scale;
    }

    @Override
    public double capacityBps() {
        return trace.smoothedBpsAt(ms) * scale;
    }

    @Override
    public double drainMs(double bytes) {
        return trace.drainMs(ms, bytes / (MahimahiTrace.PACKET_BYTES * scale));
    }

    @Override
    public double nominalBps() {
        return trace.meanBps() * scale;
    }
}
