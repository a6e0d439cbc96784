package dev.wanctl.autorate;

import dev.wanctl.core.control.WriteGate;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.ServiceThread;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.RouterException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the controller's rates to the router off the control loop, so a slow or dead router never
 * delays a cycle. The newest offered pair wins; each queue is written only when its own rate
 * changed; the {@link WriteGate}'s rate limit holds a rate back as pending (a cut never waits
 * behind a raise); a failed write keeps the newest pair pending and is retried every
 * {@code retryNanos} until the router answers.
 *
 * <p>{@link #start()} runs it on its own thread; the simulator instead calls {@link #service()}
 * after each {@link #offer} on its virtual clock. Logs follow docs/LOGGING.md.
 */
public final class RateWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RateWriter.class);
    /** Retry cadence after a failure that is not transient (queue missing, credentials refused). */
    private static final long SLOW_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** Health turns degraded after writes have failed this long. */
    private static final long DEGRADED_AFTER_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final RouterClient router;
    private final String wan;
    private final String downloadQueue;
    private final String uploadQueue;
    private final WriteGate gate;
    private final Clock clock;
    private final long retryNanos;
    private final boolean dryRun;

    // offered by the loop thread, taken by the writer (guarded by this)
    private long offeredDl;
    private long offeredUl;
    private long offeredSeq;
    private long takenSeq;

    // writer-side state, read by snapshot() (volatile: read from other threads)
    private volatile boolean pending;
    private volatile long failingSinceNanos = Long.MIN_VALUE;
    private volatile long writes;
    private volatile long failures;
    private volatile long lastWriteMillis;
    private volatile RouterException lastError;
    private volatile long appliedDl;
    private volatile long appliedUl;
    private final ServiceThread thread;

    /**
     * @param retryNanos delay between attempts while the router fails transiently (the control
     *     interval: a pending pair reaches a returning router within one cycle)
     * @param dryRun decide and log, never send
     */
    public RateWriter(RouterClient router, String wan, String downloadQueue, String uploadQueue, WriteGate gate,
            Clock clock, long retryNanos, boolean dryRun) {
        this.router = router;
        this.wan = wan;
        this.downloadQueue = downloadQueue;
        this.uploadQueue = uploadQueue;
        this.gate = gate;
        this.clock = clock;
        this.retryNanos = retryNanos;
        this.dryRun = dryRun;
        this.thread = new ServiceThread("rate-writer", clock, this::hasNewOffer, this::service);
        mirror();
    }

    /** Hands the newest pair to the writer; never blocks on the router. */
    public synchronized void offer(long dlBps, long ulBps) {
        if (dlBps == offeredDl && ulBps == offeredUl && offeredSeq > 0) {
            return; // nothing new; keeps the writer asleep
        }
        offeredDl = dlBps;
        offeredUl = ulBps;
        offeredSeq++;
        thread.wake();
    }

    private synchronized boolean hasNewOffer() {
        return takenSeq != offeredSeq;
    }

    /**
     * Considers the newest pair now, on the caller's thread: sends it, holds it back, or finds
     * nothing to do. Returns the time (on the clock) at which it wants to be called again, or
     * {@link Long#MAX_VALUE} when only a new offer can change anything.
     */
    public long service() {
        long dl;
        long ul;
        synchronized (this) {
            if (offeredSeq == 0) {
                return Long.MAX_VALUE;
            }
            dl = offeredDl;
            ul = offeredUl;
            takenSeq = offeredSeq;
        }
        long now = clock.nanoTime();
        WriteGate.Decision d = gate.decide(dl, ul, now);
        return switch (d) {
            case UNCHANGED -> {
                pending = false;
                yield Long.MAX_VALUE;
            }
            case RATE_LIMITED -> {
                pending = true;
                yield gate.nextAllowedNanos(now, dl, ul);
            }
            case WRITE -> write(dl, ul, gate.writeDownload(), gate.writeUpload(), gate.heldBack(), now);
        };
    }

    /**
     * Writes the queues the gate let through (only those: an unchanged queue is never re-sent);
     * when another one was held back it stays pending and the writer comes back when it may go.
     */
    private long write(long dl, long ul, boolean writeDl, boolean writeUl, boolean heldBack, long now) {
        long newDl = writeDl ? dl : gate.appliedDownloadBps();
        long newUl = writeUl ? ul : gate.appliedUploadBps();
        if (dryRun) {
            LOG.info("{}: dry run, would write{}{}", wan, writeDl ? " DL=" + mbit(dl) : "", writeUl ? " UL=" + mbit(ul) : "");
            gate.applied(newDl, newUl, now);
            mirror();
            return afterWrite(dl, ul, heldBack, now);
        }
        pending = true;
        long start = clock.nanoTime();
        boolean dlDone = false;
        try {
            if (writeDl) {
                router.setMaxLimit(downloadQueue, dl);
                dlDone = true;
            }
            if (writeUl) {
                router.setMaxLimit(uploadQueue, ul);
            }
        } catch (RouterException e) {
            return partlyFailed(e, dl, ul, dlDone, now);
        } catch (RuntimeException e) {
            // a bug in a transport must not kill the writer thread
            return partlyFailed(new RouterException(RouterException.Kind.PROTOCOL, "unexpected " + e, e), dl, ul, dlDone,
                    now);
        }
        long end = clock.nanoTime();
        gate.applied(newDl, newUl, end);
        mirror();
        writes++;
        lastWriteMillis = TimeUnit.NANOSECONDS.toMillis(end - start);
        if (failingSinceNanos != Long.MIN_VALUE) {
            LOG.info("{}: router answers again after {} s and {} failed attempts: wrote DL={} UL={}", wan,
                    String.format(Locale.ROOT, "%.1f", (end - failingSinceNanos) / 1e9), failures, mbit(newDl),
                    mbit(newUl));
            failingSinceNanos = Long.MIN_VALUE;
            lastError = null;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: router write{}{} ({}, {} ms)", wan, writeDl ? " DL=" + mbit(dl) : "",
                    writeUl ? " UL=" + mbit(ul) : "", router.transport(),
                    String.format(Locale.ROOT, "%.1f", (end - start) / 1e6));
        }
        return afterWrite(dl, ul, heldBack, end);
    }

    private long afterWrite(long dl, long ul, boolean heldBack, long now) {
        pending = heldBack;
        return heldBack ? gate.nextAllowedNanos(now, dl, ul) : Long.MAX_VALUE;
    }

    /** The download queue may have taken its rate before the upload's write failed: that one counts. */
    private long partlyFailed(RouterException e, long dl, long ul, boolean dlDone, long now) {
        if (dlDone) {
            gate.applied(dl, gate.appliedUploadBps(), clock.nanoTime());
            mirror();
        }
        return failed(e, dl, ul, now);
    }

    private long failed(RouterException e, long dl, long ul, long now) {
        failures++;
        boolean first = failingSinceNanos == Long.MIN_VALUE;
        if (first) {
            failingSinceNanos = now;
        }
        RouterException previous = lastError;
        lastError = e;
        if (first || previous == null || previous.kind() != e.kind()) {
            String what = switch (e.kind()) {
                case UNREACHABLE -> "router unreachable";
                case TIMEOUT -> "router timed out";
                case AUTHENTICATION -> "router rejected the credentials";
                case NOT_FOUND -> "queue not found on the router";
                case PROTOCOL -> "router reply not understood";
                case ROUTER_ERROR -> "router refused the write";
            };
            String action = e.kind().isTransient() ? "retrying every " + retryNanos / 1_000_000 + " ms"
                    : "retrying every " + SLOW_RETRY_NANOS / 1_000_000_000 + " s; fix the router or the config";
            if (e.kind().isTransient()) {
                LOG.warn("{}: {} ({}): keeping DL={} UL={} pending, {}", wan, what, e.getMessage(), mbit(dl), mbit(ul),
                        action);
            } else {
                LOG.error("{}: {} ({}): keeping DL={} UL={} pending, {}", wan, what, e.getMessage(), mbit(dl),
                        mbit(ul), action);
            }
        }
        return now + (e.kind().isTransient() ? retryNanos : SLOW_RETRY_NANOS);
    }

    /** Starts the writer thread. */
    public void start() {
        thread.start();
    }

    /**
     * Stops the thread after at most one more attempt (an attempt in flight finishes within the
     * router timeout; the caller bounds how long it waits).
     */
    @Override
    public void close() {
        thread.close();
    }

    /**
     * The router already has this pair (read at start, or restored from the state file): an
     * unchanged rate is then not sent again.
     */
    public void assumeApplied(long dlBps, long ulBps) {
        gate.assumeApplied(dlBps, ulBps);
        mirror();
    }

    private void mirror() {
        appliedDl = gate.appliedDownloadBps();
        appliedUl = gate.appliedUploadBps();
    }

    /** The download rate the router has (last written or assumed), 0 before any; any thread. */
    public long appliedDownloadBps() {
        return appliedDl;
    }

    /** The upload rate the router has, 0 before any; any thread. */
    public long appliedUploadBps() {
        return appliedUl;
    }

    /** The transport carrying the writes ({@code rest}, {@code ssh}). */
    public String transport() {
        return router.transport();
    }

    /** What the writer is doing, for health, metrics and the status line. */
    public Snapshot snapshot() {
        long since = failingSinceNanos;
        long now = clock.nanoTime();
        RouterException e = lastError;
        long dl;
        long ul;
        synchronized (this) {
            dl = offeredDl;
            ul = offeredUl;
        }
        return new Snapshot(pending, dl, ul, gate.anyApplied() ? gate.appliedDownloadBps() : -1,
                gate.anyApplied() ? gate.appliedUploadBps() : -1, writes, failures, gate.rateLimitedCount(),
                since == Long.MIN_VALUE ? 0 : now - since, since != Long.MIN_VALUE && now - since >= DEGRADED_AFTER_NANOS,
                e == null ? null : e.kind() + ": " + e.getMessage(), lastWriteMillis);
    }

    /**
     * @param appliedDlBps last pair the router accepted, -1 before the first
     * @param failingForNanos how long writes have been failing, 0 when they succeed
     * @param degraded writes have failed for 3 s or more
     */
    public record Snapshot(
            boolean pending,
            long wantedDlBps,
            long wantedUlBps,
            long appliedDlBps,
            long appliedUlBps,
            long writes,
            long failures,
            long rateLimited,
            long failingForNanos,
            boolean degraded,
            String lastError,
            long lastWriteMillis) {}

    /** Whole Mbit/s, as in the reference's log lines (docs/LOGGING.md). */
    static String mbit(long bps) {
        return Math.round(bps / 1e6) + "M";
    }
}
