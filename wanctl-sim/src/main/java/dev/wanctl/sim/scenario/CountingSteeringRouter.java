package dev.wanctl.sim.scenario;

import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.SteeringRouter;
import dev.wanctl.routeros.SystemInfo;

/**
 * Steering's router in a simulation, counting its calls: steering shares the emulated router with
 * the autorate daemon, and the scorecard's router load is autorate's own (its budget), so what
 * steering asked is subtracted.
 */
final class CountingSteeringRouter implements SteeringRouter {

    private final SteeringRouter router;
    private long calls;

    CountingSteeringRouter(SteeringRouter router) {
        this.router = router;
    }

    /** Calls so far (each one request to the router). */
    long calls() {
        return calls;
    }

    @Override
    public QueueStats readQueueStats(String name) throws RouterException {
        calls++;
        return router.readQueueStats(name);
    }

    @Override
    public boolean ruleEnabled(String comment) throws RouterException {
        calls++;
        return router.ruleEnabled(comment);
    }

    @Override
    public void setRuleEnabled(String comment, boolean enabled) throws RouterException {
        calls++;
        router.setRuleEnabled(comment, enabled);
    }

    @Override
    public SystemInfo readSystem() throws RouterException {
        calls++;
        return router.readSystem();
    }

    @Override
    public String transport() {
        return router.transport();
    }

    @Override
    public void close() {
        router.close();
    }
}
