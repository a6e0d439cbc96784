package dev.wanctl.sim.scenario;

import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.sim.link.Flow;
import dev.wanctl.sim.link.Link;
import java.util.SplittableRandom;

/**
 * Runs one controller on one scenario as fast as the machine allows: simulated time advances in
 * 1 ms ticks of a {@link SimulationRun} on a virtual clock. Deterministic: no wall clock, all
 * randomness from the scenario's seed.
 */
public final class Simulation {

    private static final long NANOS_PER_MS = 1_000_000L;
    /** The idle cadence of the counter reads: the start is drawn from [0, this). */
    static final long START_SPREAD_MS = 3000;
    /** Keeps the start's draw apart from the scenario's other uses of the seed. */
    private static final long START_SALT = 0x5741_4e43_544cL;

    private Simulation() {
    }

    /**
     * When the controller's first cycle falls, ms into the schedule, for a seed: under
     * {@link #START_SPREAD_MS}. In life a daemon starts long before any load, at no particular
     * phase of its counter reads' idle cadence (one read per 3 s) against the load: starting every
     * run at 0 put each whole-second load start of the bundled scenarios the same 1 s after an idle
     * read. The same for every controller, so they are compared on the same start.
     */
    static long controllerStartMs(long seed) {
        return new SplittableRandom(seed ^ START_SALT).nextLong(START_SPREAD_MS);
    }

    /**
     * The controller's start for {@code s}: the seed's, but never after the first saturating load
     * (bulk, burst) or event. Background traffic (idle, web, a fixed rate) may begin before it, as
     * it does before a daemon's start in life.
     */
    static long controllerStartMs(Scenario s) {
        long first = controllerStartMs(s.seed());
        for (Flow f : s.traffic()) {
            if (f.kind() == Flow.Kind.BULK || f.kind() == Flow.Kind.BURST) {
                first = Math.min(first, f.atMs());
            }
        }
        for (ScenarioEvent e : s.events()) {
            first = Math.min(first, e.atMs());
        }
        return first;
    }

    /** Runs {@code controller} on {@code scenario}; {@code record} keeps a flight recording. */
    public static RunResult run(Scenario scenario, NamedController controller, boolean record) {
        VirtualClock clock = new VirtualClock();
        Link link = LinkBuilder.build(scenario);
        SimRouter router = new SimRouter(scenario.download().ceilingBps(), scenario.upload().ceilingBps());
        SimHarness harness = new SimHarness(scenario, clock, link, router);
        Controller c = controller.factory().create(harness);
        SimulationRun run = new SimulationRun(scenario, link, harness.shaper(), c, controller.name(), record,
                controllerStartMs(scenario));
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
