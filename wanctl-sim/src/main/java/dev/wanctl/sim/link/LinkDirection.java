package dev.wanctl.sim.link;

/**
 * One direction of the link, stepped in 1 ms ticks: the router's CAKE shaper followed by the ISP's
 * bottleneck with a deep FIFO. A fluid model in bytes (no packets), plain fields, nothing
 * allocated per step.
 *
 * <ul>
 *   <li><b>Shaper</b> (CAKE at {@code max-limit}): sends at most its rate each millisecond. When
 *       more arrives than it sends it keeps a standing queue of {@value #SHAPER_TARGET_MS} ms at
 *       its rate (CoDel's target) and drops the rest; when less arrives its queue drains. A rate of
 *       0 means no shaper.</li>
 *   <li><b>FIFO</b> (the modem / CMTS / DSLAM buffer): receives what the shaper sends, delivers
 *       at most the capacity's bytes of this millisecond (unused opportunities are lost, as in
 *       mahimahi), holds the rest up to its byte limit and tail-drops beyond it.</li>
 * </ul>
 *
 * <p>The FIFO's delay is exact for its discipline: the time the capacity ahead (the trace's
 * future opportunities, a generator's future levels) needs to deliver the bytes queued now.
 *
 * <p>Traffic is given per millisecond as a fixed number of bytes plus, when {@code greedy}, the
 * offer of saturating flows: {@value #GREEDY_OVERDRIVE} x the first bottleneck's rate (the
 * smaller of shaper rate and true capacity). That keeps the first bottleneck busy, as loss-based
 * TCP does, and fills a FIFO behind a shaper set above capacity at the difference of the rates
 * (unshaped: at a quarter of the capacity, so a 250 ms buffer fills in about a second, like slow
 * start's overshoot). Senders do not back off when the FIFO drops: a full FIFO stays full while
 * the load lasts, the pessimistic end of what CUBIC does with a deep buffer.
 */
public final class LinkDirection {

    /** CoDel's target: the standing queue CAKE keeps when it is the bottleneck. */
    public static final double SHAPER_TARGET_MS = 5.0;
    /** How far greedy flows offer above the first bottleneck's rate. */
    public static final double GREEDY_OVERDRIVE = 1.25;

    private final Direction direction;
    private final CapacitySource capacity;
    private final double fifoLimitBytes;
    private final double nominalBps;

    private double shaperQueueBytes;
    private double fifoBytes;

    private double capacityBytes;
    private double capacityBps;
    private double offeredBytes;
    private double shaperSentBytes;
    private double deliveredBytes;
    private double fifoDroppedBytes;
    private double shaperDelayMs;
    private double fifoDelayMs;
    private double shaperSentTotal;
    private double shaperDroppedTotal;

    /**
     * @param fifoMs the FIFO's size as milliseconds of the capacity source's nominal rate
     */
    public LinkDirection(Direction direction, CapacitySource capacity, double fifoMs) {
        if (!(fifoMs > 0)) {
            throw new IllegalArgumentException(direction + ": fifo size must be > 0 ms, got " + fifoMs);
        }
        this.direction = direction;
        this.capacity = capacity;
        this.nominalBps = capacity.nominalBps();
        this.fifoLimitBytes = fifoMs * nominalBps / 8000.0;
    }

    /**
     * Advances this direction by the millisecond {@code ms}.
     *
     * @param shaperBps the shaper's {@code max-limit} now, bit/s (0: no shaper)
     * @param greedy whether saturating flows are active
     * @param fixedBytes bytes offered this millisecond by rate-limited flows (trickle, video)
     */
    public void step(long ms, long shaperBps, boolean greedy, double fixedBytes) {
        capacity.moveTo(ms);
        capacityBytes = capacity.bytesThisMs();
        capacityBps = capacity.capacityBps();
        double capacityPerMs = capacityBps / 8000.0;
        double shaperPerMs = shaperBps > 0 ? shaperBps / 8000.0 : Double.POSITIVE_INFINITY;

        double offered = fixedBytes;
        if (greedy) {
            offered += GREEDY_OVERDRIVE * Math.min(shaperPerMs, capacityPerMs);
        }
        offeredBytes = offered;

        double sent;
        if (shaperBps > 0) {
            double backlog = shaperQueueBytes + offered;
            sent = Math.min(backlog, shaperPerMs);
            shaperQueueBytes = Math.min(backlog - sent, SHAPER_TARGET_MS * shaperPerMs);
            shaperDroppedTotal += backlog - sent - shaperQueueBytes;
            shaperDelayMs = shaperQueueBytes / shaperPerMs;
        } else {
            sent = offered + shaperQueueBytes;
            shaperQueueBytes = 0;
            shaperDelayMs = 0;
        }
        shaperSentBytes = sent;
        shaperSentTotal += sent;

        double available = fifoBytes + sent;
        deliveredBytes = Math.min(available, capacityBytes);
        double left = available - deliveredBytes;
        fifoDroppedBytes = Math.max(0.0, left - fifoLimitBytes);
        fifoBytes = left - fifoDroppedBytes;
        fifoDelayMs = fifoBytes > 0 ? capacity.drainMs(fifoBytes) : 0.0;
    }

    /** Which direction this is. */
    public Direction direction() {
        return direction;
    }

    /** Queueing delay a packet entering now sees: shaper queue plus FIFO, ms. */
    public double addedLatencyMs() {
        return shaperDelayMs + fifoDelayMs;
    }

    /** Delay in the shaper's standing queue, ms. */
    public double shaperDelayMs() {
        return shaperDelayMs;
    }

    /** Delay in the ISP's FIFO, ms. */
    public double fifoDelayMs() {
        return fifoDelayMs;
    }

    /** Bytes in the FIFO now. */
    public double fifoBytes() {
        return fifoBytes;
    }

    /** Bytes in the shaper's queue now. */
    public double shaperQueueBytes() {
        return shaperQueueBytes;
    }

    /** The FIFO's size in bytes. */
    public double fifoLimitBytes() {
        return fifoLimitBytes;
    }

    /** Bytes delivered to the far side in the last millisecond. */
    public double deliveredBytes() {
        return deliveredBytes;
    }

    /** Delivery opportunities (bytes) of the last millisecond, used or not. */
    public double capacityBytes() {
        return capacityBytes;
    }

    /** True capacity now, bit/s. */
    public double capacityBps() {
        return capacityBps;
    }

    /** The line's nominal capacity, bit/s. */
    public double nominalBps() {
        return nominalBps;
    }

    /** Bytes offered by the traffic in the last millisecond. */
    public double offeredBytes() {
        return offeredBytes;
    }

    /** Bytes the shaper has passed on since the start (its queue's byte counter). */
    public double shaperSentTotalBytes() {
        return shaperSentTotal;
    }

    /** Bytes the shaper has dropped since the start (its queue's drop counter, in bytes). */
    public double shaperDroppedTotalBytes() {
        return shaperDroppedTotal;
    }

    /** Bytes the shaper passed to the FIFO in the last millisecond. */
    public double shaperSentBytes() {
        return shaperSentBytes;
    }

    /** Fraction of what reached the FIFO in the last millisecond that it dropped (a probe's loss chance). */
    public double fifoDropFraction() {
        return shaperSentBytes > 0 ? fifoDroppedBytes / shaperSentBytes : 0.0;
    }

    /** Preloads the FIFO (tests and warm starts). */
    void fillFifo(double bytes) {
        fifoBytes = Math.min(bytes, fifoLimitBytes);
    }
}
