package dev.wanctl.sim.testbed;

import dev.wanctl.autorate.DeliveredRates;
import dev.wanctl.autorate.RateWriter;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.WriteGate;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.routeros.Shaper;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.peer.CakeAutorateLaw;
import dev.wanctl.sim.peer.CakeAutorateParams;
import dev.wanctl.sim.scenario.EmulatorRouter;
import dev.wanctl.sim.scenario.Scenario;
import dev.wanctl.sim.scenario.ScenarioConfigs;
import java.util.List;

/**
 * cake-autorate's law on the testbed, wired as the simulator's baseline is: its load sample is
 * the queues' byte counters read through the RouterOS emulator's client every 200 ms (the
 * emulator's counters follow the kernel shaper's, {@link KernelCounterFeed}), it decides on every
 * reflector reply ({@link ReflectorPing}; one-way delay = RTT / 2 for both directions), and it
 * writes changed max-limits through a {@link RateWriter} to the emulator, whose queue tree the
 * kernel shaper follows. Rates: min and max from the scenario's config, the base its
 * {@code base_mbps}.
 */
final class CakeAutorateShaper extends ShaperController {

    private static final long LOAD_SAMPLE_NANOS = 200_000_000L;
    private static final long COUNTER_MIN_INTERVAL_NANOS = 20_000_000L;

    private final AutorateConfig config;
    private final Clock clock = Clock.system();
    private final RouterEmulator emulator;
    private final DeliveredRates delivered;
    private final RateWriter writer;
    private final CakeAutorateLaw download;
    private final CakeAutorateLaw upload;
    private final ChildProcesses children;
    private final String clientNs;
    private volatile Throwable failure;

    CakeAutorateShaper(Scenario s, ChildProcesses children, String clientNs) throws Exception {
        this.config = ScenarioConfigs.autorate(s);
        this.children = children;
        this.clientNs = clientNs;
        this.emulator = EmulatorRouter.emulatorFor(config, clock);
        String dlQueue = config.queues().download();
        String ulQueue = config.queues().upload();
        KernelCounterFeed feed = new KernelCounterFeed(emulator.state(), dlQueue, ulQueue, new KernelShaperStats(children),
                clock::nanoTime, COUNTER_MIN_INTERVAL_NANOS);
        feed.sync(); // the queues count from the run's start
        Shaper router = new KernelCountedRouter(emulator.client(), feed, e -> failure = e);
        this.delivered = new DeliveredRates(router, config.wanName(), dlQueue, ulQueue, clock, LOAD_SAMPLE_NANOS,
                LOAD_SAMPLE_NANOS);
        this.writer = new RateWriter(router, config.wanName(), dlQueue, ulQueue, new WriteGate(null), clock,
                config.interval().toNanos(), false);
        writer.assumeApplied(config.control().download().ceilingBps(), config.control().upload().ceilingBps());
        this.download = law(s, Direction.DOWNLOAD, config.probe().hosts().size());
        this.upload = law(s, Direction.UPLOAD, config.probe().hosts().size());
    }

    private static CakeAutorateLaw law(Scenario s, Direction d, int reflectors) {
        var dir = s.direction(d);
        return new CakeAutorateLaw(CakeAutorateParams.defaults(dir.floorBps(), dir.peerBaseBps(), dir.ceilingBps()),
                reflectors);
    }

    @Override
    void start() throws Exception {
        delivered.start();
        writer.start();
        writer.offer(download.rateBps(), upload.rateBps()); // it starts at the base rate
        List<String> hosts = config.probe().hosts();
        ReflectorPing.start(children, clientNs, hosts, this::reply);
    }

    /** One reply: both directions' laws step on it (on the ping's reading thread only). */
    private void reply(int reflector, double rttMs) {
        long now = clock.nanoTime();
        long sample = delivered.reads();
        download.step(now, reflector, rttMs / 2, delivered.downloadBps(), sample);
        upload.step(now, reflector, rttMs / 2, delivered.uploadBps(), sample);
        writer.offer(download.rateBps(), upload.rateBps());
    }

    @Override
    long maxLimitBps(Direction d, double capacityBps) {
        if (failure != null) {
            throw new IllegalStateException("the testbed's kernel counters failed: " + failure, failure);
        }
        return emulator.state().maxLimitBps(d == Direction.DOWNLOAD ? config.queues().download()
                : config.queues().upload());
    }

    @Override
    public void close() {
        writer.close();
        delivered.close();
    }
}
