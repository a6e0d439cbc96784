package dev.wanctl.steering;

import dev.wanctl.core.config.ConfidenceConfig;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.config.SteeringThresholds;
import dev.wanctl.core.config.WanStateConfig;
import dev.wanctl.core.control.ConfidenceScorer;
import dev.wanctl.core.control.SteeringLaw;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.daemon.DaemonRecording;
import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.core.daemon.DaemonLoop;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.runtime.StateStore;
import dev.wanctl.core.daemon.SteeringMetrics;
import dev.wanctl.routeros.SteeringRouter;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The parts one steering config wires together: router client, probe, CAKE stats poller, rule
 * toggler, the primary's state, the state file and the cycle. A reload builds a new wiring and
 * takes over from the old one what did not change (router connection, probe, pollers, state
 * file) and what the cycle learned (steering state, counters, EWMAs, histories), so a SIGHUP
 * never drops steering or forgets the rule's state.
 */
final class SteeringWiring implements DaemonLoop.Session, AutoCloseable {

    /** The least time between a failed toggle and the next attempt. */
    private static final long MIN_RETRY_NANOS = 250_000_000L;

    final SteeringConfig config;
    final SteeringRouter router;
    final RttProbe probe;
    final CakeStatsPoller stats;
    final RuleToggler toggler;
    final PrimaryState primary;
    final StateStore state;
    final SteeringCycle cycle;
    private final boolean inline;

    private final DaemonRecording recording;

    private SteeringWiring(SteeringConfig config, SteeringRouter router, RttProbe probe, CakeStatsPoller stats,
            RuleToggler toggler, PrimaryState primary, StateStore state, SteeringCycle cycle, boolean inline,
            DaemonRecording recording) {
        this.recording = recording;
        this.config = config;
        this.router = router;
        this.probe = probe;
        this.stats = stats;
        this.toggler = toggler;
        this.primary = primary;
        this.state = state;
        this.cycle = cycle;
        this.inline = inline;
    }

    /**
     * Everything a wiring needs from the daemon.
     *
     * @param sleeper waits between the toggler's verification reads
     * @param dryRun never change the rule, never write the state file
     * @param inline poll stats and toggle on the cycle's thread (virtual-time tests)
     * @param recording the daemon's flight recording, null when off (it outlives reloads)
     */
    record Shared(Clock clock, Sleeper sleeper, SteeringMetrics metrics, LongSupplier overruns, boolean dryRun,
            Function<SteeringConfig, RttProbe> probes, Function<RouterConfig, SteeringRouter> routers, boolean inline,
            ZoneId zone, DaemonRecording recording) {}

    /** Builds the wiring of {@code config}, reusing what {@code previous} (may be null) has for the same settings. */
    static SteeringWiring build(SteeringConfig config, SteeringWiring previous, Shared shared) {
        Clock clock = shared.clock();
        boolean sameRouter = previous != null && previous.config.router().equals(config.router());
        boolean sameProbe = previous != null && previous.config.probe().equals(config.probe())
                && previous.config.interval().equals(config.interval());
        boolean sameStats = sameRouter && previous.config.primaryDownloadQueue().equals(config.primaryDownloadQueue())
                && previous.config.cakeStatsInterval().equals(config.cakeStatsInterval());
        boolean samePrimary = previous != null && previous.config.primaryStateFile().equals(config.primaryStateFile())
                && previous.config.stateStaleness().equals(config.stateStaleness())
                && previous.config.thresholds().baselineMinMs() == config.thresholds().baselineMinMs()
                && previous.config.thresholds().baselineMaxMs() == config.thresholds().baselineMaxMs();
        boolean sameState = previous != null && previous.config.stateFile().equals(config.stateFile());

        SteeringRouter router = sameRouter ? previous.router : shared.routers().apply(config.router());
        RttProbe probe = sameProbe ? previous.probe : shared.probes().apply(config);
        CakeStatsPoller stats = sameStats ? previous.stats : new CakeStatsPoller(router, config.wanName(),
                config.primaryDownloadQueue(), clock, config.cakeStatsInterval().toNanos());
        RuleToggler toggler = sameRouter ? previous.toggler : new RuleToggler(router, config.wanName(),
                config.mangleComment(), clock, shared.sleeper(),
                Math.max(MIN_RETRY_NANOS, config.interval().toNanos()), shared.dryRun());
        PrimaryState primary = samePrimary ? previous.primary : new PrimaryState(config.primaryStateFile(),
                config.stateStaleness(), config.thresholds().baselineMinMs(), config.thresholds().baselineMaxMs(),
                clock, config.wanName());
        StateStore state = sameState ? previous.state : new StateStore(config.stateFile(), clock,
                StateStore.Settings.defaults().writingInBackground(!shared.inline()));

        SteeringLaw law = new SteeringLaw(lawParams(config), clock.nanoTime());
        SteeringMemory memory = new SteeringMemory(config.historySize());
        if (previous != null) {
            previous.cycle.carryOverTo(memory, law);
            if (!sameRouter) {
                toggler.assumeVerified(previous.toggler.verified());
            }
        }
        SteeringCycle cycle = new SteeringCycle(new SteeringCycle.Parts(config, probe, primary, stats, toggler, law,
                memory, shared.dryRun() ? null : state, shared.metrics(), clock, shared.overruns(), shared.zone(),
                shared.inline(), config.primaryWan().toUpperCase(Locale.ROOT)));
        SteeringWiring w = new SteeringWiring(config, router, probe, stats, toggler, primary, state, cycle,
                shared.inline(), shared.recording());
        if (previous != null) {
            previous.closeUnshared(w);
        }
        return w;
    }

    /** The decision's parameters from a steering config (the simulator and a replay build the law from these). */
    static SteeringLaw.Params lawParams(SteeringConfig config) {
        SteeringThresholds t = config.thresholds();
        int red = config.cakeAware() ? t.redSamplesRequired() : t.badSamples();
        int green = config.cakeAware() ? t.greenSamplesRequired() : t.goodSamples();
        return new SteeringLaw.Params(SteeringCycle.assessorParams(config), red, green, t.rttEwmaAlpha(),
                t.queueEwmaAlpha(), confidence(config), !config.confidence().dryRun());
    }

    private static ConfidenceScorer.Params confidence(SteeringConfig config) {
        if (!config.useConfidenceScoring()) {
            return null;
        }
        ConfidenceConfig c = config.confidence();
        WanStateConfig w = config.wanState();
        return new ConfidenceScorer.Params(c.steerThreshold(), c.recoveryThreshold(),
                c.sustain().toNanos(), c.recoverySustain().toNanos(), c.holdDown().toNanos(), c.flapDetection(),
                c.flapWindow().toNanos(), c.maxToggles(), c.penaltyDuration().toNanos(), c.penaltyThresholdAdd(),
                w.enabled(), w.redWeight(), w.wanOverride(), w.staleness().toNanos(), w.gracePeriod().toNanos());
    }

    /** Starts the stats and toggler threads (not in inline mode); parts already running are left alone. */
    void start() {
        if (!inline) {
            stats.start();
            toggler.start();
        }
    }

    @Override
    public void runCycle(long cycleIndex, long scheduledNanos) {
        cycle.runCycle(cycleIndex, scheduledNanos);
        if (recording != null) {
            record();
        }
    }

    /**
     * RTT, the primary's baseline, delta and its EWMA, the congestion zone and whether traffic is
     * steered; and the rest of what the decision read (CAKE drops and backlog, the primary's zone and
     * its age), so a replay can step the decision again.
     */
    private void record() {
        SteeringView v = cycle.view();
        FlightRecorder.Cycle row = recording.row();
        row.timeNanos = v.atNanos();
        row.rttMs = v.rttMs();
        row.deltaMs = v.deltaMs();
        row.loadEwmaMs = v.rttEwmaMs() + primary.baselineMs();
        row.baselineMs = primary.baselineMs();
        row.dlZone = v.congestion() == null ? FlightRecorder.ZONE_NONE : FlightRecorder.zoneCode(v.congestion().name());
        row.steering = config.degradedStateName().equals(v.state());
        row.drops = v.drops();
        row.queuedPackets = v.queued();
        row.wanZone = v.wanZone() == null ? FlightRecorder.ZONE_NONE : FlightRecorder.zoneCode(v.wanZone().name());
        row.wanZoneAgeSec = v.wanZoneAgeNanos() == Long.MAX_VALUE ? Double.NaN : v.wanZoneAgeNanos() / 1e9;
        recording.commit(v.atNanos());
    }

    /** What a steering flight recording says about itself. */
    static java.util.Map<String, String> recordingMetadata(SteeringConfig c) {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("source", "wanctl steering");
        m.put("wan", c.wanName() + " (primary " + c.primaryWan() + ")");
        m.put("config", String.valueOf(c.source()));
        m.put("interval_ms", String.valueOf(c.interval().toMillis()));
        m.put("target_bloat_ms", String.valueOf(c.thresholds().yellowRttMs()));
        m.put("hard_red_bloat_ms", String.valueOf(c.thresholds().redRttMs()));
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

    /** {@code SPECTRUM_GOOD GREEN delta=0.7ms rule=disabled}, for systemctl status. */
    @Override
    public String status() {
        SteeringView v = cycle.view();
        Boolean rule = toggler.verified();
        return String.format(Locale.ROOT, "%s %s delta=%.1fms rule=%s%s", v.state(), v.congestion(), v.deltaMs(),
                rule == null ? "unknown" : rule ? "enabled" : "disabled", v.hold() == null ? "" : " (holding)");
    }

    private void closeUnshared(SteeringWiring next) {
        if (stats != next.stats) {
            stats.close();
        }
        if (toggler != next.toggler) {
            toggler.close();
        }
        if (probe != next.probe) {
            probe.close();
        }
        if (router != next.router) {
            router.close();
        }
    }

    /** Stops the threads and closes the connections (state is saved by the caller first). */
    @Override
    public void close() {
        stats.close();
        toggler.close();
        probe.close();
        router.close();
    }
}
