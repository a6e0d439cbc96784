package dev.wanctl.steering;

import dev.wanctl.core.Version;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.control.SteeringHysteresis;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.probe.RttProbes;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.core.daemon.DaemonFrame;
import dev.wanctl.core.daemon.DaemonReload;
import dev.wanctl.core.daemon.DaemonRecording;
import dev.wanctl.core.daemon.DaemonSupport;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.daemon.FramedDaemon;
import dev.wanctl.core.daemon.HealthServer;
import dev.wanctl.core.daemon.InstanceLock;
import dev.wanctl.core.daemon.Probing;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.daemon.WanctlMetrics;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.routeros.SteeringRouter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code wanctl steering}: the site's steering daemon. Takes the lock, restores the steering
 * state, checks the router and makes the rule match the state, starts the probe, the CAKE stats
 * poller and the rule toggler, then runs {@link SteeringCycle} at the configured interval through
 * {@link DaemonLoop} until SIGTERM; reloads the config on SIGHUP, keeping the old one when the new
 * one is invalid. {@code --reset} disables the rule, writes a fresh GOOD state and exits.
 */
public final class SteeringDaemon implements FramedDaemon {

    private static final Logger LOG = LoggerFactory.getLogger(SteeringDaemon.class);

    /**
     * @param dryRun decide and log ({@code WOULD_ENABLE} / {@code WOULD_DISABLE}), never change the
     *     rule, never write the state file
     * @param reset disable the rule, reset the state to GOOD and exit
     */
    public record Options(boolean dryRun, boolean reset) {}

    /**
     * What the daemon runs on: real time, systemd and the network in production; a virtual clock,
     * a recording notifier and scripted parts in tests.
     *
     * @param signals install SIGTERM/SIGHUP handlers (false when embedded)
     * @param probes opens the RTT probe of a config
     * @param routers connects to the router of a config
     * @param inline read stats and toggle the rule on the cycle's thread (deterministic virtual time)
     *     instead of their own threads
     */
    public record Services(Clock clock, SystemdNotifier notifier, Sleeper sleeper, boolean signals,
            Function<SteeringConfig, RttProbe> probes, Function<RouterConfig, SteeringRouter> routers, boolean inline) {

        /** The real clock, systemd, signals, ICMP probing and the configured router transport. */
        public static Services production() {
            Clock clock = Clock.system();
            return new Services(clock, SystemdNotifier.fromEnvironment(), Sleeper.parking(clock), true,
                    c -> RttProbes.open(Probing.options(c.probe(), c.interval()), clock), RouterClients::create, false);
        }
    }

    private final Path configFile;
    private final Options options;
    private final Services services;
    private final DaemonFrame frame;
    private volatile SteeringWiring wiring;
    private volatile SteeringHealth healthDoc;
    private volatile boolean ran;

    /** The steering daemon, reloading from {@code configFile}; {@link #run} starts it. */
    public SteeringDaemon(Path configFile, Options options, Services services) {
        this.configFile = configFile;
        this.options = options;
        this.services = services;
        this.frame = new DaemonFrame(services.clock(), services.notifier(), services.sleeper(), "steering",
                services.inline());
    }

    /** Runs until stopped and returns the exit status; throws {@link DaemonExit} when it cannot run. */
    public int run(SteeringConfig config) throws DaemonExit {
        banner(config);
        WanctlMetrics metrics = new WanctlMetrics();
        DaemonRecording rec = DaemonRecording.of(config.wanName(), config.recording(), config.interval(),
                SteeringWiring.recordingMetadata(config), true);
        frame.recording(rec);
        SteeringWiring.Shared shared = new SteeringWiring.Shared(services.clock(), services.sleeper(),
                metrics.steering(config.primaryWan(), List.of(config.goodStateName(), config.degradedStateName())),
                frame::overruns, options.dryRun(), services.probes(), services.routers(), services.inline(),
                ZoneId.systemDefault(), rec);
        try (InstanceLock lock = DaemonSupport.lock(config.lockFile())) {
            SteeringWiring w = SteeringWiring.build(config, null, shared);
            wiring = w;
            metrics.reflectors(config.wanName(), () -> wiring.probe.reflectorStatus());
            metrics.cakeQueue(config.primaryWan(), config.primaryDownloadQueue(), () -> wiring.stats.droppedTotal(),
                    () -> {
                        CakeStatsPoller.Reading r = wiring.stats.latest();
                        return r.available() ? r.queuedPackets() : -1;
                    });
            if (config.metrics().enabled()) {
                metrics.jvmAndProcess();
            }
            healthDoc = new SteeringHealth(() -> wiring, services.clock(), frame::overruns);
            try {
                if (options.reset()) {
                    return reset(w);
                }
                SteeringHysteresis.State state = restore(w);
                RuleStartup.check(w, state, options.dryRun());
                Probing.awaitFirstSample(w.probe, config.probe().replyTimeout().plusMillis(100));
                frame.announceRecording(LOG, config.wanName(), config.recording(), services.signals());
                DaemonSupport.serving(config.health(), healthDoc, config.metrics(), metrics.registry(), () -> {
                    w.start();
                    ran = true;
                    frame.loop().run(w, () -> {
                        Loaded<SteeringConfig> read = ConfigLoader.loadSteering(configFile,
                                ConfigLoader.Options.daemon());
                        return current -> reload((SteeringWiring) current, shared, read);
                    }, services.signals());
                });
                LOG.info("{}: stopping: saving state", config.wanName());
                return ExitStatus.OK;
            } finally {
                shutdown();
            }
        }
    }


    private int reset(SteeringWiring w) throws DaemonExit {
        if (options.dryRun()) {
            throw new DaemonExit(ExitStatus.USAGE, "--reset and --dry-run do not go together");
        }
        RuleStartup.reset(w);
        w.cycle.saveState();
        LOG.info("{}: reset: state {}, steering rule \"{}\" disabled and verified, state written to {}",
                w.config.wanName(), w.config.goodStateName(), w.config.mangleComment(), w.state.file());
        return ExitStatus.OK;
    }

    /** Restores the persisted state into the cycle; returns the state the rule must match. */
    private SteeringHysteresis.State restore(SteeringWiring w) {
        String wan = w.config.wanName();
        return w.state.load().map(json -> {
            SteeringStateCodec.Restored r = w.cycle.restore(json);
            if (!r.ignored().isEmpty()) {
                LOG.warn("{}: state file has unusable fields ({}: {}): those start from defaults", wan, w.state.file(),
                        String.join(", ", r.ignored()));
            }
            LOG.info("{}: resumed from {}: state {}", wan, w.state.file(), r.state() == SteeringHysteresis.State.GOOD
                    ? w.config.goodStateName() : w.config.degradedStateName());
            return r.state();
        }).orElseGet(() -> {
            LOG.info("{}: no state file at {}: starting in {}", wan, w.state.file(), w.config.goodStateName());
            return SteeringHysteresis.State.GOOD;
        });
    }

    /** Applies the config {@code read}, or keeps {@code old} when it is invalid or cannot change while running. */
    private SteeringWiring reload(SteeringWiring old, SteeringWiring.Shared shared, Loaded<SteeringConfig> read) {
        return new DaemonReload<SteeringConfig>(old.config.wanName(), configFile, f -> read)
                .fixed("wan_name", SteeringConfig::wanName)
                .fixed("lock_file", SteeringConfig::lockFile)
                .fixed("topology.primary_wan", SteeringConfig::primaryWan)
                .fixed("mangle_rule.comment", SteeringConfig::mangleComment)
                .atRestart("health_check", SteeringConfig::health)
                .atRestart("metrics", SteeringConfig::metrics)
                .atRestart("flight_recorder", SteeringConfig::recording)
                .notes(SteeringConfig::notes)
                .reload(old.config, old, c -> {
                    SteeringWiring w = SteeringWiring.build(c, old, shared);
                    if (shared.recording() != null) {
                        shared.recording().metadata(SteeringWiring.recordingMetadata(c));
                    }
                    w.start();
                    wiring = w;
                    return w;
                });
    }

    private void shutdown() {
        SteeringWiring w = wiring;
        if (w == null) {
            return;
        }
        w.stats.close();
        w.toggler.close();
        if (ran) {
            frame.writeRecordingIfAny();
        }
        if (ran && w.cycle.saveState()) { // a start that failed leaves the state file as it was
            LOG.info("{}: state saved to {}", w.config.wanName(), w.state.file());
        }
        w.close();
    }

    private void banner(SteeringConfig c) {
        LOG.info("=== wanctl steering {} - {} ===", Version.get(), c.wanName());
        LOG.info("Config: {}{}", c.source(), options.dryRun()
                ? " (dry run: the rule is never changed, the state file never written)" : "");
        LOG.info("Primary {} (state {}, queue {}), alternate {}; rule \"{}\"", c.primaryWan(), c.primaryStateFile(),
                c.primaryDownloadQueue(), c.alternateWan(), c.mangleComment());
        var t = c.thresholds();
        LOG.info("Thresholds: YELLOW rtt_ewma>{}ms or queue>={}, RED rtt_ewma>{}ms and drops>={} and queue>={}{}",
                t.yellowRttMs(), t.minQueueYellow(), t.redRttMs(), t.minDropsRed(), t.minQueueRed(),
                c.cakeAware() ? "" : " (cake_aware: false: RTT delta only, " + t.badThresholdMs() + "/"
                        + t.recoveryThresholdMs() + " ms)");
        LOG.info("Ping: hosts={}, median-of-three={}; CAKE stats every {} ms", c.probe().hosts(),
                c.probe().medianOfThree(), c.cakeStatsInterval().toMillis());
        if (c.wanState().enabled() && !c.useConfidenceScoring()) {
            LOG.warn("{}: wan_state.enabled has no effect without mode.use_confidence_scoring: the primary's autorate"
                    + " zone only counts in the confidence score", c.wanName());
        }
        if (c.useConfidenceScoring()) {
            LOG.info("Confidence scoring on{}", c.confidence().dryRun() ? " (dry run: logged, the hysteresis decides)"
                    : "");
        }
        c.notes().forEach(n -> LOG.info("{}: {}", c.wanName(), n));
        DaemonSupport.logLoopStart(LOG, c.interval(), services.notifier());
    }

    @Override
    public DaemonFrame frame() {
        return frame;
    }

    /** The /health document now (tests, embedding). */
    public HealthServer.Response health() {
        return healthDoc.get();
    }

}
