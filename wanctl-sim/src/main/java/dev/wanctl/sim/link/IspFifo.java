package dev.wanctl.sim.link;

/**
 * The ISP's bottleneck (the modem's, CMTS's or DSLAM's buffer): delivers at most the capacity's
 * bytes of this millisecond (unused opportunities are lost, as in mahimahi), holds the rest up to
 * its byte limit and tail-drops beyond it. Its delay is exact for a FIFO: the time the capacity
 * ahead needs to deliver the bytes queued now.
 */
final class IspFifo {

    private final CapacitySource capacity;
    private final double limitBytes;
    private double bytes;
    private double deliveredBytes;
    private double droppedBytes;
    private double arrivedBytes;
    private double delayMs;

    IspFifo(CapacitySource capacity, double limitBytes) {
        this.capacity = capacity;
        this.limitBytes = limitBytes;
    }

    /** Millisecond's arrivals in, what the capacity carries out; returns the bytes delivered. */
    double step(double arrivals) {
        arrivedBytes = arrivals;
        double available = bytes + arrivals;
        deliveredBytes = Math.min(available, capacity.bytesThisMs());
        double left = available - deliveredBytes;
        droppedBytes = Math.max(0.0, left - limitBytes);
        bytes = left - droppedBytes;
        delayMs = bytes > 0 ? capacity.drainMs(bytes) : 0.0;
        return deliveredBytes;
    }

    double bytes() {
        return bytes;
    }

    double limitBytes() {
        return limitBytes;
    }

    double deliveredBytes() {
        return deliveredBytes;
    }

    double droppedBytes() {
        return droppedBytes;
    }

    double delayMs() {
        return delayMs;
    }

    /** Fraction of the last millisecond's arrivals it dropped: a probe's chance to be lost in it. */
    double dropFraction() {
        return arrivedBytes > 0 ? droppedBytes / arrivedBytes : 0.0;
    }

    void fill(double b) {
        bytes = Math.min(b, limitBytes);
    }
}
