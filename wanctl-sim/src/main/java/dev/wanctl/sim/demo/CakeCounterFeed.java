package dev.wanctl.sim.demo;

import dev.wanctl.sim.emulator.RouterState;
import dev.wanctl.sim.link.LinkDirection;

/**
 * Carries what the simulated CAKE shaper did into the emulated router's queue counters (bytes,
 * packets, drops, backlog), so the steering daemon reads CAKE statistics and the autorate daemon's
 * adaptive law its queues' byte counters as they would from a router. Packets are counted as 1500
 * bytes. Public: {@code wanctl simulate} feeds the emulator the same way.
 */
public final class CakeCounterFeed {

    private static final double PACKET_BYTES = 1500;

    private final RouterState router;
    private final String queue;
    private final LinkDirection shaper;
    private double sentBytes;
    private double droppedBytes;

    public CakeCounterFeed(RouterState router, String queue, LinkDirection shaper) {
        this.router = router;
        this.queue = queue;
        this.shaper = shaper;
        this.sentBytes = shaper.shaperSentTotalBytes();
        this.droppedBytes = shaper.shaperDroppedTotalBytes();
    }

    /** Adds what happened since the previous call. */
    public void feed() {
        double sent = shaper.shaperSentTotalBytes();
        double dropped = shaper.shaperDroppedTotalBytes();
        long bytes = (long) (sent - sentBytes);
        long drops = (long) ((dropped - droppedBytes) / PACKET_BYTES);
        if (bytes > 0 || drops > 0) {
            router.addTraffic(queue, bytes, (long) (bytes / PACKET_BYTES), drops);
            sentBytes += bytes;
            droppedBytes += drops * PACKET_BYTES;
        }
        double queued = shaper.shaperQueueBytes();
        router.setBacklog(queue, (long) queued, (long) Math.ceil(queued / PACKET_BYTES));
    }
}
