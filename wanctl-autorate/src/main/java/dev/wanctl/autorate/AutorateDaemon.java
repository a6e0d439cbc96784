package dev.wanctl.autorate;

import dev.wanctl.core.Version;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.ConfigProblem;
import dev.wanctl.core.config.EndpointConfig;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.control.DownloadParams;
import dev.wanctl.core.control.UploadParams;
import dev.wanctl.core.runtime.AutorateMetrics;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.DaemonExit;
import dev.wanctl.core.runtime.ExitStatus;
import dev.wanctl.core.runtime.FixedRateLoop;
import dev.wanctl.core.runtime.GracefulShutdown;
import dev.wanctl.core.runtime.HealthServer;
import dev.wanctl.core.runtime.InstanceLock;
import dev.wanctl.core.runtime.LockHeldException;
import dev.wanctl.core.runtime.MetricsServer;
import dev.wanctl.core.runtime.Signals;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.runtime.SystemdNotifier;
import dev.wanctl.core.runtime.WanctlMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code wanctl autorate}: one WAN's daemon. Takes the WAN's lock, checks the router, restores
 * state, starts the probe, the writer and the endpoints, then runs {@link AutorateCycle} at the
 * configured interval until SIGTERM; reloads the config on SIGHUP (keeping the old one when the
 * new one is invalid); tells systemd READY after the first cycle and WATCHDOG while the loop runs,
 * whatever the router does.
 */
public final class AutorateDaemon {

    private static final Logger LOG = LoggerFactory.getLogger(AutorateDaemon.class);

    /**
     * @param dryRun decide and log, never write to the router
     * @param once run one cycle, print its line, exit
     * @param profile log the phase timings of every cycle
     */
    public record Options(boolean dryRun, boolean once, boolean profile) {}

    private final Path configFile;
    private final Options options;
    private final Clock clock;
    private final SystemdNotifier notifier;
    private final AtomicReference<AutorateWiring> wiring = new AtomicReference<>();
    private volatile boolean reloadRequested;
    private volatile FixedRateLoop loop;
    private volatile boolean stopping;

    public AutorateDaemon(Path configFile, Options options, Clock clock, SystemdNotifier notifier) {
        this.configFile = configFile;
        this.options = options;
        this.clock = clock;
        this.notifier = notifier;
    }

    /** Runs until stopped; returns the exit status or throws {@link DaemonExit} when it cannot run. */
    public int run(AutorateConfig config) throws DaemonExit {
        banner(config);
        WanctlMetrics metrics = new WanctlMetrics();
        AutorateMetrics wanMetrics = metrics.autorate(config.wanName());
        try (InstanceLock lock = lock(config)) {
            AutorateWiring.Shared shared = new AutorateWiring.Shared(clock, wanMetrics, this::overruns, options);
            AutorateWiring w = AutorateWiring.build(config, null, shared, options.once());
            wiring.set(w);
            try {
                restore(w);
                RouterStartup.check(w.router, config).ifPresent(a -> {
                    if (!options.dryRun()) {
                        w.cycle.writer().assumeApplied(a.downloadBps(), a.uploadBps());
                    }
                });
                w.awaitFirstSample(w.config.probe().replyTimeout().plusMillis(100), clock);
                if (options.once()) {
                    return once(w);
                }
                return serve(shared, metrics);
            } finally {
                shutdown();
            }
        }
    }

    private InstanceLock lock(AutorateConfig c) throws DaemonExit {
        try {
            return InstanceLock.acquire(c.lockFile());
        } catch (LockHeldException e) {
            throw new DaemonExit(ExitStatus.LOCKED, e.getMessage());
        } catch (IOException e) {
            throw new DaemonExit(ExitStatus.FAILURE, "cannot take the lock " + c.lockFile() + ": " + e.getMessage()
                    + " (is /run/wanctl writable by this user? the unit creates it with RuntimeDirectory=wanctl)", e);
        }
    }

    private void restore(AutorateWiring w) {
        w.state.load().ifPresentOrElse(json -> {
            AutorateStateCodec.Restored r = AutorateStateCodec.restore(json, w.cycle.controller());
            if (!r.ignored().isEmpty()) {
                LOG.warn("{}: state file {} has unusable fields ({}): those start from the config", w.config.wanName(),
                        w.state.file(), String.join(", ", r.ignored()));
            }
            if (r.any()) {
                LOG.info("{}: resumed from {}: DL={} UL={}, baseline {} ms", w.config.wanName(), w.state.file(),
                        RateWriter.mbit(w.cycle.controller().downloadRateBps()),
                        RateWriter.mbit(w.cycle.controller().uploadRateBps()),
                        CycleLine.one(w.cycle.controller().baselineMs()));
            }
            if (r.appliedDl().isPresent() && r.appliedUl().isPresent() && !options.dryRun()) {
                w.cycle.writer().assumeApplied(r.appliedDl().getAsLong(), r.appliedUl().getAsLong());
            }
        }, () -> LOG.info("{}: no state file at {}: starting at the ceiling, baseline {} ms", w.config.wanName(),
                w.state.file(), CycleLine.one(w.config.control().rtt().initialRttMs())));
    }

    private int once(AutorateWiring w) {
        w.cycle.runCycle(0, clock.nanoTime());
        StringBuilder sb = CycleLine.format(new StringBuilder(), w.config.wanName(), w.cycle.controller());
        PrintStream out = System.out;
        out.println(sb);
        RateWriter.Snapshot s = w.writer.snapshot();
        if (s.lastError() != null) {
            out.println(w.config.wanName() + ": router write failed: " + s.lastError());
        }
        w.cycle.saveState();
        return s.lastError() == null ? ExitStatus.OK : ExitStatus.FAILURE;
    }

    private int serve(AutorateWiring.Shared shared, WanctlMetrics metrics) throws DaemonExit {
        AutorateConfig c = wiring.get().config;
        HealthServer health = null;
        MetricsServer metricsServer = null;
        GracefulShutdown graceful = GracefulShutdown.install(this::requestStop, Duration.ofSeconds(2));
        try {
            health = startHealth(c.health());
            metricsServer = startMetrics(c.metrics(), metrics);
            Signals.onHangup(() -> reloadRequested = true); // applied at the start of the next cycle
            boolean ready = false;
            long lastStatus = 0;
            while (!stopping) {
                AutorateWiring w = wiring.get();
                FixedRateLoop l = new FixedRateLoop(clock, w.config.interval().toNanos(), Sleeper.parking(clock));
                loop = l;
                boolean[] readyBox = {ready};
                long[] statusBox = {lastStatus};
                l.run((cycle, scheduled) -> {
                    if (reloadRequested) {
                        reloadRequested = false;
                        if (reload(shared)) {
                            l.stop(); // the interval changed: restart the loop at the new rate
                            return;
                        }
                    }
                    AutorateWiring current = wiring.get();
                    current.cycle.runCycle(cycle, scheduled);
                    long now = clock.nanoTime();
                    notifier.watchdogIfDue(now);
                    if (!readyBox[0]) {
                        readyBox[0] = true;
                        notifier.ready(status(current));
                        LOG.info("{}: running: first cycle done, {}", current.config.wanName(), status(current));
                    } else if (now - statusBox[0] >= current.config.statusLogInterval().toNanos()) {
                        statusBox[0] = now;
                        notifier.status(status(current));
                    }
                });
                ready = readyBox[0];
                lastStatus = statusBox[0];
            }
            notifier.stopping();
            LOG.info("{}: stopping: saving state", c.wanName());
            return ExitStatus.OK;
        } finally {
            if (health != null) {
                health.close();
            }
            if (metricsServer != null) {
                metricsServer.close();
            }
            graceful.finished();
        }
    }

    private void requestStop() {
        stopping = true;
        FixedRateLoop l = loop;
        if (l != null) {
            l.stop();
        }
    }

    /** Stops the daemon from another thread (tests, embedding). */
    public void stop() {
        requestStop();
    }

    private long overruns() {
        FixedRateLoop l = loop;
        return l == null ? 0 : l.overruns();
    }

    /** Applies a new config; true when the loop must restart because the interval changed. */
    private boolean reload(AutorateWiring.Shared shared) {
        AutorateWiring old = wiring.get();
        notifier.reloading();
        Loaded<AutorateConfig> loaded = ConfigLoader.loadAutorate(configFile, ConfigLoader.Options.daemon());
        if (!loaded.ok()) {
            LOG.error("{}: reload refused, {} is invalid; keeping the running config:", old.config.wanName(), configFile);
            for (ConfigProblem p : loaded.errors()) {
                LOG.error("{}:   {}", old.config.wanName(), p);
            }
            notifier.ready(status(old));
            return false;
        }
        AutorateConfig c = loaded.config();
        for (ConfigProblem p : loaded.warnings()) {
            LOG.warn("{}: config warning: {}", c.wanName(), p);
        }
        if (!c.wanName().equals(old.config.wanName()) || !c.lockFile().equals(old.config.lockFile())) {
            LOG.error("{}: reload refused: wan_name and lock_file cannot change while running; restart the unit",
                    old.config.wanName());
            notifier.ready(status(old));
            return false;
        }
        if (!c.health().equals(old.config.health()) || !c.metrics().equals(old.config.metrics())) {
            LOG.warn("{}: health_check/metrics changes apply at the next restart", c.wanName());
        }
        try {
            wiring.set(AutorateWiring.build(c, old, shared, false));
        } catch (RuntimeException e) {
            LOG.error("{}: reload failed ({}); keeping the running config", c.wanName(), e.toString());
            notifier.ready(status(old));
            return false;
        }
        LOG.info("{}: reloaded {}", c.wanName(), configFile);
        c.notes().forEach(n -> LOG.info("{}: {}", c.wanName(), n));
        notifier.ready(status(wiring.get()));
        return !c.interval().equals(old.config.interval());
    }

    private void shutdown() {
        AutorateWiring w = wiring.get();
        if (w == null) {
            return;
        }
        w.writer.close();
        if (w.cycle.saveState()) {
            LOG.info("{}: state saved to {}", w.config.wanName(), w.state.file());
        }
        w.close();
    }

    private HealthServer startHealth(EndpointConfig e) throws DaemonExit {
        if (!e.enabled()) {
            return null;
        }
        try {
            return HealthServer.start(e.host(), e.port(), true /* the config names the host; it warns when not loopback */,
                    new AutorateHealth(() -> wiring.get().cycle, clock, this::overruns));
        } catch (IOException | IllegalArgumentException ex) {
            throw new DaemonExit(ExitStatus.FAILURE, "cannot serve /health on " + e.host() + ":" + e.port() + " ("
                    + ex.getMessage() + "): another process has the port? change health_check.port", ex);
        }
    }

    private static MetricsServer startMetrics(EndpointConfig e, WanctlMetrics metrics) throws DaemonExit {
        if (!e.enabled()) {
            return null;
        }
        try {
            return MetricsServer.start(e.host(), e.port(), true /* the config names the host; it warns when not loopback */,
                    metrics.registry());
        } catch (IOException | IllegalArgumentException ex) {
            throw new DaemonExit(ExitStatus.FAILURE, "cannot serve /metrics on " + e.host() + ":" + e.port() + " ("
                    + ex.getMessage() + "): change metrics.port", ex);
        }
    }

    private static String status(AutorateWiring w) {
        CycleView v = w.cycle.view();
        return String.format(Locale.ROOT, "%s/%s DL=%dM UL=%dM delta=%.1fms", v.downloadZone(), v.uploadZone(),
                Math.round(v.downloadBps() / 1e6), Math.round(v.uploadBps() / 1e6), v.deltaMs());
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
        LOG.info("Starting daemon mode with {}s cycle interval", c.interval().toMillis() / 1000.0);
        if (notifier.enabled()) {
            LOG.info("Systemd watchdog support enabled{}", notifier.watchdogInterval()
                    .map(d -> " (WatchdogSec=" + d.toSeconds() + "s)").orElse(""));
        }
    }

    /** For tests: the cycle currently running. */
    AutorateCycle currentCycle() {
        AutorateWiring w = wiring.get();
        return w == null ? null : w.cycle;
    }
}
