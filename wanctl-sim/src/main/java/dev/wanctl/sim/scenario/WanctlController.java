package dev.wanctl.sim.scenario;

import dev.wanctl.autorate.AutorateCycle;
import dev.wanctl.autorate.DeliveredRates;
import dev.wanctl.autorate.RateWriter;
import dev.wanctl.autorate.WriteGates;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.AutorateController;
import dev.wanctl.core.control.WriteGate;
import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.sim.link.Direction;

/**
 * The real wanctl autorate daemon in the simulator: the same {@link AutorateCycle},
 * {@link RateWriter}, control law and config as production, on the simulation's virtual clock.
 * It reads the simulated reflectors through an {@code RttProbe} adapter and writes through the
 * RouterOS emulator's in-process {@code RouterClient}; the link shapes at what the emulator's
 * queues say. The writer runs on the cycle's thread so a run repeats exactly for a seed.
 */
final class WanctlController implements Controller {

    private final AutorateCycle cycle;
    private final EmulatorRouter router;
    private final int intervalMs;
    private final CakeCounterFeed dlCounters;
    private final CakeCounterFeed ulCounters;
    private long cycles;

    private WanctlController(AutorateCycle cycle, EmulatorRouter router, int intervalMs, CakeCounterFeed dlCounters,
            CakeCounterFeed ulCounters) {
        this.cycle = cycle;
        this.router = router;
        this.intervalMs = intervalMs;
        this.dlCounters = dlCounters;
        this.ulCounters = ulCounters;
    }

    /** The factory of {@code wanctl simulate --controller wanctl}. */
    static NamedController named() {
        return new NamedController("wanctl", "the wanctl autorate daemon with the scenario's config",
                WanctlController::create);
    }

    static WanctlController create(SimHarness h) {
        AutorateConfig config = ScenarioConfigs.autorate(h.scenario());
        RouterEmulator emulator = EmulatorRouter.emulatorFor(config, h.clock());
        EmulatorRouter router = new EmulatorRouter(emulator, config.queues().download(), config.queues().upload());
        h.attachRouter(router);
        AutorateController controller = new AutorateController(config.control());
        WriteGate gate = WriteGates.of(config.rateLimit());
        RateWriter writer = new RateWriter(emulator.client(), config.wanName(), config.queues().download(),
                config.queues().upload(), gate, h.clock(), config.interval().toNanos(), false);
        writer.assumeApplied(config.control().download().ceilingBps(), config.control().upload().ceilingBps());
        DeliveredRates delivered = config.control().adaptiveLaw()
                ? new DeliveredRates(emulator.client(), config.wanName(), config.queues().download(),
                        config.queues().upload(), h.clock(),
                        Math.round(config.control().loadedCounterIntervalSec() * 1e9),
                        Math.round(config.control().idleCounterIntervalSec() * 1e9))
                : null;
        AutorateCycle cycle = AutorateCycle.builder(config, controller, new ReflectorProbe(h.reflectors()), writer,
                h.clock()).writerInline(true).delivered(delivered).build();
        // the router's queues count what the link's shapers pass, as a RouterOS queue does
        CakeCounterFeed dl = new CakeCounterFeed(emulator.state(), config.queues().download(),
                h.link().direction(Direction.DOWNLOAD));
        CakeCounterFeed ul = new CakeCounterFeed(emulator.state(), config.queues().upload(),
                h.link().direction(Direction.UPLOAD));
        return new WanctlController(cycle, router, (int) config.interval().toMillis(), dl, ul);
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
        router.refresh();
    }

    @Override
    public void report(FlightRecorder.Cycle row) {
        cycle.view().record(row);
    }
}
