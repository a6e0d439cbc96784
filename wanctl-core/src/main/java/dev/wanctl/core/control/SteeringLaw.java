package dev.wanctl.core.control;

/**
 * Steering's decision, pure: one {@link Signals} record in per cycle, one {@link Decision} record
 * out (behaviour.md "Steering cycle"). It smooths the RTT delta and the CAKE backlog, assesses the
 * primary's congestion ({@link SteeringAssessor}), runs the hysteresis machine (RED sustained
 * enables, GREEN sustained disables, YELLOW resets the counters) and, when configured, confidence
 * scoring. With confidence in dry run a confidence decision is only reported (the caller logs
 * {@code WOULD_...}) and the hysteresis machine decides; live, a confidence decision is acted on
 * that cycle (and held until its toggle has an outcome), and the hysteresis machine decides in the
 * cycles where confidence has nothing to say. One toggle at a time: a wish that differs from the
 * rule the router verified stands until its outcome is in.
 *
 * <p>The state changes only through {@link #outcome}, after the router verified a toggle; until
 * then the same decision comes out again every cycle. No clock, no I/O, no logging: the daemon,
 * the simulator and a replay step through the same instance with the same signals and get the same
 * decisions.
 */
public final class SteeringLaw {

    /**
     * Parameters.
     *
     * @param redRequired consecutive RED cycles that enable steering
     * @param greenRequired consecutive GREEN cycles that disable it
     * @param confidence confidence scoring, null when off
     * @param confidenceLive act on confidence decisions ({@code confidence.dry_run: false})
     */
    public record Params(SteeringAssessor.Params assessor, int redRequired, int greenRequired, double rttEwmaAlpha,
            double queueEwmaAlpha, ConfidenceScorer.Params confidence, boolean confidenceLive) {}

    /**
     * One cycle's inputs.
     *
     * @param nowNanos monotonic time of the cycle
     * @param rttMs the RTT the cycle measured, NaN when no reflector answered in time
     * @param baselineMs the primary's baseline RTT, NaN when unknown
     * @param drops CAKE drops of the newest stats reading (0 when none)
     * @param queuedPackets CAKE backlog of the newest stats reading (0 when none)
     * @param wanZone the primary's autorate zone, null when unknown
     * @param wanZoneAgeNanos how old that zone is
     * @param ruleVerified the rule's state as the router last verified it, null when unknown
     */
    public record Signals(long nowNanos, double rttMs, double baselineMs, long drops, long queuedPackets,
            Zone wanZone, long wanZoneAgeNanos, Boolean ruleVerified) {}

    /**
     * One cycle's decision.
     *
     * @param enable whether the rule should be enabled after this cycle
     * @param decided false when the cycle held (no RTT or no baseline): nothing was smoothed or assessed
     * @param deltaMs RTT over the baseline (never negative; the last one when holding)
     * @param state the steering state (changes only on a verified toggle)
     * @param score the confidence score, -1 when scoring is off
     * @param confidence what confidence scoring decided this cycle (NONE when off or holding)
     * @param action the hysteresis machine's action when it changed this cycle (to log), else NONE
     */
    public record Decision(boolean enable, boolean decided, Zone congestion, double deltaMs, double rttEwmaMs,
            double queueEwma, long drops, long queuedPackets, SteeringHysteresis.State state, int redCount,
            int goodCount, int score, ConfidenceScorer.Decision confidence, SteeringHysteresis.Action action) {}

    /** A state change the router verified: from, to, and the counts that led to it. */
    public record Transition(SteeringHysteresis.State from, SteeringHysteresis.State to, int redCount,
            int goodCount) {}

    /**
     * What the law carries across restarts and reloads (the state file's keys).
     *
     * @param rttEwmaMs NaN: unstarted
     * @param queueEwma NaN: unstarted
     * @param congestion null: keep the current one
     */
    public record Memory(SteeringHysteresis.State state, int redCount, int goodCount, double rttEwmaMs,
            double queueEwma, Zone congestion) {}

    private final Params p;
    private final SteeringAssessor assessor;
    private final SteeringHysteresis hysteresis;
    private final ConfidenceScorer scorer;
    private final Ewma rttEwma;
    private final Ewma queueEwma;
    private SteeringHysteresis.Action lastAction = SteeringHysteresis.Action.NONE;
    private Boolean confidenceHeld;
    private Boolean pendingWish;
    private Zone congestion = Zone.GREEN;
    private double deltaMs;

    /** @param startNanos when the law started (confidence scoring's grace period runs from it) */
    public SteeringLaw(Params params, long startNanos) {
        this.p = params;
        this.assessor = new SteeringAssessor(params.assessor());
        this.hysteresis = new SteeringHysteresis(params.redRequired(), params.greenRequired());
        this.scorer = params.confidence() == null ? null : new ConfidenceScorer(params.confidence(), startNanos);
        this.rttEwma = Ewma.seededByFirstSample(params.rttEwmaAlpha());
        this.queueEwma = Ewma.seededByFirstSample(params.queueEwmaAlpha());
    }

    /** One cycle. */
    public Decision decide(Signals s) {
        boolean wish;
        ConfidenceScorer.Decision confidence = ConfidenceScorer.Decision.NONE;
        SteeringHysteresis.Action changed = SteeringHysteresis.Action.NONE;
        boolean decided = !Double.isNaN(s.rttMs()) && !Double.isNaN(s.baselineMs());
        if (decided) {
            deltaMs = Math.max(0, s.rttMs() - s.baselineMs());
            double ewma = rttEwma.update(deltaMs);
            queueEwma.update(s.queuedPackets());
            congestion = assessor.assess(ewma, deltaMs, s.drops(), s.queuedPackets());
            boolean degraded = degraded();
            if (scorer != null) {
                confidence = scorer.update(s.nowNanos(), degraded, congestion, deltaMs, s.drops(), s.queuedPackets(),
                        s.wanZone(), s.wanZoneAgeNanos());
                if (confidence != ConfidenceScorer.Decision.NONE) {
                    if (p.confidenceLive()) {
                        confidenceHeld = confidence == ConfidenceScorer.Decision.ENABLE_STEERING;
                    } else {
                        scorer.toggled(s.nowNanos(), confidence == ConfidenceScorer.Decision.ENABLE_STEERING);
                    }
                }
            }
            if (confidenceHeld != null) {
                wish = confidenceHeld;
            } else {
                SteeringHysteresis.Action a = hysteresis.update(congestion);
                if (a != lastAction) {
                    changed = a;
                    lastAction = a;
                }
                wish = switch (a) {
                    case ENABLE -> true;
                    case DISABLE -> false;
                    case NONE -> degraded;
                };
            }
        } else {
            wish = confidenceHeld != null ? confidenceHeld : degraded();
        }
        if (pendingWish != null) {
            wish = pendingWish; // one toggle at a time: the wish stands until its outcome is in
        } else if (!Boolean.valueOf(wish).equals(s.ruleVerified())) {
            pendingWish = wish;
        }
        return new Decision(wish, decided, congestion, deltaMs, rttEwma.value(), queueEwma.value(), s.drops(),
                s.queuedPackets(), hysteresis.state(), hysteresis.redCount(), hysteresis.goodCount(), score(),
                confidence, changed);
    }

    /**
     * A toggle of the rule to {@code enabled} ended, verified by the router or not: the wish it
     * carried is settled, and a verified change of state becomes a transition (the counters
     * restart). Null when the state did not change.
     */
    public Transition outcome(long nowNanos, boolean enabled, boolean verified) {
        if (pendingWish != null && pendingWish == enabled) {
            pendingWish = null;
        }
        if (confidenceHeld != null && confidenceHeld == enabled) {
            confidenceHeld = null;
        }
        if (!verified || enabled == degraded()) {
            return null;
        }
        SteeringHysteresis.State from = hysteresis.state();
        int red = hysteresis.redCount();
        int good = hysteresis.goodCount();
        hysteresis.transitioned(enabled ? SteeringHysteresis.State.DEGRADED : SteeringHysteresis.State.GOOD);
        lastAction = SteeringHysteresis.Action.NONE;
        if (scorer != null && p.confidenceLive()) {
            scorer.toggled(nowNanos, enabled);
        }
        return new Transition(from, hysteresis.state(), red, good);
    }

    /** What a state file keeps of the law. */
    public Memory memory() {
        return new Memory(hysteresis.state(), hysteresis.redCount(), hysteresis.goodCount(),
                rttEwma.started() ? rttEwma.value() : Double.NaN,
                queueEwma.started() ? queueEwma.value() : Double.NaN, congestion);
    }

    /** Resumes from a state file or a reload (before the first cycle). */
    public void restore(Memory m) {
        hysteresis.restore(m.state(), m.redCount(), m.goodCount());
        if (Double.isFinite(m.rttEwmaMs())) {
            rttEwma.reset(m.rttEwmaMs());
        }
        if (Double.isFinite(m.queueEwma())) {
            queueEwma.reset(m.queueEwma());
        }
        if (m.congestion() != null) {
            congestion = m.congestion();
        }
    }

    public SteeringHysteresis.State state() {
        return hysteresis.state();
    }

    public boolean degraded() {
        return hysteresis.state() == SteeringHysteresis.State.DEGRADED;
    }

    public int redCount() {
        return hysteresis.redCount();
    }

    public int goodCount() {
        return hysteresis.goodCount();
    }

    public Zone congestion() {
        return congestion;
    }

    /** The last decided RTT delta, 0 before the first. */
    public double deltaMs() {
        return deltaMs;
    }

    /** The smoothed RTT delta (0 before the first sample). */
    public double rttEwmaMs() {
        return rttEwma.value();
    }

    public double queueEwma() {
        return queueEwma.value();
    }

    /** The confidence score of the last cycle, -1 when scoring is off. */
    public int score() {
        return scorer == null ? -1 : scorer.score();
    }

    public Params params() {
        return p;
    }
}
