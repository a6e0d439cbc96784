package dev.wanctl.autorate;

import dev.wanctl.routeros.RetryBackoff;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterHealth;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of every router call the {@link RateWriter} makes: the failure episode (logged when
 * its cause changes and once when it ends, not at every retry), the time before which nothing goes
 * to the router ({@link RetryBackoff}), and the counts that health and the status line show.
 * Written on the writer's thread; the counts are read from any thread.
 */
final class CallLog {

    // the writer's logger: the log lines are the writer's (docs/LOGGING.md)
    private static final Logger LOG = LoggerFactory.getLogger(RateWriter.class);

    private final String wan;
    private final RouterHealth health = new RouterHealth();
    private final RetryBackoff backoff;
    private long retryAtNanos = Long.MIN_VALUE;
    private volatile long failingSinceNanos = Long.MIN_VALUE;
    private volatile RouterException lastError;
    private volatile long writes;
    private volatile long failures;
    private volatile long lastWriteMillis;
    private volatile long checks;

    CallLog(String wan, RetryBackoff backoff) {
        this.wan = wan;
        this.backoff = backoff;
    }

    /** Before this time (on the writer's clock) nothing goes to the router; {@code Long.MIN_VALUE} when calls succeed. */
    long retryAtNanos() {
        return retryAtNanos;
    }

    /** Router calls that failed in a row. */
    int consecutiveFailures() {
        return health.consecutiveFailures();
    }

    /** The backoff before the {@code n}-th look for a queue the router does not have. */
    long lookupDelayNanos(int n) {
        return backoff.delayNanos(RouterException.Kind.NOT_FOUND, n);
    }

    /**
     * Records a failed router call, logs when the cause changed (not at every retry) and sets the
     * time before which nothing goes to the router.
     */
    void failed(RouterException e, String doing, long now) {
        if (failingSinceNanos == Long.MIN_VALUE) {
            failingSinceNanos = now;
        }
        lastError = e;
        boolean changed = health.failed(e, now);
        long delay = backoff.delayNanos(e.kind(), health.consecutiveFailures());
        retryAtNanos = now + delay;
        if (changed) {
            String what = switch (e.kind()) {
                case UNREACHABLE -> "router unreachable";
                case TIMEOUT -> "router timed out";
                case AUTHENTICATION -> "router rejected the credentials";
                case NOT_FOUND -> "queue not found on the router";
                case PROTOCOL -> "router reply not understood";
                case ROUTER_ERROR -> "router refused the write";
            };
            String action = e.kind().isTransient()
                    ? "retrying with backoff (at most every " + RetryBackoff.TRANSIENT_CAP_NANOS / 1_000_000 + " ms)"
                    : e.kind() == RouterException.Kind.AUTHENTICATION
                            ? "health degraded; retrying every 5 to 60 s so the account is not locked;"
                                    + " fix the credentials or the certificate pin"
                            : "health degraded; retrying every 1 to 30 s; fix the router or the config";
            if (e.kind().isTransient()) {
                LOG.warn("{}: {} ({}): {}, {}", wan, what, e.getMessage(), doing, action);
            } else {
                LOG.error("{}: {} ({}): {}, {}", wan, what, e.getMessage(), doing, action);
            }
        }
    }

    /** Records a successful router call; logs the end of a failure episode once. */
    void succeeded(long end, String did) {
        long episode = health.succeeded(end);
        retryAtNanos = Long.MIN_VALUE;
        if (episode >= 0) {
            LOG.info("{}: router answers again after {} s and {} failed calls{}", wan,
                    String.format(Locale.ROOT, "%.1f", episode / 1e9), health.view(end).failures(),
                    did == null ? "" : ": " + did);
            failingSinceNanos = Long.MIN_VALUE;
            lastError = null;
        }
    }

    /** A write of the pending pair went through in {@code millis}. */
    void wrote(long millis) {
        writes++;
        lastWriteMillis = millis;
    }

    /** A write failed, or found a queue missing. */
    void countFailure() {
        failures++;
    }

    /** A queue was read back. */
    void checked() {
        checks++;
    }

    RouterHealth.View view(long now) {
        return health.view(now);
    }

    /** When the current failure episode began, {@code Long.MIN_VALUE} while calls succeed. */
    long failingSinceNanos() {
        return failingSinceNanos;
    }

    /** The last failed call's error in this episode, null while calls succeed. */
    RouterException lastError() {
        return lastError;
    }

    long writes() {
        return writes;
    }

    long failures() {
        return failures;
    }

    long lastWriteMillis() {
        return lastWriteMillis;
    }

    long checks() {
        return checks;
    }
}
