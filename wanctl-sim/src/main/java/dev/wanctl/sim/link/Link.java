package dev.wanctl.sim.link;

/**
 * The whole simulated WAN: both directions, the traffic that loads them, the reflectors that
 * measure them and the path delay. One {@link #step} per simulated millisecond.
 */
public final class Link {

    private final LinkDirection down;
    private final LinkDirection up;
    private final TrafficSchedule traffic;
    private final ReflectorBank reflectors;
    private final PathDelay path;
    private final SenderSetup senders;

    /** Wires the parts of one run together. */
    public Link(LinkDirection down, LinkDirection up, TrafficSchedule traffic, ReflectorBank reflectors, PathDelay path,
            SenderSetup senders) {
        this.down = down;
        this.up = up;
        this.traffic = traffic;
        this.reflectors = reflectors;
        this.path = path;
        this.senders = senders;
    }

    /**
     * Advances the link by the millisecond {@code ms}, shaping at what {@code rates} says now. Each
     * direction's senders see the other direction as it was a millisecond ago: their ACKs load it
     * and wait in it (as a sparse flow), which lengthens their round trip.
     */
    public void step(long ms, ShaperRates rates) {
        double pathOffsetMs = path.offsetMs(ms);
        double base = senders.rttMs() + pathOffsetMs;
        double downRtt = base + up.addedLatencyMs();
        double upRtt = base + down.addedLatencyMs();
        double acksUp = senders.ackFraction() * down.deliveredBytes();
        double acksDown = senders.ackFraction() * up.deliveredBytes();
        double downCap = ackCap(down, up, rates);
        double upCap = ackCap(up, down, rates);
        stepDirection(down, ms, rates, acksDown, downRtt, downCap);
        stepDirection(up, ms, rates, acksUp, upRtt, upCap);
        reflectors.step(ms, up, down, pathOffsetMs);
    }

    /**
     * ACK clocking: {@code forward}'s senders cannot run faster than their ACKs come back. The
     * ACK flows get a per-flow fair share of the reverse direction (CAKE's flow fairness against the
     * reverse direction's own senders), as of the last millisecond.
     */
    private double ackCap(LinkDirection forward, LinkDirection reverse, ShaperRates rates) {
        if (!(senders.ackFraction() > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        int mine = forward.senders().activeFlows();
        int theirs = reverse.senders().activeFlows();
        double share = mine + theirs == 0 ? 1.0 : Math.max(mine, 1) / (double) (Math.max(mine, 1) + theirs);
        return reverse.carryBytesPerMs(rates.maxLimitBps(reverse.direction())) * share / senders.ackFraction();
    }

    private void stepDirection(LinkDirection d, long ms, ShaperRates rates, double ackBytes, double rttMs, double cap) {
        Direction dir = d.direction();
        traffic.moveTo(dir, ms);
        d.step(ms, rates.maxLimitBps(dir), traffic.fixedBytesPerMs(dir), ackBytes, rttMs, cap);
    }

    /** The senders' knobs. */
    public SenderSetup senders() {
        return senders;
    }

    /** One direction's state after the last step. */
    public LinkDirection direction(Direction d) {
        return d == Direction.DOWNLOAD ? down : up;
    }

    /** Whether saturating flows are on in the direction at the last step. */
    public boolean greedy(Direction d) {
        return traffic.greedy(d);
    }

    /** The traffic schedule. */
    public TrafficSchedule traffic() {
        return traffic;
    }

    /** The reflectors. */
    public ReflectorBank reflectors() {
        return reflectors;
    }

    /** The path delay (for route-change events). */
    public PathDelay path() {
        return path;
    }
}
