package dev.wanctl.steering;

import dev.wanctl.core.control.ConfidenceScorer;
import dev.wanctl.core.control.SteeringHysteresis;
import dev.wanctl.core.control.Zone;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, each cycle, whether the steering rule should be on: the hysteresis machine (RED
 * sustained enables, GREEN sustained disables, YELLOW resets the counters) and, when configured,
 * confidence scoring. With {@code confidence.dry_run} a confidence decision is only logged
 * ({@code [PHASE2B][DRY-RUN] WOULD_ENABLE_STEERING ...}) and the hysteresis machine decides;
 * live, a confidence decision is acted on that cycle (and held until its toggle has an outcome),
 * and the hysteresis machine decides in the cycles where confidence has nothing to say.
 *
 * <p>The state itself changes only through {@link #transitioned}, after the router verified the
 * toggle; until then the same decision comes out again every cycle.
 */
final class SteeringDecider {

    private static final Logger LOG = LoggerFactory.getLogger(SteeringDecider.class);

    private final SteeringHysteresis hysteresis;
    private final ConfidenceScorer scorer;
    private final boolean confidenceLive;
    private final double sustainSec;
    private final String primary;
    private SteeringHysteresis.Action lastAction = SteeringHysteresis.Action.NONE;
    private Boolean confidenceHeld;

    /**
     * @param scorer null when confidence scoring is off
     * @param confidenceLive act on confidence decisions ({@code confidence.dry_run: false})
     * @param sustainSec {@code confidence.sustain_duration_sec}, for the log
     * @param primary the primary WAN in upper case, for the log
     */
    SteeringDecider(SteeringHysteresis hysteresis, ConfidenceScorer scorer, boolean confidenceLive, double sustainSec,
            String primary) {
        this.hysteresis = hysteresis;
        this.scorer = scorer;
        this.confidenceLive = confidenceLive;
        this.sustainSec = sustainSec;
        this.primary = primary;
    }

    /**
     * One cycle's decision: whether the rule should be enabled after it.
     *
     * @param deltaMs this cycle's RTT delta
     * @param rttEwmaMs the smoothed delta (for the log)
     * @param wanZone the primary's autorate zone, null when unknown
     */
    boolean decide(long now, Zone assessment, double deltaMs, double rttEwmaMs, long drops, long queued, Zone wanZone,
            long wanZoneAgeNanos) {
        boolean degraded = hysteresis.state() == SteeringHysteresis.State.DEGRADED;
        if (scorer != null) {
            ConfidenceScorer.Decision d = scorer.update(now, degraded, assessment, deltaMs, drops, queued, wanZone,
                    wanZoneAgeNanos);
            if (d != ConfidenceScorer.Decision.NONE) {
                String signals = String.format(Locale.ROOT, "[state=%s, delta=%.1fms, drops=%d, queue=%d, wan=%s]",
                        assessment, deltaMs, drops, queued, wanZone == null ? "unknown" : wanZone);
                if (confidenceLive) {
                    LOG.info("[PHASE2B] {} confidence={} sustained={}s signals={}", d, scorer.score(), sustainSec,
                            signals);
                    confidenceHeld = d == ConfidenceScorer.Decision.ENABLE_STEERING;
                } else {
                    LOG.info("[PHASE2B][DRY-RUN] WOULD_{} confidence={} sustained={}s signals={}", d, scorer.score(),
                            sustainSec, signals);
                    scorer.toggled(now, d == ConfidenceScorer.Decision.ENABLE_STEERING);
                }
            }
        }
        if (confidenceHeld != null) {
            return confidenceHeld;
        }
        SteeringHysteresis.Action a = hysteresis.update(assessment);
        if (a != lastAction) {
            if (a == SteeringHysteresis.Action.ENABLE) {
                LOG.info("{} DEGRADED detected - rtt_ewma={}ms drops={} q={} (sustained {} samples)", primary,
                        one(rttEwmaMs), drops, queued, hysteresis.redCount());
            } else if (a == SteeringHysteresis.Action.DISABLE) {
                LOG.info("{} RECOVERED - rtt_ewma={}ms drops={} q={} (sustained {} samples)", primary, one(rttEwmaMs),
                        drops, queued, hysteresis.goodCount());
            }
            lastAction = a;
        }
        return switch (a) {
            case ENABLE -> true;
            case DISABLE -> false;
            case NONE -> degraded;
        };
    }

    /** What the rule should be when there is nothing to decide on (no RTT or no baseline): as the state says. */
    boolean hold() {
        return confidenceHeld != null ? confidenceHeld : hysteresis.state() == SteeringHysteresis.State.DEGRADED;
    }

    /** The router verified the rule {@code enabled}: the state follows (the counters restart). */
    void transitioned(long now, boolean enabled) {
        hysteresis.transitioned(enabled ? SteeringHysteresis.State.DEGRADED : SteeringHysteresis.State.GOOD);
        lastAction = SteeringHysteresis.Action.NONE;
        if (scorer != null && confidenceLive) {
            scorer.toggled(now, enabled);
        }
    }

    /** A toggle ended (either way): a held confidence decision is settled. */
    void toggleEnded(boolean enabled) {
        if (confidenceHeld != null && confidenceHeld == enabled) {
            confidenceHeld = null;
        }
    }

    SteeringHysteresis hysteresis() {
        return hysteresis;
    }

    /** The confidence score of the last cycle, -1 when scoring is off. */
    int score() {
        return scorer == null ? -1 : scorer.score();
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
