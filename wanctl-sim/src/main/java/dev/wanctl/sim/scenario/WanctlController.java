package dev.wanctl.sim.scenario;

import dev.wanctl.autorate.AutorateCycle;
import dev.wanctl.autorate.AutoratePipeline;
import dev.wanctl.autorate.RateWriter;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.sim.link.Direction;

/**
 * The real wanctl autorate daemon in the simulator: the same {@link AutorateCycle},
 * {@link RateWriter}, control law and config as production, on the simulation's virtual clock.
 * It reads the simulated reflectors through an {@code RttProbe} adapter and writes through the
 * RouterOS emulator's in-process {@code RouterClient}; the link shapes at what the emulator's
 * queues say. The writer runs on the cycle's thread so a run repeats exactly for a seed. When the
 * scenario names a steering config, the steering daemon runs beside it ({@link SteeringBeside}).
 */
final class WanctlController implements Controller {

    private final AutorateCycle cycle;
    private final EmulatorRouter router;
    private final int intervalMs;
    private final CakeCounterFeed dlCounters;
    private final CakeCounterFeed ulCounters;
    private final SteeringBeside steering;
    private long cycles;

    private WanctlController(AutorateCycle cycle, EmulatorRouter router, int intervalMs, CakeCounterFeed dlCounters,
            CakeCounterFeed ulCounters, SteeringBeside steering) {
        this.steering = steering;
        this.cycle = cycle;
        this.router = router;
        this.intervalMs = intervalMs;
        this.dlCounters = dlCounters;
        this.ulCounters = ulCounters;
    }

    /** The factory of {@code wanctl simulate --controller wanctl}. */
    static NamedController named() {
        return new NamedController("wanctl", "the wanctl autorate daemon with the scenario's config",
                h -> create(h, ScenarioConfigs.autorate(h.scenario())));
    }

    /**
     * The factory of {@code --controller reference}: the same daemon and config on the reference
     * law (the config without {@code law: adaptive}), a baseline that stays put when the shipped
     * configs move to another law.
     */
    static NamedController reference() {
        return new NamedController("reference", "the wanctl daemon on the reference law (the config without law: adaptive)",
                h -> create(h, ScenarioConfigs.referenceLaw(ScenarioConfigs.autorate(h.scenario()))));
    }

    static WanctlController create(SimHarness h, AutorateConfig scenarioConfig) {
        SteeringBeside steering = h.scenario().steeringConfig() == null ? null
                : SteeringBeside.prepare(h, scenarioConfig);
        AutorateConfig config = steering == null ? scenarioConfig : steering.autorate();
        RouterEmulator emulator = EmulatorRouter.emulatorFor(config, h.clock(), steering == null ? null : steering.rule());
        EmulatorRouter router = new EmulatorRouter(emulator, config.queues().download(), config.queues().upload());
        h.attachRouter(router);
        AutoratePipeline pipeline = AutoratePipeline.of(config);
        RateWriter writer = pipeline.writer(emulator.client(), h.clock(), false);
        writer.assumeApplied(config.control().download().ceilingBps(), config.control().upload().ceilingBps());
        AutorateCycle cycle = pipeline.cycle(new ReflectorProbe(h.reflectors()), writer, h.clock()).writerInline(true)
                .delivered(pipeline.delivered(emulator.client(), h.clock()))
                .state(steering == null ? null : steering.autorateState()).build();
        // the router's queues count what the link's shapers pass, as a RouterOS queue does
        CakeCounterFeed dl = new CakeCounterFeed(emulator.state(), config.queues().download(),
                h.link().direction(Direction.DOWNLOAD));
        CakeCounterFeed ul = new CakeCounterFeed(emulator.state(), config.queues().upload(),
                h.link().direction(Direction.UPLOAD));
        if (steering != null) {
            steering.start(emulator, new ReflectorProbe(h.reflectors()));
        }
        return new WanctlController(cycle, router, (int) config.interval().toMillis(), dl, ul, steering);
    }

    @Override
    public long routerRequests() {
        // autorate's own load on the router: steering beside it shares the emulator
        return router.requests() - (steering == null ? 0 : steering.requests());
    }

    @Override
    public int intervalMs() {
        return intervalMs;
    }

    @Override
    public void cycle(long nowNanos) {
        dlCounters.feed();
        ulCounters.feed();
        cycle.runCycle(cycles++, nowNanos);
        if (steering != null) {
            steering.afterAutorate(nowNanos);
        }
        router.refresh();
    }

    @Override
    public void report(FlightRecorder.Cycle row) {
        cycle.view().record(row);
        if (steering != null) {
            row.steering = steering.steering();
        }
    }

    @Override
    public SteeringTally finish(long endNanos) {
        return steering == null ? null : steering.finish(endNanos);
    }
}
