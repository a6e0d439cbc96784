package dev.wanctl.autorate;

import dev.wanctl.core.control.WriteGate;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.ServiceThread;
import dev.wanctl.routeros.RetryBackoff;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterHealth;
import dev.wanctl.routeros.Shaper;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the controller's rates to the router off the control loop, so a slow or dead router never
 * delays a cycle. The newest offered pair wins; each queue is written only when its own rate
 * changed; the {@link WriteGate}'s rate limit holds a rate back as pending (a cut never waits
 * behind a raise); a failed write keeps the newest pair pending and is retried with a
 * {@link RetryBackoff} (new pairs do not bring a retry forward), so a dead router gets at most a
 * few connects a second and refused credentials one login every 5 to 60 s. With
 * {@link #verifyQueues} a {@link QueueVerifier} also reads the queues back: the idle health
 * check, and a max-limit changed by someone else written again. Every call's outcome goes to the
 * {@link CallLog} (a {@link RouterHealth}; the log says when the cause changes).
 *
 * <p>{@link #start()} runs it on its own thread; the simulator instead calls {@link #service()}
 * after each {@link #offer} on its virtual clock. Logs follow docs/LOGGING.md.
 */
public final class RateWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RateWriter.class);

    private final Shaper router;
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
    private long offeredDlRestore;
    private long offeredUlRestore;
    private long takenSeq;

    // writer-side state, read by snapshot() (volatile: read from other threads)
    private volatile boolean pending;
    private volatile long appliedDl;
    private volatile long appliedUl;
    private final CallLog calls;
    private final QueueVerifier verifier;
    private final ServiceThread thread;
    // the counts of the writers this one replaced (a reload): health and the status line count
    // writes, failures, checks, corrections and calls since the daemon started
    private volatile Snapshot carried;

    /**
     * @param retryNanos delay between attempts while the router fails transiently (the control
     *     interval: a pending pair reaches a returning router within one cycle)
     * @param dryRun decide and log, never send
     */
    public RateWriter(Shaper router, String wan, String downloadQueue, String uploadQueue, WriteGate gate,
            Clock clock, long retryNanos, boolean dryRun) {
        this.router = router;
        this.wan = wan;
        this.downloadQueue = downloadQueue;
        this.uploadQueue = uploadQueue;
        this.gate = gate;
        this.clock = clock;
        this.retryNanos = retryNanos;
        this.dryRun = dryRun;
        this.calls = new CallLog(wan, new RetryBackoff(retryNanos, wan.hashCode()));
        this.verifier = new QueueVerifier(router, wan, downloadQueue, uploadQueue, gate, clock, dryRun, calls,
                this::mirror);
        this.thread = new ServiceThread("rate-writer", clock, this::hasNewOffer, this::service);
        mirror();
    }

    /** Hands the newest pair to the writer; never blocks on the router. */
    public synchronized void offer(long dlBps, long ulBps) {
        offer(dlBps, ulBps, 0, 0);
    }

    /**
     * Hands the newest pair to the writer with the rates up to which a raise only reverses the
     * law's own cuts (0: none; {@link WriteGate#restoring}); never blocks on the router.
     */
    public synchronized void offer(long dlBps, long ulBps, long dlRestoreBps, long ulRestoreBps) {
        if (dlBps == offeredDl && ulBps == offeredUl && dlRestoreBps == offeredDlRestore
                && ulRestoreBps == offeredUlRestore && offeredSeq > 0) {
            return; // nothing new; keeps the writer asleep
        }
        offeredDl = dlBps;
        offeredUl = ulBps;
        offeredDlRestore = dlRestoreBps;
        offeredUlRestore = ulRestoreBps;
        offeredSeq++;
        thread.wake();
    }

    private synchronized boolean hasNewOffer() {
        return takenSeq != offeredSeq;
    }

    /**
     * Reads the queues back on {@code cadence} (the idle health check and the max-limit
     * verification, {@link QueueWatch}); without it the writer only writes (the simulator).
     */
    void verifyQueues(QueueWatch.Cadence cadence) {
        verifier.watch(cadence);
    }

    /**
     * Considers the newest pair now, on the caller's thread: sends it, holds it back, or finds
     * nothing to do; reads a queue back when that is due. Returns the time (on the clock) at which
     * it wants to be called again, or {@link Long#MAX_VALUE} when only a new offer can change
     * anything. While backing off after a failure nothing goes to the router before the retry
     * time, however often new pairs are offered.
     */
    public long service() {
        long dl;
        long ul;
        long dlRestore;
        long ulRestore;
        boolean offered;
        synchronized (this) {
            offered = offeredSeq != 0;
            dl = offeredDl;
            ul = offeredUl;
            dlRestore = offeredDlRestore;
            ulRestore = offeredUlRestore;
            takenSeq = offeredSeq;
        }
        long now = clock.nanoTime();
        if (now < calls.retryAtNanos()) {
            return calls.retryAtNanos();
        }
        QueueWatch w = verifier.watch();
        if (w != null && now >= w.dueNanos() && !(pending && calls.consecutiveFailures() > 0)) {
            // while a pending pair is failing its retries probe the router; no extra read
            if (!verifier.check(w, offered ? dl : Long.MAX_VALUE, offered ? ul : Long.MAX_VALUE, now)) {
                return calls.retryAtNanos();
            }
            now = clock.nanoTime();
        }
        long next = Long.MAX_VALUE;
        if (offered) {
            gate.restoring(dlRestore, ulRestore);
            WriteGate.Decision d = gate.decide(dl, ul, now);
            next = switch (d) {
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
        return w == null || next == calls.retryAtNanos() ? next : Math.min(next, w.dueNanos());
    }

    private long write(long dl, long ul, boolean writeDl, boolean writeUl, boolean heldBack, long now) {
        // a missing queue waits for the watch to find it again; the other one is written
        heldBack |= (writeDl && verifier.isMissing(0)) || (writeUl && verifier.isMissing(1));
        writeDl &= !verifier.isMissing(0);
        writeUl &= !verifier.isMissing(1);
        if (!writeDl && !writeUl) {
            pending = true;
            return Long.MAX_VALUE;
        }
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
                try {
                    router.setMaxLimit(downloadQueue, dl);
                    dlDone = true;
                } catch (RouterException e) {
                    if (e.kind() != RouterException.Kind.NOT_FOUND) {
                        throw e;
                    }
                    verifier.missing(0, e, now);
                    newDl = gate.appliedDownloadBps();
                    heldBack = true;
                    if (!writeUl) {
                        return Long.MAX_VALUE;
                    }
                }
            }
            if (writeUl) {
                try {
                    router.setMaxLimit(uploadQueue, ul);
                } catch (RouterException e) {
                    if (e.kind() != RouterException.Kind.NOT_FOUND) {
                        throw e;
                    }
                    verifier.missing(1, e, now);
                    newUl = gate.appliedUploadBps();
                    heldBack = true;
                    if (!dlDone) {
                        return Long.MAX_VALUE;
                    }
                }
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
        calls.wrote(TimeUnit.NANOSECONDS.toMillis(end - start));
        calls.succeeded(end, "wrote DL=" + mbit(newDl) + " UL=" + mbit(newUl));
        QueueWatch w = verifier.watch();
        if (w != null) {
            w.wrote(end, newDl, newUl);
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
        calls.countFailure();
        calls.failed(e, "keeping DL=" + mbit(dl) + " UL=" + mbit(ul) + " pending", now);
        return calls.retryAtNanos();
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

    /**
     * Continues {@code previous}'s counters (a reload replaces the writer): writes, failures,
     * rate-limited writes, checks, corrections and calls count from the daemon's start, as the
     * cycle count does.
     */
    void continueCountsFrom(RateWriter previous) {
        carried = previous.snapshot();
    }

    /** What the writer is doing, for health, metrics and the status line. */
    public Snapshot snapshot() {
        Snapshot now = ownSnapshot();
        Snapshot c = carried;
        if (c == null) {
            return now;
        }
        return new Snapshot(now.pending(), now.wantedDlBps(), now.wantedUlBps(), now.appliedDlBps(),
                now.appliedUlBps(), c.writes() + now.writes(), c.failures() + now.failures(),
                c.rateLimited() + now.rateLimited(), now.failingForNanos(), now.degraded(), now.lastError(),
                now.lastWriteMillis(), now.cause(), now.consecutiveFailures(), c.checks() + now.checks(),
                c.corrections() + now.corrections(), c.calls() + now.calls());
    }

    private Snapshot ownSnapshot() {
        long since = calls.failingSinceNanos();
        long now = clock.nanoTime();
        RouterException e = calls.lastError();
        long dl;
        long ul;
        synchronized (this) {
            dl = offeredDl;
            ul = offeredUl;
        }
        RouterHealth.View h = calls.view(now);
        QueueWatch w = verifier.watch();
        // a dry run applies nothing: the state file and health must not say otherwise
        boolean applied = gate.anyApplied() && !dryRun;
        // a missing queue keeps health degraded while the other queue's writes succeed
        String missingNow = verifier.missingCause();
        boolean degraded = h.degraded() || missingNow != null;
        String cause = h.degraded() || missingNow == null ? h.cause() : missingNow;
        return new Snapshot(pending, dl, ul, applied ? gate.appliedDownloadBps() : -1,
                applied ? gate.appliedUploadBps() : -1, calls.writes(), calls.failures(), gate.rateLimitedCount(),
                since == Long.MIN_VALUE ? 0 : now - since, degraded,
                e == null ? null : e.kind() + ": " + e.getMessage(), calls.lastWriteMillis(), cause,
                h.consecutiveFailures(), calls.checks(), w == null ? 0 : w.corrections(), h.failures() + h.successes());
    }

    /**
     * @param appliedDlBps last pair the router accepted, -1 before the first
     * @param failingForNanos how long writes have been failing, 0 when they succeed
     * @param degraded router calls are failing ({@link RouterHealth}: 3 in a row, for 3 s, or refused credentials)
     * @param cause why, in words, null while calls succeed
     * @param checks queue reads back (idle health check, max-limit verification)
     * @param corrections reads that found a max-limit changed by someone else
     * @param calls router calls made (a write of both queues counts as one), failed ones included
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
            long lastWriteMillis,
            String cause,
            int consecutiveFailures,
            long checks,
            long corrections,
            long calls) {}

    /** Whole Mbit/s, as in the reference's log lines (docs/LOGGING.md). */
    static String mbit(long bps) {
        return Math.round(bps / 1e6) + "M";
    }
}
