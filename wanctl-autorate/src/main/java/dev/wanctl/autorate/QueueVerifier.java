package dev.wanctl.autorate;

import dev.wanctl.core.control.WriteGate;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.Shaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RateWriter}'s reads of its queues back ({@link QueueWatch}: the idle health check,
 * and a max-limit changed by someone else handed back to be written again), and the queues the
 * router does not have: such a queue is not written, health is degraded with the cause, and it is
 * looked up again on the backoff (1 to 30 s) until a read finds it. Writer thread only; the cause
 * is read from any thread.
 */
final class QueueVerifier {

    // the writer's logger: the log lines are the writer's (docs/LOGGING.md)
    private static final Logger LOG = LoggerFactory.getLogger(RateWriter.class);

    private final Shaper router;
    private final String wan;
    private final String downloadQueue;
    private final String uploadQueue;
    private final WriteGate gate;
    private final Clock clock;
    private final boolean dryRun;
    private final CallLog calls;
    private final Runnable gateChanged;
    private volatile QueueWatch watch;
    // a queue the router does not have (NOT_FOUND; 0 download, 1 upload)
    private final boolean[] missing = new boolean[2];
    private int missingLookups;
    private volatile String missingCause;

    /** @param gateChanged told when a read made the gate assume another applied rate */
    QueueVerifier(Shaper router, String wan, String downloadQueue, String uploadQueue, WriteGate gate, Clock clock,
            boolean dryRun, CallLog calls, Runnable gateChanged) {
        this.router = router;
        this.wan = wan;
        this.downloadQueue = downloadQueue;
        this.uploadQueue = uploadQueue;
        this.gate = gate;
        this.clock = clock;
        this.dryRun = dryRun;
        this.calls = calls;
        this.gateChanged = gateChanged;
    }

    /** Reads the queues back on {@code cadence} from now on. */
    void watch(QueueWatch.Cadence cadence) {
        this.watch = new QueueWatch(wan, downloadQueue, uploadQueue, cadence, clock.nanoTime());
    }

    /** The watch, null when the queues are not read back (the simulator). */
    QueueWatch watch() {
        return watch;
    }

    /** Reads the queue due; false when the read failed (the writer backs off). */
    boolean check(QueueWatch w, long wantedDl, long wantedUl, long now) {
        boolean download = w.nextIsDownload();
        String queue = w.nextQueue();
        QueueInfo q;
        try {
            q = router.readQueue(queue);
        } catch (RouterException e) {
            if (e.kind() == RouterException.Kind.NOT_FOUND) {
                missing(download ? 0 : 1, e, now);
                return true;
            }
            calls.failed(e, "reading queue \"" + queue + "\" back", now);
            w.failed(calls.retryAtNanos());
            return false;
        } catch (RuntimeException e) {
            calls.failed(new RouterException(RouterException.Kind.PROTOCOL, "unexpected " + e, e),
                    "reading queue \"" + queue + "\" back", now);
            w.failed(calls.retryAtNanos());
            return false;
        }
        long end = clock.nanoTime();
        calls.succeeded(end, null);
        found(download ? 0 : 1);
        calls.checked();
        long written = dryRun || !gate.anyApplied() ? -1 : download ? gate.appliedDownloadBps() : gate.appliedUploadBps();
        long onRouter = w.read(q, written, end, wantedDl, wantedUl);
        if (onRouter >= 0) {
            // the router holds another rate: the gate learns it, so the wanted pair goes out again
            if (download) {
                gate.assumeApplied(onRouter, gate.appliedUploadBps());
            } else {
                gate.assumeApplied(gate.appliedDownloadBps(), onRouter);
            }
            gateChanged.run();
        }
        return true;
    }

    /** Whether queue {@code i} (0 download, 1 upload) is known to be missing: it waits for a read to find it. */
    boolean isMissing(int i) {
        return missing[i];
    }

    /** Why health is degraded by a missing queue, null when both are there; any thread. */
    String missingCause() {
        return missingCause;
    }

    /**
     * Queue {@code i} is not on the router: health is degraded with the cause until the watch
     * finds it again (looked up on the backoff, 1 to 30 s); the other queue is still written.
     */
    void missing(int i, RouterException e, long now) {
        if (!missing[i]) {
            missing[i] = true;
            missingLookups = 0;
            LOG.error("{}: queue not found on the router ({}): {} rates are not applied, the other queue still"
                    + " is; health degraded; looking for it again every 1 to 30 s; fix the router or the config",
                    wan, e.getMessage(), i == 0 ? "download" : "upload");
        }
        missingCause = "not found: " + e.getMessage();
        calls.countFailure();
        QueueWatch w = watch;
        if (w != null) {
            w.lookAgain(i, now + calls.lookupDelayNanos(++missingLookups));
        }
    }

    /** Queue {@code i} was read: when it was missing, it is back. */
    private void found(int i) {
        if (missing[i]) {
            missing[i] = false;
            LOG.info("{}: queue \"{}\" is on the router again", wan, i == 0 ? downloadQueue : uploadQueue);
            if (!missing[1 - i]) {
                missingCause = null;
            }
        }
    }
}
