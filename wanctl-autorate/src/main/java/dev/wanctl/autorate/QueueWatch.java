package dev.wanctl.autorate;

import dev.wanctl.routeros.QueueInfo;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When to read the router's queues back and what a read means: one queue per check, download and
 * upload in turn, every {@link Cadence#loadedEveryNanos} while a rate sits below its ceiling (a
 * change made by someone else then unshapes the line) and every {@link Cadence#idleEveryNanos}
 * while both are at their ceilings (then the read is the idle health check: it finds a dead
 * router, refused credentials or a changed certificate while nothing is written). A max-limit that
 * is not the one last written is reported once per episode and handed back for the writer to write
 * again; a queue whose id changed is reported once. A successful write counts as a check of both
 * queues. Owned by the writer's thread.
 */
final class QueueWatch {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWatch.class);

    /**
     * @param loadedEveryNanos between checks while a rate is below its ceiling
     * @param idleEveryNanos between checks while both rates are at their ceilings (at most one
     *     request per 10 s)
     */
    record Cadence(long loadedEveryNanos, long idleEveryNanos, long downloadCeilingBps, long uploadCeilingBps) {

        /** 2.5 s loaded (each queue read every 5 s, 0.4 requests/s), 10 s idle (0.1 requests/s). */
        static Cadence standard(long downloadCeilingBps, long uploadCeilingBps) {
            return new Cadence(TimeUnit.MILLISECONDS.toNanos(2500), TimeUnit.SECONDS.toNanos(10), downloadCeilingBps,
                    uploadCeilingBps);
        }
    }

    private final String wan;
    private final String[] queues;
    private final Cadence cadence;
    private final String[] lastIds = new String[2];
    private final boolean[] drifted = new boolean[2];
    private int next; // 0 download, 1 upload
    private long dueNanos;
    private long corrections;

    QueueWatch(String wan, String downloadQueue, String uploadQueue, Cadence cadence, long nowNanos) {
        this.wan = wan;
        this.queues = new String[] {Objects.requireNonNull(downloadQueue), Objects.requireNonNull(uploadQueue)};
        this.cadence = Objects.requireNonNull(cadence);
        this.dueNanos = nowNanos + cadence.idleEveryNanos();
    }

    /** When the next check is due. */
    long dueNanos() {
        return dueNanos;
    }

    /** The queue the next check reads. */
    String nextQueue() {
        return queues[next];
    }

    /** Whether the next check reads the download queue. */
    boolean nextIsDownload() {
        return next == 0;
    }

    /** A write of both queues succeeded: the next check is a full period away. */
    void wrote(long nowNanos, long wantedDlBps, long wantedUlBps) {
        schedule(nowNanos, wantedDlBps, wantedUlBps);
    }

    /** A check failed: the writer's backoff decides when to try; afterwards the same queue is read. */
    void failed(long retryAtNanos) {
        dueNanos = retryAtNanos;
    }

    /**
     * A check read {@code q}; {@code writtenBps} is what the router should hold (-1 when nothing was
     * written or assumed yet: nothing to compare). Returns the max-limit the router really holds
     * when it differs, so the writer writes the wanted rate again; else -1.
     */
    long read(QueueInfo q, long writtenBps, long nowNanos, long wantedDlBps, long wantedUlBps) {
        int i = next;
        next = 1 - next;
        schedule(nowNanos, wantedDlBps, wantedUlBps);
        String name = queues[i];
        if (lastIds[i] != null && !lastIds[i].equals(q.id())) {
            LOG.warn("{}: queue \"{}\" has a new id on the router ({} -> {}): verified by name, writes go to the new id",
                    wan, name, lastIds[i], q.id());
        }
        lastIds[i] = q.id();
        if (writtenBps < 0 || sameRate(q.maxLimitBps(), writtenBps)) {
            if (drifted[i]) {
                LOG.info("{}: max-limit of \"{}\" is {} again on the router", wan, name, RateWriter.mbit(writtenBps));
            }
            drifted[i] = false;
            return -1;
        }
        corrections++;
        if (!drifted[i]) {
            drifted[i] = true;
            LOG.warn("{}: max-limit of \"{}\" is {} on the router, not the {} written: changed by someone else;"
                    + " writing {} again", wan, name, RateWriter.mbit(q.maxLimitBps()), RateWriter.mbit(writtenBps),
                    RateWriter.mbit(i == 0 ? wantedDlBps : wantedUlBps));
        }
        return q.maxLimitBps();
    }

    /** How many reads found a max-limit changed behind our back. */
    long corrections() {
        return corrections;
    }

    private void schedule(long nowNanos, long wantedDlBps, long wantedUlBps) {
        boolean loaded = wantedDlBps < cadence.downloadCeilingBps() || wantedUlBps < cadence.uploadCeilingBps();
        dueNanos = nowNanos + (loaded ? cadence.loadedEveryNanos() : cadence.idleEveryNanos());
    }

    /** RouterOS keeps max-limit in bit/s; allow for a rounding of the last digits. */
    private static boolean sameRate(long routerBps, long writtenBps) {
        return Math.abs(routerBps - writtenBps) <= Math.max(1_000, writtenBps / 10_000);
    }
}
