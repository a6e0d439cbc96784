package dev.wanctl.steering;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.ServiceThread;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.routeros.RetryBackoff;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterHealth;
import dev.wanctl.routeros.SteeringRouter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the steering rule the way the cycle wants it, off the cycle's thread: the cycle says
 * {@link #want} every cycle; when that differs from the state last verified on the router, the
 * toggler sets the rule's {@code disabled} by its exact comment and reads it back (3 reads, 100
 * and 200 ms apart). Each attempt ends in an {@link Outcome} the cycle collects with
 * {@link #poll}: the steering state changes only on a verified one. A failed attempt leaves the
 * rule's state unknown and is tried again at the next cycle that still wants a change (at most
 * every {@code retryNanos}, longer after refused credentials: {@link RetryBackoff}). Every 10 s,
 * when idle, it reads the rule to notice a change made by hand or by a router restore, which the
 * next attempt then undoes; a rule that vanished is a WARN and degraded health at once, and a
 * router that stops answering shows in {@link RouterHealth} (logged when the cause changes).
 *
 * <p>{@link #start()} runs it on its own thread; virtual-time tests call {@link #service()} from
 * the cycle. In dry run nothing is sent: the wish is logged as {@code WOULD_ENABLE} or
 * {@code WOULD_DISABLE} and reported as done.
 */
final class RuleToggler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleToggler.class);
    private static final long[] VERIFY_DELAYS_NANOS = {0, 100_000_000L, 200_000_000L};
    /** The idle check: at most one read per 10 s, so a dead router or a deleted rule shows within 30 s. */
    private static final long CHECK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * One attempt's result.
     *
     * @param enabled the state that was asked for
     * @param verified the router shows it now
     */
    record Outcome(boolean enabled, boolean verified, long atNanos, String error) {}

    /** What the toggler knows and has done, for health. */
    record Snapshot(Boolean ruleEnabled, long verifiedAtNanos, long attempts, long failures, String lastError,
            long failingForNanos, boolean dryRun, String transport, String ruleMissing, RouterHealth.View router) {}

    private final SteeringRouter router;
    private final String wan;
    private final String comment;
    private final Clock clock;
    private final Sleeper sleeper;
    private final long retryNanos;
    private final boolean dryRun;

    // guarded by this
    private Boolean wanted;
    private final ArrayDeque<Outcome> outcomes = new ArrayDeque<>();
    private final ServiceThread thread;

    // written by the acting thread, read anywhere
    private volatile Boolean verified;
    private volatile long verifiedAtNanos = Long.MIN_VALUE;
    private volatile long lastFailureNanos = Long.MIN_VALUE;
    private volatile long failingSinceNanos = Long.MIN_VALUE;
    private volatile long lastCheckNanos;
    private volatile long attempts;
    private volatile long failures;
    private volatile String lastError;
    private int failuresInEpisode;
    private boolean episodeWish;
    private volatile String ruleMissing;
    private final RouterHealth health = new RouterHealth();
    private final RetryBackoff backoff;
    private volatile long retryAtNanos = Long.MIN_VALUE;

    /**
     * @param sleeper waits between the verification reads (parking in production, advancing the
     *     virtual clock in tests)
     * @param retryNanos the least time between a failed attempt and the next one
     */
    RuleToggler(SteeringRouter router, String wan, String comment, Clock clock, Sleeper sleeper, long retryNanos,
            boolean dryRun) {
        this.router = router;
        this.wan = wan;
        this.comment = comment;
        this.clock = clock;
        this.sleeper = sleeper;
        this.retryNanos = retryNanos;
        this.dryRun = dryRun;
        this.lastCheckNanos = clock.nanoTime();
        this.backoff = new RetryBackoff(retryNanos, comment.hashCode());
        this.thread = new ServiceThread("rule-toggler", clock, this::actionable, this::service);
    }

    /** The rule state the cycle wants now; never blocks. */
    synchronized void want(boolean enabled) {
        Boolean before = wanted;
        wanted = enabled;
        if (before == null || before != enabled) {
            thread.wake();
        }
    }

    /** The next finished attempt, or null. */
    synchronized Outcome poll() {
        return outcomes.poll();
    }

    /**
     * Acts now when there is something to do (a wish that differs from the verified state and is
     * not held back by the retry delay, or the periodic check). Returns the clock time at which it
     * wants to be called again, or {@link Long#MAX_VALUE} when only a new wish can change anything.
     */
    long service() {
        Boolean w;
        synchronized (this) {
            w = wanted;
        }
        long now = clock.nanoTime();
        if (w != null && !w.equals(verified)) {
            long retryAt = lastFailureNanos == Long.MIN_VALUE ? now : retryAtNanos;
            if (now < retryAt) {
                return retryAt;
            }
            Outcome o = apply(w);
            synchronized (this) {
                outcomes.add(o);
            }
            return o.verified() ? checkDue() : retryAtNanos;
        }
        if (!dryRun && now - lastCheckNanos >= CHECK_EVERY_NANOS && now >= retryAtNanos) {
            check();
        }
        return checkDue();
    }

    private long checkDue() {
        return dryRun ? Long.MAX_VALUE : Math.max(lastCheckNanos + CHECK_EVERY_NANOS, retryAtNanos);
    }

    /** Reads the rule to notice a change made behind our back. */
    private void check() {
        lastCheckNanos = clock.nanoTime();
        Boolean known = verified;
        try {
            boolean on = router.ruleEnabled(comment);
            succeeded();
            if (known != null && known != on) {
                LOG.warn("{}: steering rule changed on the router (\"{}\" is {}, expected {}): setting it back", wan,
                        comment, word(on), word(known));
                verified = on;
            }
        } catch (RouterException e) {
            routerFailed(e, "reading the steering rule");
        }
    }

    /** Records a successful call: ends a failure episode and a missing rule, each logged once. */
    private void succeeded() {
        long now = clock.nanoTime();
        long episode = health.succeeded(now);
        retryAtNanos = Long.MIN_VALUE;
        if (ruleMissing != null) {
            ruleMissing = null;
            LOG.info("{}: steering rule \"{}\" is on the router again", wan, comment);
        } else if (episode >= 0) {
            LOG.info("{}: router answers again after {} s", wan, String.format(Locale.ROOT, "%.1f", episode / 1e9));
        }
    }

    /**
     * Records a failed call; logs when its cause changed, saying what it was {@code doing} (null:
     * the caller logs), and a vanished rule at once, as a WARN.
     */
    private void routerFailed(RouterException e, String doing) {
        long now = clock.nanoTime();
        boolean changed = health.failed(e, now);
        retryAtNanos = now + Math.max(retryNanos, backoff.delayNanos(e.kind(), health.consecutiveFailures()));
        if (e.kind() == RouterException.Kind.NOT_FOUND) {
            if (ruleMissing == null) {
                LOG.warn("{}: steering rule \"{}\" is gone from the router ({}): steering cannot act, health degraded;"
                        + " re-create the rule", wan, comment, e.getMessage());
            }
            ruleMissing = e.getMessage();
            verified = null;
            return;
        }
        if (changed && doing != null) {
            LOG.warn("{}: {} failed: {}; retrying with backoff", wan, doing, RouterHealth.describe(e));
        }
    }

    /**
     * Sets the rule and verifies it, on the caller's thread (the toggler thread, or start-up and
     * {@code --reset} before the loop runs).
     */
    Outcome apply(boolean enabled) {
        long start = clock.nanoTime();
        attempts++;
        if (dryRun) {
            LOG.info("[DRY-RUN] {} steering rule: {} (dry run: the router is not changed)",
                    enabled ? "WOULD_ENABLE" : "WOULD_DISABLE", comment);
            return verifiedAs(enabled, start);
        }
        if (failuresInEpisode > 0 && episodeWish != enabled) {
            failuresInEpisode = 0; // the other way now: a new episode, logged as such
        }
        if (failuresInEpisode == 0) {
            episodeWish = enabled;
            LOG.info("{} steering rule: {}", enabled ? "Enabling" : "Disabling", comment);
        }
        String error;
        try {
            router.setRuleEnabled(comment, enabled);
            error = verify(enabled);
            succeeded();
        } catch (RouterException e) {
            error = describe(e);
            routerFailed(e, null); // the attempt's own WARN says it
        } catch (RuntimeException e) {
            // a bug in a transport must not end the toggler thread
            error = "unexpected " + e;
        }
        if (error == null) {
            long now = clock.nanoTime();
            if (failuresInEpisode > 0) {
                LOG.info("Steering rule {} and verified (after {} failed attempts over {} s)", word(enabled),
                        failuresInEpisode, String.format(Locale.ROOT, "%.1f", (now - failingSinceNanos) / 1e9));
            } else {
                LOG.info("Steering rule {} and verified", word(enabled));
            }
            return verifiedAs(enabled, now);
        }
        return failed(enabled, error);
    }

    private Outcome verifiedAs(boolean enabled, long now) {
        verified = enabled;
        verifiedAtNanos = now;
        lastCheckNanos = now;
        failuresInEpisode = 0;
        failingSinceNanos = Long.MIN_VALUE;
        lastFailureNanos = Long.MIN_VALUE;
        return new Outcome(enabled, true, now, null);
    }

    private Outcome failed(boolean enabled, String error) {
        long now = clock.nanoTime();
        verified = null; // the set may or may not have landed
        failures++;
        lastError = error;
        lastFailureNanos = now;
        if (retryAtNanos < now + retryNanos) {
            retryAtNanos = now + retryNanos; // a verification that failed: the plain retry delay
        }
        if (failuresInEpisode++ == 0) {
            failingSinceNanos = now;
            LOG.warn("{}: {} the steering rule failed ({}): the steering state stays, retrying while the decision"
                    + " stands", wan, enabled ? "enabling" : "disabling", error);
        }
        return new Outcome(enabled, false, now, error);
    }

    /** Null when the router shows {@code enabled}; else why not. */
    private String verify(boolean enabled) throws RouterException {
        boolean on = !enabled;
        for (long delay : VERIFY_DELAYS_NANOS) {
            if (delay > 0) {
                sleepFor(delay);
            }
            on = router.ruleEnabled(comment);
            if (on == enabled) {
                return null;
            }
        }
        return "verification failed: still " + word(on) + " after " + VERIFY_DELAYS_NANOS.length + " reads";
    }

    private void sleepFor(long nanos) {
        long deadline = clock.nanoTime() + nanos;
        while (clock.nanoTime() < deadline) {
            sleeper.sleepUntil(deadline);
        }
    }

    /** Reads the rule now (start-up); throws what the router says. */
    boolean read() throws RouterException {
        boolean on = router.ruleEnabled(comment);
        succeeded();
        verified = on;
        verifiedAtNanos = clock.nanoTime();
        lastCheckNanos = verifiedAtNanos;
        return on;
    }

    /** Takes over what another toggler (of the previous config) verified. */
    void assumeVerified(Boolean enabled) {
        verified = enabled;
        verifiedAtNanos = clock.nanoTime();
    }

    static String describe(RouterException e) {
        return e.kind().name().toLowerCase(Locale.ROOT) + ": " + e.getMessage();
    }

    private static String word(boolean enabled) {
        return enabled ? "enabled" : "disabled";
    }

    /** The rule state last verified on the router, null when unknown. */
    Boolean verified() {
        return verified;
    }

    String comment() {
        return comment;
    }

    /** Starts the toggler thread (once; later calls do nothing). */
    void start() {
        thread.start();
    }

    /** A wish differs from the verified state and no retry delay holds it back. */
    private synchronized boolean actionable() {
        return wanted != null && !wanted.equals(verified)
                && (lastFailureNanos == Long.MIN_VALUE || clock.nanoTime() >= retryAtNanos);
    }

    /** Stops the thread after the attempt in flight (bounded by the router timeout plus the verification reads). */
    @Override
    public void close() {
        thread.close(Duration.ofSeconds(3));
    }

    Snapshot snapshot() {
        long since = failingSinceNanos;
        long now = clock.nanoTime();
        return new Snapshot(verified, verifiedAtNanos, attempts, failures, lastError,
                since == Long.MIN_VALUE ? 0 : now - since, dryRun, router.transport(), ruleMissing,
                health.view(now));
    }
}
