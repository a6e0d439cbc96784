package dev.wanctl.autorate;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.AutorateStep;
import dev.wanctl.core.control.ControlLaw;
import dev.wanctl.core.control.FallbackPolicy;
import dev.wanctl.core.control.LawDecision;
import dev.wanctl.core.control.LawInput;
import dev.wanctl.core.control.RttSelector;
import dev.wanctl.core.control.Zone;
import dev.wanctl.core.daemon.AutorateMetrics;
import dev.wanctl.core.daemon.WanctlMetrics;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.CycleProfiler;
import dev.wanctl.core.runtime.FixedRateLoop;
import dev.wanctl.core.runtime.StateStore;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One autorate cycle, as the daemon runs it every interval and the simulator runs it on virtual
 * time: read the probe's newest samples into the law's {@link LawInput}, step the
 * {@link ControlLaw} (measurement-loss fallback included), hand its {@link LawDecision}'s rates to
 * the {@link RateWriter}, persist state when due, update metrics, publish a {@link CycleView} and
 * log ({@link CycleLog}). Never blocks on the network. Built by {@link AutoratePipeline#cycle}.
 */
public final class AutorateCycle implements FixedRateLoop.Body {

    static final String[] PHASES = {"probe", "control", "writer", "state", "total"};

    private final AutorateConfig config;
    private final ControlLaw law;
    private final AutorateStep step;
    private final LawInput input;
    private final RttSelector selector;
    private final RttProbe probe;
    private final RateWriter writer;
    private final boolean writerInline;
    private final DeliveredRates delivered; // null: the law reads no counters
    private final FlatCounters flatCounters;
    private final ConnectivitySource connectivity;
    private final StateStore state;
    private final AutorateMetrics metrics;
    private final CycleProfiler profiler;
    private final Clock clock;
    private final ZoneId zone;
    private final double[] rtt;
    private final long[] receivedAt;
    private final int probePhase;
    private final int controlPhase;
    private final int writerPhase;
    private final int statePhase;
    private final int totalPhase;
    private final long stateEveryNanos;
    private final BaselineRelearn relearn;
    private final CycleLog log;

    private final double onsetAboveMs;
    private boolean delayUp;
    /** 15 s: 10 s left LTE's idle router requests at 1.00-1.06/s on 4 of 12 simulated runs (budget: 1). */
    private final IdleOnsets idleOnsets = new IdleOnsets(15_000_000_000L);
    private long cycles;
    private long fallbackCycles;
    private long lastStateOfferNanos = Long.MIN_VALUE;
    private volatile CycleView view;

    private AutorateCycle(Builder b) {
        AutoratePipeline p = b.pipeline;
        this.config = p.config();
        this.law = p.law();
        this.step = p.step();
        this.input = p.input();
        this.relearn = new BaselineRelearn(config.wanName());
        this.probe = b.probe;
        this.selector = p.selector(probe.reflectorCount());
        this.writer = b.writer;
        this.writerInline = b.writerInline;
        this.delivered = b.delivered;
        this.onsetAboveMs = law.freshCountersAboveMs();
        this.flatCounters = new FlatCounters(config.wanName());
        this.connectivity = config.fallback().enabled() ? b.connectivity : NO_FALLBACK_CHECKS;
        this.state = b.state;
        this.metrics = b.metrics;
        this.clock = b.clock;
        this.zone = b.zone;
        this.profiler = CycleProfiler.forWindow(60_000_000_000L, config.interval().toNanos(), PHASES);
        this.rtt = new double[probe.reflectorCount()];
        this.receivedAt = new long[probe.reflectorCount()];
        this.probePhase = profiler.phase("probe");
        this.controlPhase = profiler.phase("control");
        this.writerPhase = profiler.phase("writer");
        this.statePhase = profiler.phase("state");
        this.totalPhase = profiler.phase("total");
        // offered twice per write interval: the store writes at most once per interval, and an
        // unchanged state is refreshed within 1.5 intervals (an offer just short of the interval
        // waited a whole second interval: files 9.8 s old against steering's staleness limit)
        this.stateEveryNanos = Math.max(config.interval().toNanos(), config.stateWriteInterval().toNanos() / 2);
        long now = clock.nanoTime();
        this.log = new CycleLog(config, probe.reflectorCount(), b.overruns, b.profileEveryCycle, law.decision(), now);
        publish(-1, now, Double.NaN, AutorateStep.Outcome.FROZEN);
    }

    /** Without fallback checks, a probe outage is treated as total loss: rates freeze. */
    private static final ConnectivitySource NO_FALLBACK_CHECKS = new ConnectivitySource() {
        @Override
        public void request() {}

        @Override
        public FallbackPolicy.Connectivity current() {
            return FallbackPolicy.Connectivity.ABSENT;
        }
    };

    @Override
    public void runCycle(long cycle, long scheduledNanos) {
        long t0 = clock.nanoTime();
        probe.readLatest(rtt, receivedAt);
        double r = selector.select(rtt, receivedAt, t0);
        long t1 = clock.nanoTime();
        FallbackPolicy.Connectivity c = FallbackPolicy.Connectivity.PRESENT;
        if (Double.isNaN(r)) {
            connectivity.request();
            c = connectivity.current();
        }
        measure(r, t1);
        AutorateStep.Outcome outcome = step.update(input, c);
        LawDecision d = law.decision();
        if (outcome == AutorateStep.Outcome.MEASURED) {
            relearn.sample(r, t1, law);
        }
        if (delivered != null) {
            // the loaded cadence while a direction is active or the delay is up (unless the line's own
            // rises keep it up), else the idle one
            boolean active = d.downloadActive() || d.uploadActive();
            idleOnsets.sample(t1, active);
            delivered.fast(active || d.busy() && !idleOnsets.delayIsQuiet(t1), active);
            boolean up = d.deltaMs() > onsetAboveMs;
            if (up && !delayUp && idleOnsets.allow(t1, active)) {
                // the delay just rose: fresh counters for the next cut (a capacity drop shows in them)
                delivered.onset(t1);
            }
            delayUp = up;
            flatCounters.sample(d.busy() || d.downloadZone() != Zone.GREEN || d.uploadZone() != Zone.GREEN, d.deltaMs(),
                    delivered.downloadBps(), delivered.uploadBps(), t1);
        }
        if (outcome != AutorateStep.Outcome.MEASURED) {
            fallbackCycles++;
            if (metrics != null) {
                metrics.pingFailure();
            }
        }
        log.measurement(outcome, step, c, t1);
        log.baselineBounds(d);
        long t2 = clock.nanoTime();
        writer.offer(d.downloadRateBps(), d.uploadRateBps(), d.downloadRestoreBps(), d.uploadRestoreBps());
        if (writerInline) {
            writer.service();
        }
        long t3 = clock.nanoTime();
        if (state != null && (lastStateOfferNanos == Long.MIN_VALUE || t3 - lastStateOfferNanos >= stateEveryNanos)) {
            lastStateOfferNanos = t3;
            state.offer(encodeState());
        }
        long t4 = clock.nanoTime();
        cycles++;
        publish(cycle, t4, r, outcome);
        if (metrics != null) {
            metrics.cycle(d.downloadRateBps() / 1e6, d.uploadRateBps() / 1e6, d.baselineMs(), d.loadMs(),
                    WanctlMetrics.stateCode(d.downloadZone().name()), WanctlMetrics.stateCode(d.uploadZone().name()),
                    (t4 - t0) / 1e9);
        }
        profiler.record(probePhase, t1 - t0);
        profiler.record(controlPhase, t2 - t1);
        profiler.record(writerPhase, t3 - t2);
        profiler.record(statePhase, t4 - t3);
        profiler.record(totalPhase, t4 - t0);
        log.cycle(d, t4, this, profiler);
    }

    /** Fills the law's input: the RTT and its lateness and, for a law that reads them, delivered and applied rates. */
    private void measure(double r, long now) {
        input.rtt(r, selector.lateByMs());
        if (!law.readsDeliveredRates()) {
            return;
        }
        double dl = Double.NaN;
        double ul = Double.NaN;
        if (delivered != null) {
            if (writerInline) {
                delivered.pollIfDue(now);
            }
            dl = delivered.downloadBps();
            ul = delivered.uploadBps();
        }
        input.delivered(dl, ul).applied(writer.appliedDownloadBps(), writer.appliedUploadBps());
    }

    private tools.jackson.databind.node.ObjectNode encodeState() {
        RateWriter.Snapshot w = writer.snapshot();
        return AutorateStateCodec.encode(law, w.appliedDlBps(), w.appliedUlBps(), clock.wallMillis(), zone);
    }

    /** Stops the counter reader (when the law has one). */
    public void closeDelivered() {
        if (delivered != null) {
            delivered.close();
        }
    }

    /** Why the adaptive law leaves the line unshaped (loaded by RTT, counters flat), null otherwise; any thread. */
    public String flatCountersProblem() {
        return flatCounters.problem();
    }

    /** The counter reader of a law that reads delivered rates, or null. */
    public DeliveredRates delivered() {
        return delivered;
    }

    private void publish(long cycle, long now, double r, AutorateStep.Outcome outcome) {
        FallbackPolicy f = step.fallback();
        view = CycleView.of(cycle, now, r, law.decision(), outcome, f.lostCycles(), f.degraded());
    }

    /** Writes the state file now (shutdown); true when written. */
    public boolean saveState() {
        return state != null && state.flush(encodeState());
    }

    /** The baseline came from the state file: re-learn it if it proves to be below every RTT. */
    public void baselineRestored() {
        relearn.arm();
    }

    /**
     * Continues {@code previous}'s counters (a reload): cycles and fallback cycles count since the
     * daemon started, as the status line and /health document them.
     */
    void continueCountsFrom(AutorateCycle previous) {
        cycles = previous.cycles;
        fallbackCycles = previous.fallbackCycles;
    }

    /** State-file writes so far (the soak's budget). */
    public long stateWrites() {
        return state == null ? 0 : state.writes();
    }

    /** Why the state file cannot be written now, null while it can (or when there is none). */
    public String stateProblem() {
        return state == null ? null : state.problem();
    }

    /** The last cycle, for other threads. */
    public CycleView view() {
        return view;
    }

    /** The law's last decision (the loop thread's; other threads read {@link #view()}). */
    public LawDecision decision() {
        return law.decision();
    }

    /** The law this cycle steps. */
    public ControlLaw law() {
        return law;
    }

    public CycleProfiler profiler() {
        return profiler;
    }

    public long cycles() {
        return cycles;
    }

    public long fallbackCycles() {
        return fallbackCycles;
    }

    public RateWriter writer() {
        return writer;
    }

    public RttProbe probe() {
        return probe;
    }

    public AutorateConfig config() {
        return config;
    }

    /** Wires a cycle ({@link AutoratePipeline#cycle}); the optional parts default to none. */
    public static final class Builder {
        private final AutoratePipeline pipeline;
        private final RttProbe probe;
        private final RateWriter writer;
        private final Clock clock;
        private boolean writerInline;
        private DeliveredRates delivered;
        private ConnectivitySource connectivity = ConnectivitySource.alwaysPresent();
        private StateStore state;
        private AutorateMetrics metrics;
        private LongSupplier overruns = () -> 0;
        private ZoneId zone = ZoneId.systemDefault();
        private boolean profileEveryCycle;

        Builder(AutoratePipeline pipeline, RttProbe probe, RateWriter writer, Clock clock) {
            this.pipeline = Objects.requireNonNull(pipeline);
            this.probe = Objects.requireNonNull(probe);
            this.writer = Objects.requireNonNull(writer);
            this.clock = Objects.requireNonNull(clock);
        }

        /** Services the writer on the cycle's thread right after each offer (the simulator). */
        public Builder writerInline(boolean inline) {
            this.writerInline = inline;
            return this;
        }

        /** The byte-counter reader a law that reads delivered rates needs (inline with the writer when that is inline). */
        public Builder delivered(DeliveredRates d) {
            this.delivered = d;
            return this;
        }

        public Builder connectivity(ConnectivitySource c) {
            this.connectivity = Objects.requireNonNull(c);
            return this;
        }

        public Builder state(StateStore s) {
            this.state = s;
            return this;
        }

        public Builder metrics(AutorateMetrics m) {
            this.metrics = m;
            return this;
        }

        public Builder overruns(LongSupplier s) {
            this.overruns = Objects.requireNonNull(s);
            return this;
        }

        public Builder zone(ZoneId z) {
            this.zone = Objects.requireNonNull(z);
            return this;
        }

        /** Logs the phase timings of every cycle ({@code --profile}). */
        public Builder profileEveryCycle(boolean on) {
            this.profileEveryCycle = on;
            return this;
        }

        public AutorateCycle build() {
            return new AutorateCycle(this);
        }
    }
}
