package dev.wanctl.steering;

import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.control.SteeringHysteresis;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.routeros.SteeringRouter;
import java.time.ZoneOffset;

/**
 * The steering daemon's own cycle, embedded in a caller's loop on the caller's thread: the same
 * wiring, decision and rule toggling as {@link SteeringDaemon}, with the CAKE statistics read and
 * the rule toggled inline, no lock, no signals, no endpoints, no flight recording. It exists so
 * that {@code wanctl simulate} can run steering on its virtual clock deterministically, as the
 * demo runs the daemon in real time.
 */
public final class EmbeddedSteering implements AutoCloseable {

    private final SteeringWiring wiring;
    private long cycles;

    private EmbeddedSteering(SteeringWiring wiring) {
        this.wiring = wiring;
    }

    /**
     * Builds the wiring and makes the router's rule match a fresh GOOD state (the state file, if
     * any, is not read: each run starts from scratch).
     *
     * @throws DaemonExit when the router lacks the rule or the primary's queue
     */
    public static EmbeddedSteering start(SteeringConfig config, Clock clock, RttProbe probe, SteeringRouter router)
            throws DaemonExit {
        SteeringWiring.Shared shared = new SteeringWiring.Shared(clock, deadline -> {
            throw new IllegalStateException("embedded steering never waits (the router verifies at once)");
        }, null, () -> 0, false, c -> probe, c -> router, true, ZoneOffset.UTC, null);
        SteeringWiring w = SteeringWiring.build(config, null, shared);
        RuleStartup.check(w, SteeringHysteresis.State.GOOD, false);
        return new EmbeddedSteering(w);
    }

    /** Simulated time between cycles, ns. */
    public long intervalNanos() {
        return wiring.intervalNanos();
    }

    /** One cycle at {@code nowNanos} on the caller's clock. */
    public void runCycle(long nowNanos) {
        wiring.runCycle(cycles++, nowNanos);
    }

    /** Whether the cycle's state is the degraded one (latency-sensitive traffic steered away). */
    public boolean steering() {
        return wiring.config.degradedStateName().equals(wiring.cycle.view().state());
    }

    @Override
    public void close() {
        wiring.close();
    }
}
