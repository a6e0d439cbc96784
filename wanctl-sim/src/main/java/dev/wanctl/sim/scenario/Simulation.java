package dev.wanctl.sim.scenario;

import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.sim.link.Link;

/**
 * Runs one controller on one scenario as fast as the machine allows: simulated time advances in
 * 1 ms ticks of a {@link SimulationRun} on a virtual clock. Deterministic: no wall clock, all
 * randomness from the scenario's seed.
 */
public final class Simulation {

    private static final long NANOS_PER_MS = 1_000_000L;

    private Simulation() {
    }

    /** Runs {@code controller} on {@code scenario}; {@code record} keeps a flight recording. */
    public static RunResult run(Scenario scenario, NamedController controller, boolean record) {
        VirtualClock clock = new VirtualClock();
        Link link = LinkBuilder.build(scenario);
        SimRouter router = new SimRouter(scenario.download().ceilingBps(), scenario.upload().ceilingBps());
        SimHarness harness = new SimHarness(scenario, clock, link, router);
        Controller c = controller.factory().create(harness);
        SimulationRun run = new SimulationRun(scenario, link, harness.shaper(), c, controller.name(), record);
        for (long ms = 0; ms < scenario.durationMs(); ms++) {
            clock.advanceTo(ms * NANOS_PER_MS);
            run.tick(ms);
        }
        RunResult r = run.finish(scenario.durationMs());
        SteeringTally steering = c.finish(scenario.durationMs() * NANOS_PER_MS);
        return steering == null ? r
                : new RunResult(r.scorecard().withSteering(steering.timesEnabled(), steering.steeredSeconds()),
                        r.recording(), r.recordingMetadata(), r.linkTrace());
    }
}
