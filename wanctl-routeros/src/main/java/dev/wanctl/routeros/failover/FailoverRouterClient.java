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
 * REST first, SSH while REST is failing: keeps the daemons working when the router's web service
 * is down or overloaded. A call that fails on REST for a transient reason (unreachable, timeout,
 * router error) is carried by SSH at once, and SSH keeps carrying calls; REST is tried again on a
 * {@link ReprobeSchedule} and takes over as soon as it answers. Failures that another transport
 * would not fix, above all rejected credentials or a refused certificate, are reported as they are.
 *
 * <p>A call that falls over may take the REST bound plus the SSH bound.
 */
public final class FailoverRouterClient implements RouterClient {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverRouterClient.class);

    private final RouterClient rest;
    private final RouterClient ssh;
    private final Clock clock;
    private final String router;
    private final ReprobeSchedule schedule = new ReprobeSchedule(); // guarded by itself

    /** Takes ownership of both clients; {@code router} names the router in logs. */
    public FailoverRouterClient(String router, RouterClient rest, RouterClient ssh, Clock clock) {
        this.router = router;
        this.rest = rest;
        this.ssh = ssh;
        this.clock = clock;
    }

    @FunctionalInterface
    private interface Call<T> {
        T on(RouterClient client) throws RouterException;
    }

    private <T> T call(Call<T> call) throws RouterException {
        RouterException restFailure = null;
        if (restDue()) {
            try {
                T result = call.on(rest);
                restAnswered();
                return result;
            } catch (RouterException e) {
                if (!e.kind().isTransient()) {
                    throw e;
                }
                restFailed(e);
                restFailure = e;
            }
        }
        try {
            return call.on(ssh);
        } catch (RouterException e) {
            if (restFailure != null) {
                e.addSuppressed(restFailure);
            }
            throw e;
        }
    }

    private boolean restDue() {
        synchronized (schedule) {
            return schedule.primaryDue(clock.nanoTime());
        }
    }

    private void restFailed(RouterException e) {
        synchronized (schedule) {
            boolean first = !schedule.onFallback();
            Duration wait = schedule.failed(clock.nanoTime());
            if (first) {
                LOG.warn("router {}: REST failed ({}); SSH carries the calls, REST is tried again in {} s",
                        router, e.getMessage(), wait.toSeconds());
            } else {
                LOG.info("router {}: REST still failing ({}); next try in {} s",
                        router, e.getMessage(), wait.toSeconds());
            }
        }
    }

    private void restAnswered() {
        synchronized (schedule) {
            if (schedule.onFallback()) {
                LOG.info("router {}: REST answers again; it carries the calls from now on", router);
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

    /** {@code rest} or {@code ssh}: the transport that carries calls now. */
    @Override
    public String transport() {
        synchronized (schedule) {
            return schedule.onFallback() ? ssh.transport() : rest.transport();
        }
    }

    @Override
    public void close() {
        rest.close();
        ssh.close();
    }

    @Override
    public String toString() {
        return "FailoverRouterClient[" + router + ", " + transport() + "]";
    }
}
