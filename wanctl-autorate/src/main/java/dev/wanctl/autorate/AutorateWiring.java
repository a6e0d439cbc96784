package dev.wanctl.autorate;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.FallbackConfig;
import dev.wanctl.core.control.FallbackPolicy;
import dev.wanctl.core.probe.ConnectivityCheck;
import dev.wanctl.core.probe.ConnectivityOptions;
import dev.wanctl.core.probe.HostPort;
import dev.wanctl.core.probe.ProbeOptions;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.probe.RttProbes;
import dev.wanctl.core.daemon.AutorateMetrics;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.daemon.DaemonLoop;
import dev.wanctl.core.daemon.DaemonRecording;
import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.core.daemon.Probing;
import dev.wanctl.core.runtime.StateStore;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.routeros.Shaper;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The parts one config wires together: router client, probe, connectivity check, writer and the
 * cycle. A reload builds a new wiring from the new config and takes over from the old one what
 * did not change (router connection, probe, state file) and the controller's state (rates,
 * EWMAs, streaks), so a SIGHUP never resets what the daemon has learned.
 */
final class AutorateWiring implements DaemonLoop.Session, AutoCloseable {

    final AutorateConfig config;
    final Shaper router;
    final RttProbe probe;
    final ConnectivityCheck connectivityCheck;
    final RateWriter writer;
    final StateStore state;
    final AutorateCycle cycle;
    private final DaemonRecording recording;
    private long writesRecorded;

    private AutorateWiring(AutorateConfig config, Shaper router, RttProbe probe, ConnectivityCheck check,
            RateWriter writer, StateStore state, AutorateCycle cycle, DaemonRecording recording) {
        this.recording = recording;
        this.config = config;
        this.router = router;
        this.probe = probe;
        this.connectivityCheck = check;
        this.writer = writer;
        this.state = state;
        this.cycle = cycle;
        this.writesRecorded = writer.snapshot().writes(); // a reload's writer continues the count
    }

    /**
     * Everything a wiring needs from the daemon.
     *
     * @param probes opens the RTT probe of a config (production: {@link RttProbes#open})
     * @param routers connects to the router of a config (production: {@link RouterClients#shaper})
     * @param inlineWriter write on the cycle's thread instead of the writer thread (virtual time)
     * @param recording the daemon's flight recording, null when off (it outlives reloads)
     */
    record Shared(Clock clock, AutorateMetrics metrics, LongSupplier overruns, AutorateDaemon.Options options,
            java.util.function.Function<AutorateConfig, RttProbe> probes,
            java.util.function.Function<dev.wanctl.core.config.RouterConfig, Shaper> routers,
            boolean inlineWriter, DaemonRecording recording) {}

    /**
     * Builds the wiring for {@code config}, reusing the parts of {@code previous} (may be null)
     * whose configuration is unchanged. The controller starts from {@code previous}'s state, else
     * from the state file, else from the config.
     */
    static AutorateWiring build(AutorateConfig config, AutorateWiring previous, Shared shared) {
        boolean inlineWriter = shared.inlineWriter();
        Clock clock = shared.clock();
        boolean sameRouter = previous != null && previous.config.router().equals(config.router());
        boolean sameProbe = previous != null && previous.config.probe().equals(config.probe())
                && previous.config.interval().equals(config.interval());
        boolean sameFallback = previous != null && previous.config.fallback().equals(config.fallback());
        boolean sameState = previous != null && previous.config.stateFile().equals(config.stateFile())
                && previous.config.stateWriteInterval().equals(config.stateWriteInterval());

        Shaper router = sameRouter ? previous.router : shared.routers().apply(config.router());
        RttProbe probe = sameProbe ? previous.probe : shared.probes().apply(config);
        ConnectivityCheck check = sameFallback ? previous.connectivityCheck
                : config.fallback().enabled() ? ConnectivityCheck.start(connectivityOptions(config.fallback()), clock)
                : null;
        StateStore state = sameState ? previous.state : new StateStore(config.stateFile(), clock,
                StateStore.Settings.defaults().withMinInterval(config.stateWriteInterval())
                        .ignoringForChange(AutorateStateCodec.VOLATILE_KEYS)
                        // steering judges the baseline's freshness by the file's age
                        .refreshingEvery(config.stateWriteInterval())
                        // an fsync can outlast a cycle: the loop only serializes (virtual-time runs
                        // write on their one thread, so what they read back is deterministic)
                        .writingInBackground(!inlineWriter));

        AutoratePipeline pipeline = AutoratePipeline.of(config);
        if (previous != null) {
            // carry over what the running daemon learned; the new config's bounds apply
            AutorateStateCodec.carryOver(previous.cycle.law(), pipeline.law());
            RateWriter.Snapshot w = previous.writer.snapshot();
            if (w.appliedDlBps() >= 0) {
                pipeline.gate().assumeApplied(w.appliedDlBps(), w.appliedUlBps());
            }
            previous.writer.close();
            previous.cycle.closeDelivered();
        }
        RateWriter writer = pipeline.writer(router, clock, shared.options().dryRun());
        writer.verifyQueues(QueueWatch.Cadence.standard(config.control().download().ceilingBps(),
                config.control().upload().ceilingBps()));
        if (!inlineWriter) {
            writer.start();
        }
        DeliveredRates delivered = pipeline.delivered(router, clock);
        if (delivered != null && !inlineWriter) {
            delivered.start();
        }
        AutorateCycle cycle = pipeline.cycle(probe, writer, clock)
                .writerInline(inlineWriter)
                .delivered(delivered)
                .connectivity(check == null ? ConnectivitySource.alwaysPresent() : source(check))
                .state(state)
                .metrics(shared.metrics())
                .overruns(shared.overruns())
                .profileEveryCycle(shared.options().profile())
                .build();
        if (previous != null) {
            cycle.continueCountsFrom(previous.cycle);
            writer.continueCountsFrom(previous.writer);
            previous.closeUnshared(router, probe, check);
        }
        return new AutorateWiring(config, router, probe, check, writer, state, cycle, shared.recording());
    }

    static ProbeOptions probeOptions(AutorateConfig c) {
        return Probing.options(c.probe(), c.interval());
    }

    private static ConnectivityOptions connectivityOptions(FallbackConfig f) {
        String gateway = f.checkGateway() ? f.gatewayIp() : null;
        List<HostPort> targets = f.checkTcp() ? f.tcpTargets() : List.of();
        return ConnectivityOptions.of(gateway, targets);
    }

    private static ConnectivitySource source(ConnectivityCheck check) {
        return new ConnectivitySource() {
            @Override
            public void request() {
                check.request();
            }

            @Override
            public FallbackPolicy.Connectivity current() {
                return check.latest().connectivity();
            }
        };
    }

    @Override
    public void runCycle(long cycleIndex, long scheduledNanos) {
        cycle.runCycle(cycleIndex, scheduledNanos);
        if (recording != null) {
            record();
        }
    }

    private void record() {
        CycleView v = cycle.view();
        FlightRecorder.Cycle row = recording.row();
        row.timeNanos = v.nowNanos();
        v.record(row);
        RateWriter.Snapshot w = writer.snapshot();
        row.dlRateBps = w.appliedDlBps() >= 0 ? w.appliedDlBps() : v.downloadBps();
        row.ulRateBps = w.appliedUlBps() >= 0 ? w.appliedUlBps() : v.uploadBps();
        row.wrote = w.writes() != writesRecorded;
        writesRecorded = w.writes();
        recording.commit(v.nowNanos());
    }

    /** What a flight recording of {@code c} says about itself: the WAN, the config, the thresholds and ceilings. */
    static java.util.Map<String, String> recordingMetadata(AutorateConfig c) {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("source", "wanctl autorate");
        m.put("wan", c.wanName());
        m.put("config", String.valueOf(c.source()));
        m.put("interval_ms", String.valueOf(c.interval().toMillis()));
        var dl = c.control().download();
        m.put("target_bloat_ms", String.valueOf(dl.thresholds().targetMs()));
        m.put("warn_bloat_ms", String.valueOf(dl.thresholds().warnMs()));
        m.put("hard_red_bloat_ms", String.valueOf(dl.thresholds().hardRedMs()));
        m.put("dl_ceiling_bps", String.valueOf(dl.ceilingBps()));
        m.put("ul_ceiling_bps", String.valueOf(c.control().upload().ceilingBps()));
        return m;
    }

    @Override
    public long intervalNanos() {
        return config.interval().toNanos();
    }

    @Override
    public long statusIntervalNanos() {
        return config.statusLogInterval().toNanos();
    }

    /** {@code GREEN/GREEN DL=940M UL=38M delta=0.7ms}, for systemctl status. */
    @Override
    public String status() {
        CycleView v = cycle.view();
        return String.format(java.util.Locale.ROOT, "%s/%s DL=%dM UL=%dM delta=%.1fms", v.downloadZone(),
                v.uploadZone(), Math.round(v.downloadBps() / 1e6), Math.round(v.uploadBps() / 1e6), v.deltaMs());
    }

    /** Waits (real time, at most {@code max}) until a reflector has answered, so the first cycle has an RTT. */
    void awaitFirstSample(Duration max) {
        Probing.awaitFirstSample(probe, max);
    }

    private void closeUnshared(Shaper keptRouter, RttProbe keptProbe, ConnectivityCheck keptCheck) {
        if (router != keptRouter) {
            router.close();
        }
        if (probe != keptProbe) {
            probe.close();
        }
        if (connectivityCheck != null && connectivityCheck != keptCheck) {
            connectivityCheck.close();
        }
    }

    /** Stops the writer and closes the connections (state is saved by the caller first). */
    @Override
    public void close() {
        writer.close();
        cycle.closeDelivered();
        probe.close();
        if (connectivityCheck != null) {
            connectivityCheck.close();
        }
        router.close();
    }
}
