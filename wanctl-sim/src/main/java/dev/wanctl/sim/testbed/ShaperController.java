package dev.wanctl.sim.testbed;

import dev.wanctl.autorate.AutorateDaemon;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.RecordingConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.sim.demo.DemoDaemons;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.scenario.Baselines;
import dev.wanctl.sim.scenario.EmulatorRouter;
import dev.wanctl.sim.scenario.Scenario;
import dev.wanctl.sim.scenario.ScenarioConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Who sets the router's max-limit in a testbed run, under the simulator's names: the baselines
 * with the simulator's own fractions ({@link Baselines}), and {@code wanctl} (or {@code reference},
 * the same config on the reference law): the real autorate daemon on the real clock, probing the testbed's reflectors over ICMP and writing through the
 * RouterOS emulator's in-process client; the kernel shaper follows the emulator's queues, and
 * the emulator's queue counters follow the kernel shaper's ({@link KernelCounterFeed});
 * {@code cake-autorate}: that peer law on the same emulator path ({@link CakeAutorateShaper}).
 */
abstract class ShaperController implements AutoCloseable {

    /** The controller names the testbed runs, in report order. */
    static final List<String> NAMES = List.of("wanctl", "reference", "cake-autorate", "none", "static", "oracle");

    /** The max-limit the shaper should have now (0: unshaped), given the true capacity. */
    abstract long maxLimitBps(Direction d, double capacityBps);

    /** Starts whatever runs on its own (the daemon) just before the run's clock starts. */
    void start() throws Exception {
    }

    @Override
    public void close() throws Exception {
    }

    /**
     * @param children where the daemon's kernel counter reader ({@code tc}) is started and stopped
     * @param clientNs the client namespace (cake-autorate's per-reply probing runs there)
     * @param recordTo where the daemon's flight recording is copied when it stops; null: nowhere
     */
    static ShaperController create(String name, Scenario s, ChildProcesses children, String clientNs, Path recordTo)
            throws Exception {
        return switch (name) {
            case "none" -> fixed(0, 0);
            case "static" -> fixed(Math.round(Baselines.STATIC_FRACTION * s.download().ceilingBps()),
                    Math.round(Baselines.STATIC_FRACTION * s.upload().ceilingBps()));
            case "oracle" -> new ShaperController() {
                @Override
                long maxLimitBps(Direction d, double capacityBps) {
                    return Math.round(Baselines.ORACLE_FRACTION * capacityBps);
                }
            };
            case "wanctl" -> new Daemon(ScenarioConfigs.autorate(s), children, recordTo);
            case "reference" -> new Daemon(ScenarioConfigs.referenceLaw(ScenarioConfigs.autorate(s)), children,
                    recordTo);
            case "cake-autorate" -> new CakeAutorateShaper(s, children, clientNs);
            default -> throw new IllegalArgumentException("the testbed runs no controller '" + name + "'; choose one of "
                    + NAMES + " or all");
        };
    }

    private static ShaperController fixed(long dlBps, long ulBps) {
        return new ShaperController() {
            @Override
            long maxLimitBps(Direction d, double capacityBps) {
                return d == Direction.DOWNLOAD ? dlBps : ulBps;
            }
        };
    }

    /**
     * The real daemon, against the emulator, on the system clock; its statistics reads see the
     * kernel shaper's counters, read at most every {@value #COUNTER_MIN_INTERVAL_MS} ms.
     */
    private static final class Daemon extends ShaperController {

        private static final long COUNTER_MIN_INTERVAL_MS = 20;

        private final AutorateConfig config;
        private final RouterEmulator emulator;
        private final Path dir;
        private final AutorateDaemon daemon;
        private Thread thread;
        private volatile Throwable failure;

        Daemon(AutorateConfig c, ChildProcesses children, Path recordTo) throws Exception {
            Clock clock = Clock.system();
            this.dir = Files.createTempDirectory("wanctl-testbed");
            this.config = recorded(DemoDaemons.autorate(c, c.router(), dir), recordTo);
            this.emulator = EmulatorRouter.emulatorFor(config, clock);
            KernelCounterFeed feed = new KernelCounterFeed(emulator.state(), config.queues().download(),
                    config.queues().upload(), new KernelShaperStats(children), clock::nanoTime,
                    COUNTER_MIN_INTERVAL_MS * 1_000_000L);
            feed.sync(); // the baseline: the queues count from the run's start
            AutorateDaemon.Services production = AutorateDaemon.Services.production();
            this.daemon = new AutorateDaemon(dir.resolve("testbed.yaml"), new AutorateDaemon.Options(false, false, false),
                    new AutorateDaemon.Services(clock, SystemdNotifier.fromEnvironment(), Sleeper.parking(clock), false,
                            production.probes(), rc -> new KernelCountedRouter(emulator.client(), feed, e -> failure = e),
                            false));
        }

        /** {@code c} with its flight recording written to {@code file} at shutdown; unchanged when null. */
        private static AutorateConfig recorded(AutorateConfig c, Path file) {
            if (file == null) {
                return c;
            }
            RecordingConfig r = c.recording();
            return new AutorateConfig(c.source(), c.wanName(), c.router(), c.rateLimit(), c.queues(), c.interval(),
                    c.control(), c.probe(), c.fallback(), c.stateFile(), c.stateWriteInterval(), c.lockFile(),
                    c.health(), c.metrics(), new RecordingConfig(true, file.toAbsolutePath(), r.window(), Duration.ZERO),
                    c.statusLogInterval(), c.notes());
        }

        @Override
        void start() {
            thread = Thread.ofPlatform().name("autorate").start(() -> {
                try {
                    daemon.run(config);
                } catch (Throwable t) {
                    failure = t;
                }
            });
        }

        @Override
        long maxLimitBps(Direction d, double capacityBps) {
            if (failure != null) {
                throw new IllegalStateException("the testbed's daemon stopped: " + failure, failure);
            }
            return emulator.state().maxLimitBps(d == Direction.DOWNLOAD ? config.queues().download()
                    : config.queues().upload());
        }

        @Override
        public void close() throws Exception {
            daemon.stop();
            if (thread != null) {
                thread.join(Duration.ofSeconds(5));
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
