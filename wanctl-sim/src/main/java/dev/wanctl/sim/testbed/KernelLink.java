package dev.wanctl.sim.testbed;

import dev.wanctl.sim.link.Direction;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The testbed's two bottlenecks as kernel qdiscs: the ISP's (tbf with a fixed byte buffer, the
 * "modem", at the scenario's capacity) and the router's shaper (htb at the controller's max-limit
 * with a bfifo leaf holding {@value #SHAPER_QUEUE_MS} ms, CoDel's target, standing in for CAKE).
 * Rates are L2 bit/s, as tc counts them. Only changes are written.
 */
final class KernelLink {

    /** The shaper's queue: CAKE keeps about CoDel's 5 ms target when it is the bottleneck. */
    static final double SHAPER_QUEUE_MS = 5.0;
    /** "No shaper": htb far above any testbed rate, so it never queues. */
    static final long UNSHAPED_BPS = 10_000_000_000L;
    private static final long MIN_QUEUE_BYTES = 3 * 1514;

    private final TcBatch isp;
    private final TcBatch router;
    private final Map<Direction, Long> fifoBytes = new EnumMap<>(Direction.class);
    private final Map<Direction, Long> capacityBps = new EnumMap<>(Direction.class);
    private final Map<Direction, Long> shaperBps = new EnumMap<>(Direction.class);

    /**
     * @param fifoBytes the ISP buffer of each direction in bytes (fixed: a capacity drop makes it
     *     longer in time, as a real modem's does)
     */
    KernelLink(ChildProcesses children, Map<Direction, Long> fifoBytes) throws IOException {
        this.isp = new TcBatch(children, Topology.ISP_NS);
        this.router = new TcBatch(children, Topology.ROUTER_NS);
        this.fifoBytes.putAll(fifoBytes);
    }

    /** The ISP's bottleneck at {@code bps}. */
    void capacity(Direction d, long bps) {
        Long old = capacityBps.put(d, bps);
        if (old != null && old == bps) {
            return;
        }
        long burst = Math.max(4096, bps / 8 / 1000); // 1 ms of tokens: smooth at the rate
        isp.run(String.format(Locale.ROOT, "qdisc change dev %s root handle 1: tbf rate %dbit burst %d limit %d",
                Topology.bottleneckDev(d), bps, burst, fifoBytes.get(d)));
    }

    /** The router's shaper at {@code bps}; 0 removes the limit. */
    void shaper(Direction d, long bps) {
        long rate = bps <= 0 ? UNSHAPED_BPS : bps;
        Long old = shaperBps.put(d, rate);
        if (old != null && old == rate) {
            return;
        }
        String dev = Topology.shaperDev(d);
        long queue = bps <= 0 ? 16L << 20 : Math.max(MIN_QUEUE_BYTES, Math.round(rate / 8.0 * SHAPER_QUEUE_MS / 1000));
        router.run(String.format(Locale.ROOT, "class change dev %s parent 1: classid 1:10 htb rate %dbit ceil %dbit"
                + " quantum 1514", dev, rate, rate));
        router.run(String.format(Locale.ROOT, "qdisc change dev %s parent 1:10 handle 10: bfifo limit %d", dev, queue));
    }
}
