package dev.wanctl.steering;

import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.control.ConfidenceScorer;
import dev.wanctl.core.control.RttSelector;
import dev.wanctl.core.control.SteeringAssessor;
import dev.wanctl.core.control.SteeringHysteresis;
import dev.wanctl.core.control.SteeringLaw;
import dev.wanctl.core.control.Zone;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.CycleProfiler;
import dev.wanctl.core.runtime.FixedRateLoop;
import dev.wanctl.core.runtime.StateStore;
import dev.wanctl.core.daemon.SteeringMetrics;
import dev.wanctl.core.daemon.WanctlMetrics;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One steering cycle (behaviour.md "Steering cycle"): collect the toggles the router verified
 * (the state follows them), read the probe's newest RTT, the primary's baseline and zone, and the
 * newest CAKE stats reading into a {@link SteeringLaw.Signals}; let the {@link SteeringLaw} decide
 * (smooth, assess, hysteresis, confidence); tell the {@link RuleToggler} what the rule should be; keep histories, persist when due, update metrics, publish a {@link SteeringView} and
 * log per docs/LOGGING.md. Never waits for the router: stats and toggles run on their own threads
 * (inline only in virtual-time tests).
 */
final class SteeringCycle implements FixedRateLoop.Body {

    private static final Logger LOG = LoggerFactory.getLogger(SteeringCycle.class);
    static final String[] PHASES = {"inputs", "decide", "toggle", "state", "total"};
    private static final long PROFILE_EVERY_NANOS = 60_000_000_000L;

    /**
     * The parts a cycle works with.
     *
     * @param state null: nothing is persisted (dry run)
     * @param metrics null: no metrics
     * @param inline poll the stats and act on toggles on the cycle's thread (virtual-time tests)
     * @param primaryName the primary WAN in upper case, for the log
     */
    record Parts(SteeringConfig config, RttProbe probe, PrimaryState primary, CakeStatsPoller stats,
            RuleToggler toggler, SteeringLaw law, SteeringMemory memory, StateStore state,
            SteeringMetrics metrics, Clock clock, LongSupplier overruns, ZoneId zone, boolean inline,
            String primaryName) {}

    private final Parts p;
    private final SteeringConfig config;
    private final SteeringStateCodec.Names names;
    private final RttSelector selector;
    private final SteeringMemory memory;
    private final SteeringLaw law;
    private final CycleProfiler profiler;
    private final double[] rtt;
    private final long[] receivedAt;
    private final long statusEveryNanos;
    private final long stateEveryNanos;
    private final StringBuilder line = new StringBuilder(128);

    private long lastStatsSeq;
    private long drops;
    private long queued;
    private boolean rttLost;
    private Zone wanZone;
    private long wanZoneAgeNanos = Long.MAX_VALUE;
    private volatile long cycles;
    private long lastStatusNanos;
    private long lastProfileNanos;
    private long lastStateOfferNanos = Long.MIN_VALUE;
    private volatile SteeringView view;
    private volatile java.util.List<SteeringMemory.Transition> transitions;
    private volatile long lastTransitionWallMillis;

    SteeringCycle(Parts parts) {
        this.p = parts;
        this.config = parts.config();
        this.names = new SteeringStateCodec.Names(config.goodStateName(), config.degradedStateName());
        this.selector = new RttSelector(parts.probe().reflectorCount(), config.probe().medianOfThree(),
                config.probe().maxSampleAge().toNanos());
        this.memory = parts.memory();
        this.law = parts.law();
        this.profiler = CycleProfiler.forWindow(PROFILE_EVERY_NANOS, config.interval().toNanos(), PHASES);
        this.rtt = new double[parts.probe().reflectorCount()];
        this.receivedAt = new long[rtt.length];
        this.statusEveryNanos = config.statusLogInterval().toNanos();
        this.stateEveryNanos = 5_000_000_000L;
        long now = parts.clock().nanoTime();
        this.lastStatusNanos = now;
        this.lastProfileNanos = now;
        this.lastStatsSeq = parts.stats().latest().seq();
        publish(-1, now, Double.NaN, "starting");
        publishTransitions();
    }

    /** Publishes the transitions for other threads (after a restore, and at every transition). */
    void publishTransitions() {
        transitions = memory.transitions();
        lastTransitionWallMillis = memory.lastTransitionWallMillis();
    }

    static SteeringAssessor.Params assessorParams(SteeringConfig c) {
        var t = c.thresholds();
        return new SteeringAssessor.Params(c.cakeAware(), t.yellowRttMs(), t.redRttMs(), t.minDropsRed(),
                t.minQueueYellow(), t.minQueueRed(), t.badThresholdMs(), t.recoveryThresholdMs());
    }

    @Override
    public void runCycle(long cycle, long scheduledNanos) {
        Clock clock = p.clock();
        long t0 = clock.nanoTime();
        collectOutcomes(t0);
        p.probe().readLatest(rtt, receivedAt);
        double r = selector.select(rtt, receivedAt, t0);
        p.primary().refresh();
        if (p.inline()) {
            p.stats().pollIfDue(t0);
        }
        readStats();
        long t1 = clock.nanoTime();
        String hold = holdReason(r);
        Zone before = law.congestion();
        double baseline = p.primary().baselineMs();
        wanZone = p.primary().zone();
        wanZoneAgeNanos = p.primary().zoneAgeNanos();
        SteeringLaw.Decision d = law.decide(new SteeringLaw.Signals(t0, r, baseline, drops, queued, wanZone,
                wanZoneAgeNanos, p.toggler().verified()));
        if (d.decided()) {
            memory.baselineMs(p.primary().baselineMs());
            memory.congestion(d.congestion());
            memory.rtt.add(r);
            memory.delta.add(d.deltaMs());
            logDecision(d);
        }
        long t2 = clock.nanoTime();
        p.toggler().want(d.enable());
        if (p.inline()) {
            p.toggler().service();
        }
        long t3 = clock.nanoTime();
        if (p.state() != null && (lastStateOfferNanos == Long.MIN_VALUE || t3 - lastStateOfferNanos >= stateEveryNanos)) {
            lastStateOfferNanos = t3;
            p.state().offer(encode());
        }
        long t4 = clock.nanoTime();
        cycles++;
        publish(cycle, t4, r, hold);
        if (p.metrics() != null) {
            p.metrics().cycle(degraded(), WanctlMetrics.stateCode(law.congestion().name()));
        }
        profiler.record(0, t1 - t0);
        profiler.record(1, t2 - t1);
        profiler.record(2, t3 - t2);
        profiler.record(3, t4 - t3);
        profiler.record(4, t4 - t0);
        log(t4, law.congestion() != before, hold);
    }

    /** The decision's log lines (docs/LOGGING.md): confidence decisions, then the hysteresis machine's. */
    private void logDecision(SteeringLaw.Decision d) {
        if (d.confidence() != ConfidenceScorer.Decision.NONE) {
            String signals = String.format(Locale.ROOT, "[state=%s, delta=%.1fms, drops=%d, queue=%d, wan=%s]",
                    d.congestion(), d.deltaMs(), d.drops(), d.queuedPackets(),
                    p.primary().zone() == null ? "unknown" : p.primary().zone());
            double sustainSec = config.confidence().sustain().toMillis() / 1000.0;
            if (law.params().confidenceLive()) {
                LOG.info("[PHASE2B] {} confidence={} sustained={}s signals={}", d.confidence(), d.score(), sustainSec,
                        signals);
            } else {
                LOG.info("[PHASE2B][DRY-RUN] WOULD_{} confidence={} sustained={}s signals={}", d.confidence(),
                        d.score(), sustainSec, signals);
            }
        }
        if (d.action() == SteeringHysteresis.Action.ENABLE) {
            LOG.info("{} DEGRADED detected - rtt_ewma={}ms drops={} q={} (sustained {} samples)", p.primaryName(),
                    one(d.rttEwmaMs()), d.drops(), d.queuedPackets(), d.redCount());
        } else if (d.action() == SteeringHysteresis.Action.DISABLE) {
            LOG.info("{} RECOVERED - rtt_ewma={}ms drops={} q={} (sustained {} samples)", p.primaryName(),
                    one(d.rttEwmaMs()), d.drops(), d.queuedPackets(), d.goodCount());
        }
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Toggles the router verified become transitions; failed ones leave the state as it is. */
    private void collectOutcomes(long now) {
        RuleToggler.Outcome o;
        while ((o = p.toggler().poll()) != null) {
            SteeringLaw.Transition t = law.outcome(now, o.enabled(), o.verified());
            if (t != null) {
                transition(t);
            }
        }
    }

    private void transition(SteeringLaw.Transition t) {
        String from = names.of(t.from());
        String to = names.of(t.to());
        long wall = p.clock().wallMillis();
        memory.addTransition(new SteeringMemory.Transition(wall, from, to, t.redCount(), t.goodCount()));
        publishTransitions();
        LOG.info("State transition: {} (last transition: {})", to, SteeringStateCodec.iso(wall, p.zone()));
        if (p.metrics() != null) {
            p.metrics().transition(from, to);
        }
        if (p.state() != null) {
            p.state().save(encode()); // a restart must find the state that matches the rule
        }
    }

    private void readStats() {
        CakeStatsPoller.Reading s = p.stats().latest();
        drops = s.available() ? s.drops() : 0;
        queued = s.available() ? s.queuedPackets() : 0;
        if (s.seq() != lastStatsSeq) {
            lastStatsSeq = s.seq();
            memory.drops.add(drops);
            memory.queue.add(queued);
        }
    }

    /** Null when the cycle can decide; else why not (logged once per episode). */
    private String holdReason(double r) {
        boolean lost = Double.isNaN(r);
        if (lost != rttLost) {
            rttLost = lost;
            if (lost) {
                LOG.warn("{}: no reflector answered ({} of {} silent or stale): holding, no steering decisions",
                        config.wanName(), rtt.length, rtt.length);
            } else {
                LOG.info("{}: RTT measurements back: deciding again", config.wanName());
            }
        }
        if (Double.isNaN(p.primary().baselineMs())) {
            return "no baseline RTT (" + p.primary().file() + ": " + p.primary().problem() + ")";
        }
        return lost ? "no RTT (every reflector silent or stale)" : null;
    }

    private void log(long now, boolean congestionChanged, String hold) {
        boolean status = now - lastStatusNanos >= statusEveryNanos;
        if (status || congestionChanged || LOG.isDebugEnabled()) {
            line.setLength(0);
            SteeringLine.format(line, names.of(law.state()), law.deltaMs(), law.rttEwmaMs(), drops, queued,
                    law.congestion());
            if (hold != null) {
                line.append(" | holding: ").append(hold);
            }
            if (status || congestionChanged) {
                LOG.info(line.toString());
                if (status) {
                    lastStatusNanos = now;
                }
            } else {
                LOG.debug(line.toString());
            }
        }
        if (now - lastProfileNanos >= PROFILE_EVERY_NANOS) {
            lastProfileNanos = now;
            LOG.info("{}: {}", config.wanName(), profiler.snapshot().toLogLine());
        }
    }

    private void publish(long cycle, long now, double r, String hold) {
        view = new SteeringView(cycle, now, names.of(law.state()), law.congestion(), r, law.deltaMs(),
                law.rttEwmaMs(), law.queueEwma(), drops, queued, wanZone, wanZoneAgeNanos, law.redCount(), law.goodCount(),
                law.score(), hold);
    }

    private boolean degraded() {
        return law.degraded();
    }

    /** Hands what this cycle learned to a reload's new cycle (no state-file JSON in between). */
    void carryOverTo(SteeringMemory memory, SteeringLaw law) {
        SteeringStateCodec.carryOver(this.memory, this.law, memory, law);
    }

    tools.jackson.databind.node.ObjectNode encode() {
        return SteeringStateCodec.encode(memory, law, names,
                p.stats().latest().consecutiveFailures(), p.zone());
    }

    /** Resumes from a state file (before the first cycle). */
    SteeringStateCodec.Restored restore(tools.jackson.databind.JsonNode json) {
        SteeringStateCodec.Restored r = SteeringStateCodec.restore(json, memory, law, p.zone());
        publishTransitions();
        publish(-1, p.clock().nanoTime(), Double.NaN, "starting");
        return r;
    }

    /**
     * Writes the state file now (shutdown, after the toggler stopped); a toggle verified since the
     * last cycle counts first, so the saved state matches the rule. True when written.
     */
    boolean saveState() {
        collectOutcomes(p.clock().nanoTime());
        if (p.state() == null) {
            return false;
        }
        return p.state().flush(encode());
    }

    SteeringView view() {
        return view;
    }

    /** The transitions kept, oldest first (any thread). */
    java.util.List<SteeringMemory.Transition> transitions() {
        return transitions;
    }

    /** When the last transition was, -1 when none is known (any thread). */
    long lastTransitionWallMillis() {
        return lastTransitionWallMillis;
    }

    Parts parts() {
        return p;
    }

    CycleProfiler profiler() {
        return profiler;
    }

    long cycles() {
        return cycles;
    }
}
