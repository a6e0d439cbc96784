package dev.wanctl.sim.testbed;

import dev.wanctl.emulator.model.RouterState;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * Carries what the testbed's kernel shapers counted into the emulated router's two queues, so the
 * daemon's {@code readQueueStats} sees what the kernel shaped (bytes, packets, drops, backlog), as
 * the simulator's {@code CakeCounterFeed} does from the model. It reads when the daemon reads
 * ({@link #sync}, called by {@link KernelCountedRouter}), at most once per {@code minIntervalNanos}:
 * the counters are fresh at the instant the daemon times them.
 */
final class KernelCounterFeed {

    /** One shaper's cumulative counters (bytes, packets, drops) and its instantaneous backlog. */
    record Totals(long bytes, long packets, long drops, long backlogBytes, long backlogPackets) {
    }

    /** Where the counters come from: both directions in one read, download first. */
    interface Source {
        Totals[] read() throws IOException;
    }

    private final RouterState router;
    private final String[] queues;
    private final Source source;
    private final LongSupplier nanoTime;
    private final long minIntervalNanos;
    private final Totals[] last = new Totals[2];
    private long lastReadNanos;
    private boolean read;

    KernelCounterFeed(RouterState router, String downloadQueue, String uploadQueue, Source source,
            LongSupplier nanoTime, long minIntervalNanos) {
        this.router = router;
        this.queues = new String[] {downloadQueue, uploadQueue};
        this.source = source;
        this.nanoTime = nanoTime;
        this.minIntervalNanos = minIntervalNanos;
    }

    /** Reads the kernel (unless it was read less than the minimum interval ago) and feeds the queues. */
    synchronized void sync() throws IOException {
        long now = nanoTime.getAsLong();
        if (read && now - lastReadNanos < minIntervalNanos) {
            return;
        }
        Totals[] t = source.read();
        lastReadNanos = now;
        read = true;
        apply(t);
    }

    /**
     * Adds what each shaper counted since the previous read. The first read is the baseline (the
     * queues count from there); counters that went backwards (a qdisc replaced) start a new one.
     */
    void apply(Totals[] t) {
        for (int i = 0; i < 2; i++) {
            Totals now = t[i];
            Totals before = last[i];
            if (before != null && now.bytes() >= before.bytes() && now.packets() >= before.packets()
                    && now.drops() >= before.drops()) {
                router.addTraffic(queues[i], now.bytes() - before.bytes(), now.packets() - before.packets(),
                        now.drops() - before.drops());
            }
            router.setBacklog(queues[i], now.backlogBytes(), now.backlogPackets());
            last[i] = now;
        }
    }
}
