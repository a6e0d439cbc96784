package dev.wanctl.autorate;

import dev.wanctl.core.Version;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.control.DownloadParams;
import dev.wanctl.core.control.UploadParams;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.core.daemon.DaemonFrame;
import dev.wanctl.core.daemon.DaemonRecording;
import dev.wanctl.core.daemon.DaemonReload;
import dev.wanctl.core.daemon.DaemonSupport;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.daemon.FramedDaemon;
import dev.wanctl.core.daemon.HealthServer;
import dev.wanctl.core.daemon.InstanceLock;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.daemon.WanctlMetrics;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.probe.RttProbes;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.routeros.Shaper;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code wanctl autorate}: one WAN's daemon. Takes the WAN's lock, checks the router, restores
 * state, starts the probe, the writer and the endpoints, then runs {@link AutorateCycle} at the
 * configured interval through {@link DaemonLoop} until SIGTERM; reloads the config on SIGHUP,
 * keeping the old one when the new one is invalid.
 */
public final class AutorateDaemon implements FramedDaemon {

    private static final Logger LOG = LoggerFactory.getLogger(AutorateDaemon.class);

    /**
     * @param dryRun decide and log, never write to the router
     * @param once run one cycle, print its line, exit
     * @param profile log the phase timings of every cycle
     */
    public record Options(boolean dryRun, boolean once, boolean profile) {}

    /**
     * What the daemon runs on: real time, systemd and the network in production; a virtual clock,
     * a recording notifier and scripted parts in tests and the simulator.
     *
     * @param signals install SIGTERM/SIGHUP handlers (false when embedded)
     * @param probes opens the RTT probe of a config
     * @param routers connects to the router of a config
     * @param inlineWriter write on the loop thread (deterministic virtual time) instead of the writer thread
     */
    public record Services(Clock clock, SystemdNotifier notifier, Sleeper sleeper, boolean signals,
            Function<AutorateConfig, RttProbe> probes, Function<RouterConfig, Shaper> routers,
            boolean inlineWriter) {

        /** The real clock, systemd, signals, ICMP probing and the configured router transport. */
        public static Services production() {
            Clock clock = Clock.system();
            return new Services(clock, SystemdNotifier.fromEnvironment(), Sleeper.parking(clock), true,
                    c -> RttProbes.open(AutorateWiring.probeOptions(c), clock), RouterClients::shaper, false);
        }
    }

    private final Path configFile;
    private final Options options;
    private final Services services;
    private final Clock clock;
    private final SystemdNotifier notifier;
    private final DaemonFrame frame;
    private volatile AutorateWiring wiring;
    private volatile AutorateHealth healthDoc;

    /** A daemon for one WAN that reloads from {@code configFile}; {@link #run} starts it. */
    public AutorateDaemon(Path configFile, Options options, Services services) {
        this.configFile = configFile;
        this.options = options;
        this.services = services;
        this.clock = services.clock();
        this.notifier = services.notifier();
        this.frame = new DaemonFrame(clock, notifier, services.sleeper(), "autorate", services.inlineWriter());
    }

    /** Runs until stopped and returns the exit status; throws {@link DaemonExit} when it cannot run. */
    public int run(AutorateConfig config) throws DaemonExit {
        banner(config);
        WanctlMetrics metrics = new WanctlMetrics();
        DaemonRecording rec = options.once() ? null : DaemonRecording.of(config.wanName(), config.recording(),
                config.interval(), AutorateWiring.recordingMetadata(config));
        frame.recording(rec);
        AutorateWiring.Shared shared = new AutorateWiring.Shared(clock, metrics.autorate(config.wanName()),
                frame::overruns, options, services.probes(), services.routers(),
                services.inlineWriter() || options.once(), rec);
        try (InstanceLock lock = DaemonSupport.lock(config.lockFile())) {
            AutorateWiring w = AutorateWiring.build(config, null, shared);
            wiring = w;
            metrics.reflectors(config.wanName(), () -> wiring.probe.reflectorStatus());
            if (config.metrics().enabled()) {
                metrics.jvmAndProcess();
            }
            healthDoc = new AutorateHealth(() -> wiring.cycle, clock, frame::overruns);
            try {
                restore(w);
                RouterStartup.check(w.router, config).ifPresent(a -> {
                    if (!options.dryRun()) {
                        w.writer.assumeApplied(a.downloadBps(), a.uploadBps());
                    }
                });
                w.awaitFirstSample(w.config.probe().replyTimeout().plusMillis(100));
                if (options.once()) {
                    return once(w);
                }
                frame.announceRecording(LOG, config.wanName(), config.recording(), services.signals());
                DaemonSupport.serving(config.health(), healthDoc, config.metrics(), metrics.registry(),
                        () -> frame.loop().run(w, () -> {
                            Loaded<AutorateConfig> read = ConfigLoader.loadAutorate(configFile,
                                    ConfigLoader.Options.daemon());
                            return current -> reload((AutorateWiring) current, shared, read);
                        }, services.signals()));
                LOG.info("{}: stopping: saving state", config.wanName());
                return ExitStatus.OK;
            } finally {
                shutdown();
            }
        }
    }


    private void restore(AutorateWiring w) {
        w.state.load().ifPresentOrElse(json -> {
            AutorateStateCodec.Restored r = AutorateStateCodec.restore(json, w.cycle.law());
            if (!r.ignored().isEmpty()) {
                LOG.warn("{}: state file has unusable fields ({}: {}): those start from the config",
                        w.config.wanName(), w.state.file(), String.join(", ", r.ignored()));
            }
            if (json.path("ewma").has("baseline_rtt") && r.ignored().stream().noneMatch(f -> f.startsWith("ewma.baseline_rtt"))) {
                w.cycle.baselineRestored();
            }
            if (r.any()) {
                LOG.info("{}: resumed from {}: DL={} UL={}, baseline {} ms", w.config.wanName(), w.state.file(),
                        RateWriter.mbit(w.cycle.decision().downloadRateBps()),
                        RateWriter.mbit(w.cycle.decision().uploadRateBps()),
                        CycleLine.one(w.cycle.decision().baselineMs()));
            }
            if (r.appliedDl().isPresent() && r.appliedUl().isPresent() && !options.dryRun()) {
                w.writer.assumeApplied(r.appliedDl().getAsLong(), r.appliedUl().getAsLong());
            }
        }, () -> LOG.info("{}: no state file at {}: starting at the ceiling, baseline {} ms", w.config.wanName(),
                w.state.file(), CycleLine.one(w.config.control().rtt().initialRttMs())));
    }

    /**
     * One cycle, its line logged like any other (so {@code --log-format json} stays one JSON object
     * per line on stdout, which jq and the journal read), then the exit status.
     */
    private int once(AutorateWiring w) {
        w.cycle.runCycle(0, clock.nanoTime());
        LOG.info("{}", CycleLine.format(new StringBuilder(), w.config.wanName(), w.cycle.decision()));
        RateWriter.Snapshot s = w.writer.snapshot();
        if (s.lastError() != null) {
            LOG.error("{}: router write failed: {}", w.config.wanName(), s.lastError());
        }
        return s.lastError() == null ? ExitStatus.OK : ExitStatus.FAILURE;
    }

    /** Applies the config {@code read}, or keeps {@code old} when it is invalid or cannot change while running. */
    private AutorateWiring reload(AutorateWiring old, AutorateWiring.Shared shared, Loaded<AutorateConfig> read) {
        return new DaemonReload<AutorateConfig>(old.config.wanName(), configFile, f -> read)
                .fixed("wan_name", AutorateConfig::wanName)
                .fixed("lock_file", AutorateConfig::lockFile)
                .atRestart("health_check", AutorateConfig::health)
                .atRestart("metrics", AutorateConfig::metrics)
                .atRestart("flight_recorder", AutorateConfig::recording)
                .notes(AutorateConfig::notes)
                .reload(old.config, old, c -> {
                    AutorateWiring w = AutorateWiring.build(c, old, shared);
                    if (shared.recording() != null) {
                        shared.recording().metadata(AutorateWiring.recordingMetadata(c));
                    }
                    wiring = w;
                    return w;
                });
    }

    private void shutdown() {
        AutorateWiring w = wiring;
        if (w == null) {
            return;
        }
        frame.writeRecordingIfAny();
        w.writer.close();
        if (w.cycle.saveState()) {
            LOG.info("{}: state saved to {}", w.config.wanName(), w.state.file());
        }
        w.close();
    }

    /** The reference implementation's start-up lines, so operators see what the daemon will do. */
    private void banner(AutorateConfig c) {
        DownloadParams dl = c.control().download();
        UploadParams ul = c.control().upload();
        LOG.info("=== wanctl autorate {} - {} ===", Version.get(), c.wanName());
        LOG.info("Config: {}{}", c.source(), options.dryRun() ? " (dry run: the router is never written)" : "");
        LOG.info("Download: GREEN={}, YELLOW={}, SOFT_RED={}, RED={}, ceiling={}, step={}, factor={}",
                RateWriter.mbit(dl.floorGreenBps()), RateWriter.mbit(dl.floorYellowBps()),
                RateWriter.mbit(dl.floorSoftRedBps()), RateWriter.mbit(dl.floorRedBps()), RateWriter.mbit(dl.ceilingBps()),
                String.format(Locale.ROOT, "%.1fM", dl.stepUpBps() / 1e6), dl.factorDown());
        LOG.info("Upload: floor={}, ceiling={}, step={}, factor={}", RateWriter.mbit(ul.floorBps()),
                RateWriter.mbit(ul.ceilingBps()), String.format(Locale.ROOT, "%.1fM", ul.stepUpBps() / 1e6),
                ul.factorDown());
        LOG.info("Download Thresholds: GREEN→YELLOW={}ms, YELLOW→SOFT_RED={}ms, SOFT_RED→RED={}ms",
                dl.thresholds().targetMs(), dl.thresholds().warnMs(), dl.thresholds().hardRedMs());
        LOG.info("Upload Thresholds: GREEN→YELLOW={}ms, YELLOW→RED={}ms", ul.thresholds().targetMs(),
                ul.thresholds().warnMs());
        LOG.info("EWMA: baseline_alpha={}, load_alpha={}", c.control().rtt().baselineAlpha(),
                c.control().rtt().loadAlpha());
        LOG.info("Ping: hosts={}, median-of-three={}", c.probe().hosts(), c.probe().medianOfThree());
        c.notes().forEach(n -> LOG.info("{}: {}", c.wanName(), n));
        DaemonSupport.logLoopStart(LOG, c.interval(), notifier);
    }

    @Override
    public DaemonFrame frame() {
        return frame;
    }

    /** The /health document now (tests, embedding). */
    public HealthServer.Response health() {
        return healthDoc.get();
    }


    /** The cycle running now (tests). */
    public AutorateCycle currentCycle() {
        AutorateWiring w = wiring;
        return w == null ? null : w.cycle;
    }
}
