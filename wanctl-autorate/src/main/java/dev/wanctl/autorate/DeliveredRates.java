package dev.wanctl.autorate;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.ServiceThread;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.Shaper;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each direction delivers, from the two queues' byte counters (the adaptive law cuts
 * relative to it and grows only while a direction is loaded). Both queues are read in one router
 * request, every {@code loadedIntervalNanos} while the cycle asks for it ({@link #fast}: a
 * direction is active or the delay rose) and every {@code idleIntervalNanos} otherwise, so the
 * router sees at most a few requests a second under load and fewer idle. A read never blocks the
 * cycle: the daemon runs it on its own thread; the simulator calls {@link #pollIfDue} inline.
 *
 * <p>A rate takes two reads: after the first (at start, or after the counters were lost), the
 * second comes on the loaded cadence, also while idle. Until then the law acts on the RTT alone
 * and counts both directions active, so a load that starts then cuts both; an idle start used to
 * wait a whole idle interval for its first rate. A counter that went backwards (router reboot,
 * counter reset) is a new base, not a negative rate. After three failed reads in a row the rates
 * are unknown (NaN) and the law decides on the RTT alone until a read succeeds.
 */
public final class DeliveredRates implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveredRates.class);
    private static final int UNKNOWN_AFTER_FAILURES = 3;

    private final Shaper router;
    private final String wan;
    private final String downloadQueue;
    private final String uploadQueue;
    private final Clock clock;
    private final long loadedIntervalNanos;
    private final long idleIntervalNanos;
    private final ServiceThread thread;
    private final Object lock = new Object();

    private volatile boolean fast = true;
    private volatile boolean activeWhileFast;
    private volatile double downloadBps = Double.NaN;
    private volatile double uploadBps = Double.NaN;
    private volatile long reads;
    private long lastAtNanos = Long.MIN_VALUE;
    private long lastDlBytes;
    private long lastUlBytes;
    private long nextNanos = Long.MIN_VALUE;
    private int failuresInRow;
    private int onsetReadsLeft;

    /**
     * Spacing of the reads after the delay rose ({@link #onset}): the second read's window lies
     * wholly after the rise, so on a download it measures what the line carries now.
     */
    static final long ONSET_READ_GAP_NANOS = 150_000_000L;

    public DeliveredRates(Shaper router, String wan, String downloadQueue, String uploadQueue, Clock clock,
            long loadedIntervalNanos, long idleIntervalNanos) {
        this.router = router;
        this.wan = wan;
        this.downloadQueue = downloadQueue;
        this.uploadQueue = uploadQueue;
        this.clock = clock;
        this.loadedIntervalNanos = loadedIntervalNanos;
        this.idleIntervalNanos = Math.max(loadedIntervalNanos, idleIntervalNanos);
        this.thread = new ServiceThread("delivered-rates", clock, () -> false, this::pollOnCadence);
    }

    /**
     * Every cycle: whether the cycle wants the loaded cadence, and whether a direction carries
     * traffic of its own (any thread; read at the next scheduling). When a wish for the loaded
     * cadence that no direction's traffic came with passes (the delay rose and fell again), the
     * read it had set waits for the idle cadence: a radio line's own spikes cost a read each. After
     * a load, that read still comes (it tells the law the load has ended).
     */
    public void fast(boolean wanted, boolean active) {
        if (wanted && !fast) {
            fast = true;
            synchronized (lock) {
                // a load that starts while idle is read soon, not after the idle interval
                if (nextNanos != Long.MIN_VALUE && lastAtNanos != Long.MIN_VALUE) {
                    nextNanos = Math.min(nextNanos, lastAtNanos + loadedIntervalNanos);
                }
            }
            thread.wake();
        }
        activeWhileFast |= active;
        if (!wanted && fast) {
            fast = false;
            if (!activeWhileFast) {
                synchronized (lock) {
                    if (onsetReadsLeft == 0 && nextNanos != Long.MIN_VALUE && lastAtNanos != Long.MIN_VALUE
                            && !awaitingFirstRate()) {
                        nextNanos = Math.max(nextNanos, lastAtNanos + idleIntervalNanos);
                    }
                }
            }
        }
        if (!wanted) {
            activeWhileFast = false;
        }
    }

    /**
     * The delay just rose above the cut threshold: read soon and once more {@link
     * #ONSET_READ_GAP_NANOS} later, so the cut after the first one knows what the line carried
     * since the rise (a capacity drop shows in the counters in a fraction of a second, not after a
     * whole loaded interval). Two extra reads per delay episode.
     */
    public void onset(long nowNanos) {
        synchronized (lock) {
            onsetReadsLeft = 2;
            long soon = lastAtNanos == Long.MIN_VALUE ? nowNanos : Math.max(nowNanos, lastAtNanos + ONSET_READ_GAP_NANOS);
            if (nextNanos == Long.MIN_VALUE || soon < nextNanos) {
                nextNanos = soon;
            }
        }
        thread.wake();
    }

    /** Reads when the cadence says so (inline mode, on the cycle's clock). */
    public void pollIfDue(long nowNanos) {
        synchronized (lock) {
            if (nextNanos == Long.MIN_VALUE || nowNanos >= nextNanos) {
                if (onsetReadsLeft > 0) {
                    onsetReadsLeft--;
                }
                poll(nowNanos);
                // after a first read (at start, or the first after the counters were lost) the one
                // that gives a rate comes on the loaded cadence: the law acts on the RTT alone until then
                nextNanos = nowNanos + (onsetReadsLeft > 0 ? ONSET_READ_GAP_NANOS
                        : fast || awaitingFirstRate() ? loadedIntervalNanos : idleIntervalNanos);
            }
        }
    }

    private void poll(long nowNanos) {
        QueueStats[] s;
        try {
            s = router.readQueueStats(downloadQueue, uploadQueue);
        } catch (RouterException e) {
            failed(e.kind().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            failed("unexpected " + e); // a bug in a transport must not end the thread
            return;
        }
        reads++;
        long dl = s[0].bytes();
        long ul = s[1].bytes();
        if (failuresInRow >= UNKNOWN_AFTER_FAILURES) {
            LOG.info("{}: queue counters readable again after {} failed reads: delivered rates known again", wan,
                    failuresInRow);
        }
        failuresInRow = 0;
        if (lastAtNanos != Long.MIN_VALUE && dl >= lastDlBytes && ul >= lastUlBytes && nowNanos > lastAtNanos) {
            double sec = (nowNanos - lastAtNanos) / 1e9;
            downloadBps = (dl - lastDlBytes) * 8 / sec;
            uploadBps = (ul - lastUlBytes) * 8 / sec;
        } else if (lastAtNanos != Long.MIN_VALUE && (dl < lastDlBytes || ul < lastUlBytes)) {
            LOG.info("{}: queue byte counters went back (router reboot or counter reset): counting from the new"
                    + " values", wan);
        }
        lastAtNanos = nowNanos;
        lastDlBytes = dl;
        lastUlBytes = ul;
    }

    private void failed(String error) {
        failuresInRow++;
        if (failuresInRow == 1) {
            LOG.warn("{}: reading the queues' byte counters failed ({}): retrying", wan, error);
        } else if (failuresInRow == UNKNOWN_AFTER_FAILURES) {
            LOG.warn("{}: queue counters unreadable ({} reads in a row, last: {}): deciding on RTT alone until they"
                    + " return", wan, failuresInRow, error);
            downloadBps = Double.NaN;
            uploadBps = Double.NaN;
            lastAtNanos = Long.MIN_VALUE;
        }
    }

    /** One read succeeded, the next gives the first rate (failed reads keep the idle cadence). */
    private boolean awaitingFirstRate() {
        return lastAtNanos != Long.MIN_VALUE && Double.isNaN(downloadBps);
    }

    /** The download's delivered rate between the last two reads, bit/s; NaN until known. */
    public double downloadBps() {
        return downloadBps;
    }

    /** The upload's delivered rate between the last two reads, bit/s; NaN until known. */
    public double uploadBps() {
        return uploadBps;
    }

    /** Successful reads so far. */
    public long reads() {
        return reads;
    }

    /** Starts the reading thread. */
    public void start() {
        thread.start();
    }

    private long pollOnCadence() {
        pollIfDue(clock.nanoTime());
        synchronized (lock) {
            return Math.max(nextNanos, clock.nanoTime() + 1);
        }
    }

    /** Stops the thread without waiting long for a read in flight. */
    @Override
    public void close() {
        thread.close(Duration.ofMillis(200));
    }
}
