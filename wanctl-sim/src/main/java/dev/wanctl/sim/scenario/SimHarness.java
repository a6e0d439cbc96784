package dev.wanctl.sim.scenario;

import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Link;
import dev.wanctl.sim.link.ReflectorBank;

/**
 * Everything a controller under simulation may use, for one run:
 * <ul>
 *   <li>{@link #clock()}: the virtual clock, at the current simulated time during a cycle;</li>
 *   <li>{@link #reflectors()}: per reflector the newest RTT and its receive time (what an
 *       {@code RttProbe} adapter serves);</li>
 *   <li>{@link #router()}: the simulator's router, whose max-limits the link shapes at, unless
 *       {@link #attachRouter} put another one (the RouterOS emulator, which the real daemon
 *       writes through) in its place;</li>
 *   <li>{@link #ceilingBps}, {@link #floorBps}: the rate bounds of the scenario's wanctl config
 *       ({@link #configPath()}), {@link #baseBps} cake-autorate's base rate;</li>
 *   <li>{@link #truth()}: the true capacity, for bounds only.</li>
 * </ul>
 */
public final class SimHarness {

    private final Scenario scenario;
    private final VirtualClock clock;
    private final ReflectorBank reflectors;
    private final SimRouter router;
    private final LinkTruth truth;
    private final Link link;
    private SimulatedRouter shaper;

    SimHarness(Scenario scenario, VirtualClock clock, Link link, SimRouter router) {
        this.scenario = scenario;
        this.clock = clock;
        this.link = link;
        this.reflectors = link.reflectors();
        this.router = router;
        this.truth = d -> link.direction(d).capacityBps();
        this.shaper = router;
    }

    /** The simulated link (for the router's queue counters; never for a controller's decisions). */
    Link link() {
        return link;
    }

    /** The run's virtual clock. */
    public VirtualClock clock() {
        return clock;
    }

    /** The reflectors and their newest replies. */
    public ReflectorBank reflectors() {
        return reflectors;
    }

    /** The simulator's own router (what the baselines write to). */
    public SimRouter router() {
        return router;
    }


    /**
     * Makes the link shape at what {@code other} says (e.g. the RouterOS emulator's queue state
     * that the real daemon writes through its {@code RouterClient}); scenario faults go to it too.
     * Call from a {@link ControllerFactory}.
     */
    public void attachRouter(SimulatedRouter other) {
        this.shaper = other;
    }

    /** The router the link shapes at now. */
    public SimulatedRouter shaper() {
        return shaper;
    }

    /** The scenario's ceiling for the direction, bit/s. */
    public long ceilingBps(Direction d) {
        return scenario.direction(d).ceilingBps();
    }

    /** The scenario's lowest floor for the direction, bit/s. */
    public long floorBps(Direction d) {
        return scenario.direction(d).floorBps();
    }

    /** cake-autorate's base rate for the direction (the scenario's {@code base_mbps}), bit/s. */
    public long baseBps(Direction d) {
        return scenario.direction(d).peerBaseBps();
    }

    /** The wanctl config the scenario stands for. */
    public String configPath() {
        return scenario.configPath();
    }

    /** The scenario (name, interval, thresholds). */
    public Scenario scenario() {
        return scenario;
    }

    /** The true capacity: for bounds only, never for a controller that claims to be real. */
    public LinkTruth truth() {
        return truth;
    }
}
