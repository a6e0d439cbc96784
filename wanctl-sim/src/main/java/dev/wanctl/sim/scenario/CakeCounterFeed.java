package dev.wanctl.sim.scenario;

import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.sim.link.LinkDirection;

/**
 * Carries what the simulated shaper did into the emulated router's queue counters (bytes,
 * packets, drops, backlog), so a daemon reads queue statistics as it would from a router: counted
 * where the router counts them, at its shaper (a download's counter never runs ahead of what the
 * ISP delivered): the steering daemon reads CAKE statistics and the adaptive law its queues' byte
 * counters from them. Packets are counted as 1500 bytes.
 */
public final class CakeCounterFeed {

    private static final double PACKET_BYTES = 1500;

    private final RouterState router;
    private final String queue;
    private final LinkDirection shaper;
    private double sentBytes;
    private double droppedBytes;

    /** Feeds the counters of {@code queue} from the shaper of {@code shaper}'s direction. */
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
