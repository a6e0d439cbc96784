package dev.wanctl.sim.link;

/**
 * One direction of the link, stepped in 1 ms ticks: the router's shaper ({@link ShaperQueue}) and
 * the ISP's bottleneck ({@link IspFifo}), in the order a packet crosses them, and the TCP senders
 * ({@link TcpSenders}) that load them. A fluid model in bytes, plain fields, nothing allocated
 * per step.
 *
 * <ul>
 *   <li><b>Upload</b>: LAN senders, then the router's shaper, then the modem's buffer at the
 *       line's capacity (egress shaping: the shaper comes first).</li>
 *   <li><b>Download</b>: internet senders, then the ISP's buffer at the line's capacity, then the
 *       router's ingress shaper (the download crosses the bottleneck before the router can shape
 *       it, so a shaper above the capacity leaves the ISP's buffer to fill, and the shaper's byte
 *       counter never counts more than the ISP delivered).</li>
 * </ul>
 *
 * <p>Drops in either queue are losses to the senders (seen one RTT later); bytes of rate-limited
 * flows (trickle, video, ACKs of the other direction) are offered as they are and never back off.
 */
public final class LinkDirection {

    /** Per-ms decay of the bulk flows' share of arrivals (about 100 ms of memory). */
    private static final double GREEDY_DECAY = 0.99;

    private final Direction direction;
    private final CapacitySource capacity;
    private final double nominalBps;
    private final IspFifo fifo;
    private final ShaperQueue shaper;
    private final TcpSenders senders;

    private double capacityBytes;
    private double capacityBps;
    private double offeredBytes;
    private double greedyOfferedBytes;
    private double deliveredBytes;
    private double flowRttMs;
    private double greedyArrived;
    private double allArrived;

    /**
     * @param fifoMs the ISP FIFO's size as milliseconds of the capacity source's nominal rate
     */
    public LinkDirection(Direction direction, CapacitySource capacity, double fifoMs, ShaperQueue.Setup shaper,
            TcpSenders senders) {
        if (!(fifoMs > 0)) {
            throw new IllegalArgumentException(direction + ": fifo size must be > 0 ms, got " + fifoMs);
        }
        this.direction = direction;
        this.capacity = capacity;
        this.nominalBps = capacity.nominalBps();
        this.fifo = new IspFifo(capacity, fifoMs * nominalBps / 8000.0);
        this.shaper = new ShaperQueue(shaper);
        this.senders = senders;
    }

    /** A direction with a CAKE shaper and no TCP senders (fixed traffic only; tests). */
    public LinkDirection(Direction direction, CapacitySource capacity, double fifoMs) {
        this(direction, capacity, fifoMs, ShaperQueue.Setup.CAKE, TcpSenders.none());
    }

    /**
     * Advances this direction by the millisecond {@code ms}.
     *
     * @param shaperBps the shaper's {@code max-limit} now, bit/s (0: no shaper)
     * @param fixedBytes bytes offered this millisecond by rate-limited flows (trickle, video)
     * @param ackBytes bytes of the other direction's ACKs this millisecond
     * @param baseRttMs the senders' round trip over empty queues plus the delay their ACKs meet on
     *     the way back; this direction's own queues are added here
     * @param ackCapBytes the most the senders can send this millisecond for the ACKs the reverse
     *     direction can carry back (infinite: no limit)
     */
    public void step(long ms, long shaperBps, double fixedBytes, double ackBytes, double baseRttMs, double ackCapBytes) {
        capacity.moveTo(ms);
        capacityBytes = capacity.bytesThisMs();
        capacityBps = capacity.capacityBps();
        double rtt = Math.max(1.0, baseRttMs + fifo.delayMs() + shaper.delayMs());
        flowRttMs = rtt;
        greedyOfferedBytes = senders.offer(ms, rtt);
        if (greedyOfferedBytes > ackCapBytes) {
            greedyOfferedBytes = senders.ackClock(ackCapBytes / greedyOfferedBytes);
        }
        offeredBytes = fixedBytes + greedyOfferedBytes;
        double offered = offeredBytes + ackBytes;

        if (direction == Direction.DOWNLOAD) {
            double fromIsp = fifo.step(offered);
            deliveredBytes = shaper.step(ms, shaperBps, fromIsp);
        } else {
            double fromShaper = shaper.step(ms, shaperBps, offered);
            deliveredBytes = fifo.step(fromShaper);
        }
        greedyArrived = GREEDY_DECAY * greedyArrived + greedyOfferedBytes;
        allArrived = GREEDY_DECAY * allArrived + offered;
        // what the bulk flows got delivered: their share of what entered the queues lately
        senders.delivered(allArrived > 0 ? deliveredBytes * greedyArrived / allArrived : 0, rtt);
        if (offered > 0) {
            senders.dropped(ms, (fifo.droppedBytes() + shaper.tailDroppedBytes()) / offered, rtt);
        }
        for (int i = shaper.aqmDrops(); i > 0; i--) {
            senders.aqmDrop(ms, rtt);
        }
    }

    /** {@link #step} without an ACK-clock limit. */
    public void step(long ms, long shaperBps, double fixedBytes, double ackBytes, double baseRttMs) {
        step(ms, shaperBps, fixedBytes, ackBytes, baseRttMs, Double.POSITIVE_INFINITY);
    }

    /**
     * Bytes per millisecond this direction can carry now: its shaper's rate, or the capacity when
     * that is lower or there is no shaper.
     */
    public double carryBytesPerMs(long shaperBps) {
        double cap = capacityBps / 8000.0;
        return shaperBps > 0 ? Math.min(cap, shaperBps / 8000.0) : cap;
    }

    /** Which direction this is. */
    public Direction direction() {
        return direction;
    }

    /**
     * Queueing delay a sparse packet entering now sees (a ping, a call): the ISP's FIFO plus the
     * shaper's delay for sparse flows (one packet under CAKE, the whole queue in a FIFO), ms.
     */
    public double addedLatencyMs() {
        return shaper.sparseDelayMs() + fifo.delayMs();
    }

    /** Queueing delay of the bulk flows now: FIFO plus the shaper's bulk queue, ms. */
    public double bulkLatencyMs() {
        return shaper.delayMs() + fifo.delayMs();
    }

    /** The bulk flows' round trip at the last step, ms. */
    public double flowRttMs() {
        return flowRttMs;
    }

    /** Delay in the shaper's bulk queue, ms. */
    public double shaperDelayMs() {
        return shaper.delayMs();
    }

    /** Delay in the ISP's FIFO, ms. */
    public double fifoDelayMs() {
        return fifo.delayMs();
    }

    /** Bytes in the FIFO now. */
    public double fifoBytes() {
        return fifo.bytes();
    }

    /** Bytes in the shaper's queue now. */
    public double shaperQueueBytes() {
        return shaper.queueBytes();
    }

    /** The FIFO's size in bytes. */
    public double fifoLimitBytes() {
        return fifo.limitBytes();
    }

    /** Bytes delivered to the far side in the last millisecond (after both queues). */
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

    /** Bytes offered by the traffic in the last millisecond (senders plus fixed flows, not ACKs). */
    public double offeredBytes() {
        return offeredBytes;
    }

    /** Bytes the TCP senders offered in the last millisecond. */
    public double greedyOfferedBytes() {
        return greedyOfferedBytes;
    }

    /** The TCP senders. */
    public TcpSenders senders() {
        return senders;
    }

    /** Bytes the shaper has passed on since the start (its queue's byte counter). */
    public double shaperSentTotalBytes() {
        return shaper.sentTotalBytes();
    }

    /** Bytes the shaper has dropped since the start (its queue's drop counter, in bytes). */
    public double shaperDroppedTotalBytes() {
        return shaper.droppedTotalBytes();
    }

    /** Bytes the shaper passed on in the last millisecond. */
    public double shaperSentBytes() {
        return shaper.sentBytes();
    }

    /** Bytes the ISP's FIFO dropped in the last millisecond. */
    public double fifoDroppedBytes() {
        return fifo.droppedBytes();
    }

    /** Bytes the shaper tail-dropped in the last millisecond. */
    public double shaperTailDroppedBytes() {
        return shaper.tailDroppedBytes();
    }

    /** Fraction of what reached the ISP's FIFO in the last millisecond that it dropped. */
    public double fifoDropFraction() {
        return fifo.dropFraction();
    }

    /**
     * The chance a probe crossing this direction now is lost in a full tail-drop queue: the ISP's
     * FIFO, and the shaper when it is a FIFO (CAKE drops from the fattest flow, not from a ping).
     */
    public double probeLossFraction() {
        return 1 - (1 - fifo.dropFraction()) * (1 - shaper.probeDropFraction());
    }

    /** Preloads the FIFO (tests and warm starts). */
    void fillFifo(double bytes) {
        fifo.fill(bytes);
    }
}
