package dev.wanctl.routeros;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether a daemon's router calls work, judged from their outcomes: degraded after
 * {@value #DEGRADED_AFTER_FAILURES} failed calls in a row, after calls have failed for
 * {@link #DEGRADED_AFTER_NANOS} (a hanging router fails slowly), or at once when the router refused
 * our credentials or failed our check of its identity (nobody should wait for that to heal). Public:
 * both daemons report their router this way, so /health and the log say the same thing.
 * Thread-safe; the caller passes the time so it runs on a virtual clock.
 */
public final class RouterHealth {

    /** Failed calls in a row that make the router degraded. */
    public static final int DEGRADED_AFTER_FAILURES = 3;
    /** Calls failing this long make the router degraded. */
    public static final long DEGRADED_AFTER_NANOS = TimeUnit.SECONDS.toNanos(3);

    /**
     * The router's health now.
     *
     * @param cause what the failing calls say ({@code unreachable: router ...}), null while they succeed
     * @param failingForNanos since the first failure of the episode, 0 while calls succeed
     */
    public record View(boolean degraded, String cause, RouterException.Kind kind, int consecutiveFailures,
            long failingForNanos, long failures, long successes) {}

    private int consecutiveFailures;
    private long failingSinceNanos = Long.MIN_VALUE;
    private RouterException lastError;
    private long failures;
    private long successes;

    /**
     * Records a failed call; true when its cause differs from the call before (the first failure
     * after a success, or another kind of failure), which is when a log line is due.
     */
    public synchronized boolean failed(RouterException e, long nowNanos) {
        failures++;
        boolean changed = lastError == null || lastError.kind() != e.kind();
        if (consecutiveFailures++ == 0) {
            failingSinceNanos = nowNanos;
        }
        lastError = e;
        return changed;
    }

    /**
     * Records a successful call; returns how long the failure episode it ends lasted, or -1 when
     * calls were not failing.
     */
    public synchronized long succeeded(long nowNanos) {
        successes++;
        long episode = consecutiveFailures == 0 ? -1 : nowNanos - failingSinceNanos;
        consecutiveFailures = 0;
        failingSinceNanos = Long.MIN_VALUE;
        lastError = null;
        return episode;
    }

    /** Failed calls in a row so far. */
    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public synchronized View view(long nowNanos) {
        if (lastError == null) {
            return new View(false, null, null, 0, 0, failures, successes);
        }
        long failingFor = nowNanos - failingSinceNanos;
        boolean degraded = consecutiveFailures >= DEGRADED_AFTER_FAILURES || failingFor >= DEGRADED_AFTER_NANOS
                || lastError.kind() == RouterException.Kind.AUTHENTICATION;
        return new View(degraded, describe(lastError), lastError.kind(), consecutiveFailures, failingFor, failures,
                successes);
    }

    /** {@code unreachable: router 10.0.0.1 (rest): cannot reach: ...}: the kind in words, then the detail. */
    public static String describe(RouterException e) {
        String what = switch (e.kind()) {
            case UNREACHABLE -> "unreachable";
            case TIMEOUT -> "timed out";
            case AUTHENTICATION -> "authentication failed";
            case NOT_FOUND -> "not found";
            case PROTOCOL -> "reply not understood";
            case ROUTER_ERROR -> "router error";
        };
        return what + ": " + e.getMessage();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RouterHealth[%d failing]", consecutiveFailures());
    }
}
