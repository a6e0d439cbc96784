package dev.wanctl.autorate;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.AutorateController;
import dev.wanctl.core.control.AutorateStep;
import dev.wanctl.core.control.FallbackPolicy;
import dev.wanctl.core.control.RttSelector;
import dev.wanctl.core.control.Zone;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.daemon.AutorateMetrics;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.CycleProfiler;
import dev.wanctl.core.runtime.FixedRateLoop;
import dev.wanctl.core.runtime.StateStore;
import dev.wanctl.core.daemon.WanctlMetrics;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One autorate cycle, as the daemon runs it every interval and the simulator runs it on virtual
 * time: read the probe's newest samples, step the controller (measurement-loss fallback
 * included), hand the rates to the {@link RateWriter}, persist state when due, update metrics
 * and publish a {@link CycleView}; log per docs/LOGGING.md. Never blocks on the network.
 */
public final class AutorateCycle implements FixedRateLoop.Body {

    private static final Logger LOG = LoggerFactory.getLogger(AutorateCycle.class);
    static final String[] PHASES = {"probe", "control", "writer", "state", "total"};

    private final AutorateConfig config;
    private final AutorateController controller;
    private final AutorateStep step;
    private final RttSelector selector;
    private final RttProbe probe;
    private final RateWriter writer;
    private final boolean writerInline;
    private final DeliveredRates delivered; // null: the reference law reads no counters
    private final ConnectivitySource connectivity;
    private final StateStore state;
    private final AutorateMetrics metrics;
    private final CycleProfiler profiler;
    private final Clock clock;
    private final LongSupplier overruns;
    private final ZoneId zone;
    private final boolean profileEveryCycle;
    private final double[] rtt;
    private final long[] receivedAt;
    private final int probePhase;
    private final int controlPhase;
    private final int writerPhase;
    private final int statePhase;
    private final int totalPhase;
    private final long statusEveryNanos;
    private final long profileEveryNanos;
    private final long stateEveryNanos;
    private final StringBuilder line = new StringBuilder(160);
    private final BaselineRelearn relearn;

    private Zone lastDl = Zone.GREEN;
    private Zone lastUl = Zone.GREEN;
    private long cycles;
    private long fallbackCycles;
    private long lastStatusNanos;
    private long lastProfileNanos;
    private long lastStateOfferNanos = Long.MIN_VALUE;
    private long lossStartedNanos;
    private boolean boundsWarned;
    private FallbackPolicy.Connectivity lastConnectivity = FallbackPolicy.Connectivity.UNKNOWN;
    private volatile CycleView view;

    private AutorateCycle(Builder b) {
        this.config = b.config;
        this.controller = b.controller;
        this.relearn = new BaselineRelearn(config.wanName());
        this.step = new AutorateStep(controller,
                new FallbackPolicy(config.fallback().mode(), config.fallback().maxFallbackCycles()));
        this.probe = b.probe;
        // a reply later than the maximum age but within the reply timeout is late, not lost: the
        // RTT just rose; it is a delay sample, never a fallback cycle
        this.selector = new RttSelector(probe.reflectorCount(), config.probe().medianOfThree(),
                config.probe().maxSampleAge().toNanos(),
                config.probe().maxSampleAge().toNanos() + config.probe().replyTimeout().toNanos());
        this.writer = b.writer;
        this.writerInline = b.writerInline;
        this.delivered = b.delivered;
        this.connectivity = config.fallback().enabled() ? b.connectivity : NO_FALLBACK_CHECKS;
        this.state = b.state;
        this.metrics = b.metrics;
        this.clock = b.clock;
        this.overruns = b.overruns;
        this.zone = b.zone;
        this.profileEveryCycle = b.profileEveryCycle;
        this.profiler = CycleProfiler.forWindow(60_000_000_000L, config.interval().toNanos(), PHASES);
        this.rtt = new double[probe.reflectorCount()];
        this.receivedAt = new long[probe.reflectorCount()];
        this.probePhase = profiler.phase("probe");
        this.controlPhase = profiler.phase("control");
        this.writerPhase = profiler.phase("writer");
        this.statePhase = profiler.phase("state");
        this.totalPhase = profiler.phase("total");
        this.statusEveryNanos = config.statusLogInterval().toNanos();
        this.profileEveryNanos = 60_000_000_000L;
        // offered twice per write interval: the store writes at most once per interval, and an
        // unchanged state is refreshed within 1.5 intervals (an offer just short of the interval
        // waited a whole second interval: files 9.8 s old against steering's staleness limit)
        this.stateEveryNanos = Math.max(config.interval().toNanos(), config.stateWriteInterval().toNanos() / 2);
        this.lastDl = controller.downloadZone();
        this.lastUl = controller.uploadZone();
        long now = clock.nanoTime();
        this.lastStatusNanos = now;
        this.lastProfileNanos = now;
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
        if (controller.adaptive() != null) {
            observe(t1);
        }
        AutorateStep.Outcome outcome = step.update(r, c);
        if (outcome == AutorateStep.Outcome.MEASURED) {
            relearn.sample(r, t1, controller);
        }
        if (delivered != null) {
            // the loaded cadence while a direction is active or the delay is up, else the idle one
            dev.wanctl.core.control.AdaptiveLaw law = controller.adaptive();
            delivered.fast(law.downloadActive() || law.uploadActive() || law.deltaMs() > law.params().growBelowMs());
        }
        if (outcome != AutorateStep.Outcome.MEASURED) {
            fallbackCycles++;
            if (metrics != null) {
                metrics.pingFailure();
            }
        }
        watchMeasurement(outcome, c, t1);
        watchBaselineBounds();
        long t2 = clock.nanoTime();
        writer.offer(controller.downloadRateBps(), controller.uploadRateBps());
        if (writerInline) {
            writer.service();
        }
        long t3 = clock.nanoTime();
        if (state != null && (lastStateOfferNanos == Long.MIN_VALUE || t3 - lastStateOfferNanos >= stateEveryNanos)) {
            lastStateOfferNanos = t3;
            RateWriter.Snapshot w = writer.snapshot();
            state.offer(AutorateStateCodec.encode(controller, w.appliedDlBps(), w.appliedUlBps(), clock.wallMillis(),
                    zone));
        }
        long t4 = clock.nanoTime();
        cycles++;
        publish(cycle, t4, r, outcome);
        if (metrics != null) {
            metrics.cycle(controller.downloadRateBps() / 1e6, controller.uploadRateBps() / 1e6, controller.baselineMs(),
                    controller.loadMs(), WanctlMetrics.stateCode(controller.downloadZone().name()),
                    WanctlMetrics.stateCode(controller.uploadZone().name()), (t4 - t0) / 1e9);
        }
        profiler.record(probePhase, t1 - t0);
        profiler.record(controlPhase, t2 - t1);
        profiler.record(writerPhase, t3 - t2);
        profiler.record(statePhase, t4 - t3);
        profiler.record(totalPhase, t4 - t0);
        logCycle(t4);
    }

    /** What the adaptive law reads besides the RTT: lateness, delivered rates, what the router has. */
    private void observe(long now) {
        double dl = Double.NaN;
        double ul = Double.NaN;
        if (delivered != null) {
            if (writerInline) {
                delivered.pollIfDue(now);
            }
            dl = delivered.downloadBps();
            ul = delivered.uploadBps();
        }
        controller.observe(selector.lateByMs(), dl, ul, writer.appliedDownloadBps(), writer.appliedUploadBps());
    }

    /** Stops the counter reader (when the adaptive law has one). */
    public void closeDelivered() {
        if (delivered != null) {
            delivered.close();
        }
    }

    /** The counter reader of the adaptive law, or null. */
    public DeliveredRates delivered() {
        return delivered;
    }

    private void publish(long cycle, long now, double r, AutorateStep.Outcome outcome) {
        FallbackPolicy f = step.fallback();
        view = new CycleView(cycle, now, r, controller.loadMs(), controller.baselineMs(), controller.deltaMs(),
                controller.downloadZone(), controller.uploadZone(), controller.downloadRateBps(),
                controller.uploadRateBps(), outcome, f.lostCycles(), f.degraded());
    }

    private void watchMeasurement(AutorateStep.Outcome outcome, FallbackPolicy.Connectivity c, long now) {
        if (outcome == AutorateStep.Outcome.MEASURED) {
            int lost = step.lossEndedAfterCycles();
            if (lost > 0) {
                LOG.info("{}: measurements back after {} cycles ({} s without a fresh RTT)", config.wanName(), lost,
                        CycleLine.one((now - lossStartedNanos) / 1e9));
            }
            lastConnectivity = FallbackPolicy.Connectivity.UNKNOWN;
            return;
        }
        FallbackPolicy f = step.fallback();
        if (f.lostCycles() == 1) {
            lossStartedNanos = now;
            LOG.warn("{}: no reflector answered ({} of {} silent or stale): {}", config.wanName(), probe.reflectorCount(),
                    probe.reflectorCount(), outcome == AutorateStep.Outcome.REUSED_LAST_LOAD
                            ? "reusing the last load RTT once, then holding rates (" + modeName() + ")"
                            : "holding rates (" + modeName() + ")");
        }
        if (c == FallbackPolicy.Connectivity.ABSENT && lastConnectivity != c && config.fallback().enabled()) {
            LOG.warn("{}: internet unreachable (gateway and TCP checks failed): rates frozen, health degraded",
                    config.wanName());
        }
        lastConnectivity = c;
    }

    private String modeName() {
        return config.fallback().enabled() ? config.fallback().mode().name().toLowerCase(Locale.ROOT)
                : "fallback checks off";
    }

    private void watchBaselineBounds() {
        boolean rejected = controller.tracker().baselineRejectedByBounds();
        if (rejected && !boundsWarned) {
            LOG.warn("{}: baseline candidate outside baseline_rtt_bounds [{}, {}] ms (RTT {} ms): keeping baseline {} ms",
                    config.wanName(), config.control().rtt().baselineMinMs(), config.control().rtt().baselineMaxMs(),
                    CycleLine.one(controller.lastRttMs()), CycleLine.one(controller.baselineMs()));
        }
        boundsWarned = rejected;
    }

    private void logCycle(long now) {
        Zone dl = controller.downloadZone();
        Zone ul = controller.uploadZone();
        boolean changed = dl != lastDl || ul != lastUl;
        lastDl = dl;
        lastUl = ul;
        boolean status = now - lastStatusNanos >= statusEveryNanos;
        if (changed || status || LOG.isDebugEnabled()) {
            line.setLength(0);
            CycleLine.format(line, config.wanName(), controller);
            if (status) {
                lastStatusNanos = now;
                RateWriter.Snapshot w = writer.snapshot();
                line.append(" | cycles=").append(cycles).append(" overruns=").append(overruns.getAsLong())
                        .append(" writes=").append(w.writes()).append(" rate_limited=").append(w.rateLimited())
                        .append(" fallback=").append(fallbackCycles);
                LOG.info(line.toString());
            } else if (changed) {
                LOG.info(line.toString());
            } else {
                LOG.debug(line.toString());
            }
        }
        if (profileEveryCycle) {
            line.setLength(0);
            line.append(config.wanName()).append(": profile ");
            profiler.appendLastCycle(line);
            LOG.info(line.toString());
        }
        if (now - lastProfileNanos >= profileEveryNanos) {
            lastProfileNanos = now;
            LOG.info("{}: {}", config.wanName(), profiler.snapshot().toLogLine());
        }
    }

    /** Writes the state file now (shutdown); true when written. */
    public boolean saveState() {
        if (state == null) {
            return false;
        }
        RateWriter.Snapshot w = writer.snapshot();
        return state.flush(AutorateStateCodec.encode(controller, w.appliedDlBps(), w.appliedUlBps(),
                clock.wallMillis(), zone));
    }

    /** The baseline came from the state file: re-learn it if it proves to be below every RTT. */
    public void baselineRestored() {
        relearn.arm();
    }

    /** Why the state file cannot be written now, null while it can (or when there is none). */
    public String stateProblem() {
        return state == null ? null : state.problem();
    }

    /** The last cycle, for other threads. */
    public CycleView view() {
        return view;
    }

    public AutorateController controller() {
        return controller;
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

    public static Builder builder(AutorateConfig config, AutorateController controller, RttProbe probe,
            RateWriter writer, Clock clock) {
        return new Builder(config, controller, probe, writer, clock);
    }

    /** Wires a cycle; the optional parts default to none. */
    public static final class Builder {
        private final AutorateConfig config;
        private final AutorateController controller;
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

        private Builder(AutorateConfig config, AutorateController controller, RttProbe probe, RateWriter writer,
                Clock clock) {
            this.config = Objects.requireNonNull(config);
            this.controller = Objects.requireNonNull(controller);
            this.probe = Objects.requireNonNull(probe);
            this.writer = Objects.requireNonNull(writer);
            this.clock = Objects.requireNonNull(clock);
        }

        /** Services the writer on the cycle's thread right after each offer (the simulator). */
        public Builder writerInline(boolean inline) {
            this.writerInline = inline;
            return this;
        }

        /** The byte-counter reader the adaptive law needs (inline with the writer when that is inline). */
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
