package dev.wanctl.routeros.failover;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.SystemInfo;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two backends composed, whatever they are: the primary first, the fallback while it is failing
 * (as configured: REST or the RouterOS API, then SSH), which keeps the daemons working when the
 * router's web or API service is down or overloaded. A call that fails on the primary for a
 * transient reason (unreachable, timeout, router error) is carried by the fallback at once, and
 * the fallback keeps carrying calls; the primary is tried again on a {@link ReprobeSchedule} and
 * takes over as soon as it answers. Failures that another backend would not fix, above all
 * rejected credentials or a refused certificate, are reported as they are. Logs name the members
 * by their {@link RouterClient#transport()}.
 *
 * <p>A call that falls over may take the primary's bound plus the fallback's.
 */
public final class FailoverRouterClient implements RouterClient {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverRouterClient.class);

    private final RouterClient primary;
    private final RouterClient fallback;
    private final Clock clock;
    private final String router;
    private final ReprobeSchedule schedule = new ReprobeSchedule(); // guarded by itself

    /** Takes ownership of both clients; {@code router} names the router in logs. */
    public FailoverRouterClient(String router, RouterClient primary, RouterClient fallback, Clock clock) {
        this.router = router;
        this.primary = primary;
        this.fallback = fallback;
        this.clock = clock;
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(RouterClient client) throws RouterException;
    }

    private <T> T call(Call<T> call) throws RouterException {
        RouterException primaryFailure = null;
        if (primaryDue()) {
            try {
                T result = call.on(primary);
                primaryAnswered();
                return result;
            } catch (RouterException e) {
                if (!e.kind().isTransient()) {
                    throw e;
                }
                primaryFailed(e);
                primaryFailure = e;
            }
        }
        try {
            return call.on(fallback);
        } catch (RouterException e) {
            if (primaryFailure != null) {
                e.addSuppressed(primaryFailure);
            }
            throw e;
        }
    }

    private boolean primaryDue() {
        synchronized (schedule) {
            return schedule.primaryDue(clock.nanoTime());
        }
    }

    private void primaryFailed(RouterException e) {
        synchronized (schedule) {
            boolean first = !schedule.onFallback();
            Duration wait = schedule.failed(clock.nanoTime());
            if (first) {
                LOG.warn("router {}: {} failed ({}); {} carries the calls, {} is tried again in {} s",
                        router, primaryName(), e.getMessage(), name(fallback), primaryName(), wait.toSeconds());
            } else {
                LOG.info("router {}: {} still failing ({}); next try in {} s",
                        router, primaryName(), e.getMessage(), wait.toSeconds());
            }
        }
    }

    private void primaryAnswered() {
        synchronized (schedule) {
            if (schedule.onFallback()) {
                LOG.info("router {}: {} answers again; it carries the calls from now on", router, primaryName());
                schedule.answered();
            }
        }
    }

    @Override
    public QueueInfo readQueue(String name) throws RouterException {
        return call(c -> c.readQueue(name));
    }

    @Override
    public void setMaxLimit(String name, long maxLimitBps) throws RouterException {
        call(c -> {
            c.setMaxLimit(name, maxLimitBps);
            return null;
        });
    }

    @Override
    public QueueStats readQueueStats(String name) throws RouterException {
        return call(c -> c.readQueueStats(name));
    }

    @Override
    public QueueStats[] readQueueStats(String first, String second) throws RouterException {
        return call(c -> c.readQueueStats(first, second));
    }

    @Override
    public boolean ruleEnabled(String comment) throws RouterException {
        return call(c -> c.ruleEnabled(comment));
    }

    @Override
    public void setRuleEnabled(String comment, boolean enabled) throws RouterException {
        call(c -> {
            c.setRuleEnabled(comment, enabled);
            return null;
        });
    }

    @Override
    public SystemInfo readSystem() throws RouterException {
        return call(RouterClient::readSystem);
    }

    /** REST or API, as the logs name the primary. */
    private String primaryName() {
        return name(primary);
    }

    private static String name(RouterClient member) {
        return member.transport().toUpperCase(java.util.Locale.ROOT);
    }

    /** The member's transport that carries calls now: {@code rest} (or {@code api}) or {@code ssh}. */
    @Override
    public String transport() {
        synchronized (schedule) {
            return schedule.onFallback() ? fallback.transport() : primary.transport();
        }
    }

    @Override
    public void close() {
        primary.close();
        fallback.close();
    }

    @Override
    public String toString() {
        return "FailoverRouterClient[" + router + ", " + transport() + "]";
    }
}
