package dev.wanctl.sim.scenario;

import dev.wanctl.autorate.DeliveredRates;
import dev.wanctl.autorate.RateWriter;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.WriteGate;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.ReflectorBank;
import dev.wanctl.sim.peer.CakeAutorateLaw;
import dev.wanctl.sim.peer.CakeAutorateParams;

/**
 * cake-autorate's law as a {@code wanctl simulate} baseline, on the same router path as wanctl:
 * it reads the queues' byte counters through the RouterOS emulator's client every 200 ms (its
 * load sample), decides on every reflector reply (ICMP echo: one-way delay = RTT / 2 for both
 * directions, as its default fping mode), and writes changed max-limits through the same
 * {@link RateWriter} and emulator, so its writes are counted as wanctl's are. It has no write
 * budget (cake-autorate changes a local qdisc; its own refractory periods space the changes).
 * Its rates: min and max are the config's lowest floor and ceiling, the base the scenario's
 * {@code base_mbps} (default: midway between them).
 */
final class CakeAutorateController implements Controller {

    /** cake-autorate's load sample: the interfaces' byte counters every 200 ms. */
    private static final long LOAD_SAMPLE_NANOS = 200_000_000L;
    private static final long NANOS_PER_MS = 1_000_000L;

    private final ReflectorBank reflectors;
    private final CakeAutorateLaw download;
    private final CakeAutorateLaw upload;
    private final DeliveredRates delivered;
    private final RateWriter writer;
    private final EmulatorRouter router;
    private final CakeCounterFeed dlCounters;
    private final CakeCounterFeed ulCounters;
    private final long[] seenNanos;
    private long nextLoadNanos;
    private long serviceAtNanos = Long.MIN_VALUE;

    private CakeAutorateController(SimHarness h, AutorateConfig config, RouterEmulator emulator, EmulatorRouter router) {
        this.reflectors = h.reflectors();
        this.router = router;
        this.download = new CakeAutorateLaw(params(h, Direction.DOWNLOAD), reflectors.count());
        this.upload = new CakeAutorateLaw(params(h, Direction.UPLOAD), reflectors.count());
        String wan = config.wanName();
        this.delivered = new DeliveredRates(emulator.client(), wan, config.queues().download(), config.queues().upload(),
                h.clock(), LOAD_SAMPLE_NANOS, LOAD_SAMPLE_NANOS);
        this.writer = new RateWriter(emulator.client(), wan, config.queues().download(), config.queues().upload(),
                new WriteGate(null), h.clock(), config.interval().toNanos(), false);
        writer.assumeApplied(config.control().download().ceilingBps(), config.control().upload().ceilingBps());
        this.dlCounters = new CakeCounterFeed(emulator.state(), config.queues().download(),
                h.link().direction(Direction.DOWNLOAD));
        this.ulCounters = new CakeCounterFeed(emulator.state(), config.queues().upload(),
                h.link().direction(Direction.UPLOAD));
        this.seenNanos = new long[reflectors.count()];
        java.util.Arrays.fill(seenNanos, -1L);
    }

    /** The factory of {@code wanctl simulate --controller cake-autorate}. */
    static NamedController named() {
        return new NamedController("cake-autorate",
                "cake-autorate 3.x's law (3 of 6 replies 30 ms over: graded cuts; graded increases above 75 % load;"
                        + " 1 %/s back to the base)",
                CakeAutorateController::create);
    }

    static CakeAutorateController create(SimHarness h) {
        AutorateConfig config = ScenarioConfigs.autorate(h.scenario());
        RouterEmulator emulator = EmulatorRouter.emulatorFor(config, h.clock());
        EmulatorRouter router = new EmulatorRouter(emulator, config.queues().download(), config.queues().upload());
        h.attachRouter(router);
        return new CakeAutorateController(h, config, emulator, router);
    }

    private static CakeAutorateParams params(SimHarness h, Direction d) {
        return CakeAutorateParams.defaults(h.floorBps(d), h.baseBps(d), h.ceilingBps(d));
    }

    @Override
    public long routerRequests() {
        return router.requests();
    }

    @Override
    public int intervalMs() {
        return 1; // every reply is a decision; replies arrive on the millisecond they are received
    }

    @Override
    public void cycle(long nowNanos) {
        if (nowNanos >= nextLoadNanos) {
            dlCounters.feed();
            ulCounters.feed();
            delivered.pollIfDue(nowNanos);
            nextLoadNanos = nowNanos + LOAD_SAMPLE_NANOS;
        }
        boolean decided = false;
        for (int i = 0; i < seenNanos.length; i++) {
            long at = reflectors.newestReceiveNanos(i);
            if (at < 0 || at == seenNanos[i]) {
                continue;
            }
            seenNanos[i] = at;
            double oneWayMs = reflectors.newestRttMs(i) / 2;
            long sample = delivered.reads();
            download.step(nowNanos, i, oneWayMs, delivered.downloadBps(), sample);
            upload.step(nowNanos, i, oneWayMs, delivered.uploadBps(), sample);
            decided = true;
        }
        if (decided || serviceAtNanos == Long.MIN_VALUE) {
            writer.offer(download.rateBps(), upload.rateBps());
            serviceAtNanos = nowNanos;
        }
        if (serviceAtNanos != Long.MAX_VALUE && nowNanos >= serviceAtNanos) {
            serviceAtNanos = writer.service();
            router.refresh();
        }
    }
}
