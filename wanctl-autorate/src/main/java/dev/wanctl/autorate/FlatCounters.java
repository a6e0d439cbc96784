package dev.wanctl.autorate;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches for a line the adaptive law cannot shape: the delay says it is loaded while neither
 * queue's byte counter moves (a queue that carries no traffic: wrong queue names, packet marks
 * that miss it, a router or backend that reports zero). The law then reads both directions as
 * idle and never cuts. After {@link #SUSTAINED_NANOS} of that, {@link #problem()} says so with the
 * cause (for /health and {@code wanctl status}); the log says it once when it starts and once when
 * it ends. Fed by the cycle's thread; {@link #problem()} is read from any thread.
 */
final class FlatCounters {

    private static final Logger LOG = LoggerFactory.getLogger(FlatCounters.class);
    /** How long the delay must stay up over flat counters before it is a problem. */
    static final long SUSTAINED_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final String wan;
    private long flatSinceNanos = Long.MIN_VALUE; // counters flat without a break since then
    private long lastDelayUpNanos = Long.MIN_VALUE;
    private long cycles; // in the flat episode
    private long delayUpCycles;
    private double peakDeltaMs;
    private volatile String problem;

    FlatCounters(String wan) {
        this.wan = wan;
    }

    /**
     * One cycle: whether the delay says the line is loaded ({@code delayUp}, with its
     * {@code deltaMs}), and what each direction delivered by its counters (bit/s; NaN unknown).
     * A problem when the counters stayed flat for {@link #SUSTAINED_NANOS} and the delay was up in
     * at least half of those cycles (a queue that fills and drains is not up in every one); over
     * when the counters move, or the delay stays down as long (a quiet line needs no shaping).
     */
    void sample(boolean delayUp, double deltaMs, double downloadBps, double uploadBps, long nowNanos) {
        boolean flat = downloadBps == 0 && uploadBps == 0; // NaN (unknown) is not flat
        if (delayUp) {
            lastDelayUpNanos = nowNanos;
        }
        boolean quiet = lastDelayUpNanos == Long.MIN_VALUE || nowNanos - lastDelayUpNanos >= SUSTAINED_NANOS;
        if (!flat || quiet) {
            flatSinceNanos = Long.MIN_VALUE;
            if (problem != null) {
                problem = null;
                LOG.info("{}: {}", wan, flat ? "the delay is down again over flat queue counters: nothing to shape"
                        : "the queues' byte counters move again: the adaptive law sees the load");
            }
            return;
        }
        if (flatSinceNanos == Long.MIN_VALUE) {
            flatSinceNanos = nowNanos;
            cycles = 0;
            delayUpCycles = 0;
            peakDeltaMs = 0;
        }
        peakDeltaMs = Math.max(peakDeltaMs, deltaMs);
        cycles++;
        if (delayUp) {
            delayUpCycles++;
        }
        long flatNanos = nowNanos - flatSinceNanos;
        if (problem == null && flatNanos >= SUSTAINED_NANOS && 2 * delayUpCycles >= cycles) {
            problem = String.format(Locale.ROOT, "loaded by RTT (delay up to %.1f ms over the baseline) but neither"
                    + " queue's byte counter has moved for %d s: the adaptive law reads both directions as idle"
                    + " and leaves the line unshaped; check that the queues carry the traffic (queue names,"
                    + " packet marks)", peakDeltaMs, TimeUnit.NANOSECONDS.toSeconds(flatNanos));
            LOG.warn("{}: {}", wan, problem);
        }
    }

    /** Why the line is left unshaped, null while the counters follow the load. */
    String problem() {
        return problem;
    }
}
