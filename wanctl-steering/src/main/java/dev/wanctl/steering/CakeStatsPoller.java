package dev.wanctl.steering;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.ServiceThread;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.SteeringRouter;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the primary download queue's CAKE statistics on a cadence of its own
 * ({@code measurement.cake_stats_interval_ms}) on its own thread, so the steering cycle never
 * waits for the router and the router is not asked 20 times a second. The cycle takes the
 * newest {@link Reading}. A failed read makes the reading unavailable (no drops, no backlog: the
 * cycle decides on RTT alone), warned at the first and the third failure in a row.
 *
 * <p>{@link #start()} runs it on a thread; virtual-time tests call {@link #pollIfDue} from the
 * cycle instead.
 */
final class CakeStatsPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CakeStatsPoller.class);
    private static final int ESCALATE_AFTER_FAILURES = 3;

    /**
     * What the newest read found.
     *
     * @param seq increments with every read, failed or not (0: none yet)
     * @param available the last read succeeded
     * @param drops packets dropped since the previous successful read
     * @param packets packets since the previous successful read
     * @param queuedPackets backlog at the read
     * @param lastSuccessNanos when the last successful read was, or {@link Long#MIN_VALUE}
     */
    record Reading(long seq, long atNanos, boolean available, long drops, long packets, long queuedPackets,
            long lastSuccessNanos, int consecutiveFailures, long failures, String lastError) {

        static final Reading NONE = new Reading(0, Long.MIN_VALUE, false, 0, 0, 0, Long.MIN_VALUE, 0, 0, null);
    }

    private final SteeringRouter router;
    private final String wan;
    private final String queue;
    private final Clock clock;
    private final long intervalNanos;
    private final CakeCounters counters = new CakeCounters();
    private final Object reading = new Object();
    private volatile Reading latest = Reading.NONE;
    private volatile long droppedTotal = -1;
    private long nextNanos = Long.MIN_VALUE;
    private final ServiceThread thread;

    CakeStatsPoller(SteeringRouter router, String wan, String queue, Clock clock, long intervalNanos) {
        this.router = router;
        this.wan = wan;
        this.queue = queue;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.thread = new ServiceThread("cake-stats", clock, () -> false, this::pollOnCadence);
    }

    /** Takes a reading made elsewhere (the start-up check) as the base of the counters. */
    void base(QueueStats s) {
        synchronized (reading) {
            long now = clock.nanoTime();
            succeeded(s, now);
            nextNanos = now + intervalNanos;
        }
    }

    /** Reads when the cadence says so (inline mode: called from the cycle on its clock). */
    void pollIfDue(long nowNanos) {
        if (nextNanos == Long.MIN_VALUE || nowNanos >= nextNanos) {
            nextNanos = nowNanos + intervalNanos;
            poll();
        }
    }

    /** One read now. */
    void poll() {
        synchronized (reading) {
            long now = clock.nanoTime();
            try {
                succeeded(router.readQueueStats(queue), now);
            } catch (RouterException e) {
                failed(e.kind().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage(), now);
            } catch (RuntimeException e) {
                // a bug in a transport must not end the stats thread
                failed("unexpected " + e, now);
            }
        }
    }

    private void succeeded(QueueStats s, long now) {
        Reading before = latest;
        droppedTotal = s.dropped();
        counters.update(s.dropped(), s.packets());
        if (counters.wasReset()) {
            LOG.info("{}: CAKE counters of {} went back (router reboot or counter reset): counting from the new"
                    + " values", wan, queue);
        }
        if (before.consecutiveFailures() > 0) {
            LOG.info("{}: CAKE stats of {} back after {} failed reads: drops and backlog count again", wan, queue,
                    before.consecutiveFailures());
        }
        latest = new Reading(before.seq() + 1, now, true, counters.dropsDelta(), counters.packetsDelta(),
                s.queuedPackets(), now, 0, before.failures(), before.lastError());
    }

    private void failed(String error, long now) {
        Reading before = latest;
        int inRow = before.consecutiveFailures() + 1;
        if (inRow == 1) {
            LOG.warn("{}: CAKE stats read failed ({} {}): deciding on RTT alone until a read succeeds, retrying every"
                    + " {} ms", wan, queue, error, intervalNanos / 1_000_000);
        } else if (inRow == ESCALATE_AFTER_FAILURES) {
            LOG.warn("{}: CAKE stats unavailable ({} reads of {} failed in a row, last: {}): RTT-only decisions"
                    + " (no drops, no backlog) until they return", wan, inRow, queue, error);
        }
        latest = new Reading(before.seq() + 1, now, false, 0, 0, 0, before.lastSuccessNanos(), inRow,
                before.failures() + 1, error);
    }

    /** The newest reading (any thread). */
    Reading latest() {
        return latest;
    }

    /** The router's cumulative drop count at the newest successful read, -1 before one (metrics). */
    long droppedTotal() {
        return droppedTotal;
    }

    /** The queue read. */
    String queue() {
        return queue;
    }

    /** Starts the reading thread (once; later calls do nothing). */
    void start() {
        thread.start();
    }

    /** One read if due; the next time one is due (never a burst to catch up after a slow read). */
    private long pollOnCadence() {
        long now = clock.nanoTime();
        pollIfDue(now);
        return Math.max(nextNanos, clock.nanoTime() + 1);
    }

    /** Stops the thread without waiting long for a read in flight: its result no longer matters. */
    @Override
    public void close() {
        thread.close(Duration.ofMillis(200));
    }
}
