package dev.wanctl.core.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.control.SteeringHysteresis.Action;
import org.junit.jupiter.api.Test;

class SteeringControlTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    private final SteeringAssessor assessor = new SteeringAssessor(
            new SteeringAssessor.Params(true, 15, 15, 1, 10, 50, 25, 12));

    @Test
    void redNeedsDelayDropsAndBacklogTogether() {
        assertThat(assessor.assess(30, 30, 5, 80)).isEqualTo(Zone.RED);
        assertThat(assessor.assess(30, 30, 0, 80)).isEqualTo(Zone.YELLOW); // no drops: RTT alone never steers
        assertThat(assessor.assess(30, 30, 5, 20)).isEqualTo(Zone.YELLOW);
        assertThat(assessor.assess(10, 10, 5, 80)).isEqualTo(Zone.YELLOW); // backlog alone warns
        assertThat(assessor.assess(10, 10, 0, 5)).isEqualTo(Zone.GREEN);
    }

    @Test
    void legacyModeUsesTheRawDeltaWithABand() {
        SteeringAssessor legacy = new SteeringAssessor(new SteeringAssessor.Params(false, 15, 15, 1, 10, 50, 25, 12));
        assertThat(legacy.assess(0, 26, 0, 0)).isEqualTo(Zone.RED);
        assertThat(legacy.assess(0, 20, 0, 0)).isEqualTo(Zone.YELLOW);
        assertThat(legacy.assess(0, 11, 0, 0)).isEqualTo(Zone.GREEN);
    }

    @Test
    void enablesAfterTheRedSustainAndYellowResetsTheCount() {
        SteeringHysteresis h = new SteeringHysteresis(3, 5);
        assertThat(h.update(Zone.RED)).isEqualTo(Action.NONE);
        assertThat(h.update(Zone.RED)).isEqualTo(Action.NONE);
        assertThat(h.update(Zone.YELLOW)).isEqualTo(Action.NONE);
        assertThat(h.redCount()).isZero();
        h.update(Zone.RED);
        h.update(Zone.RED);
        assertThat(h.update(Zone.RED)).isEqualTo(Action.ENABLE);
    }

    @Test
    void aFailedToggleIsAskedForAgainNextCycle() {
        SteeringHysteresis h = new SteeringHysteresis(2, 5);
        h.update(Zone.RED);
        assertThat(h.update(Zone.RED)).isEqualTo(Action.ENABLE);
        // the router failed: no transitioned() call
        assertThat(h.update(Zone.RED)).isEqualTo(Action.ENABLE);
        h.transitioned(SteeringHysteresis.State.DEGRADED);
        assertThat(h.state()).isEqualTo(SteeringHysteresis.State.DEGRADED);
    }

    @Test
    void disablesAfterTheGreenSustainAndAnythingElseResetsIt() {
        SteeringHysteresis h = new SteeringHysteresis(2, 3);
        h.transitioned(SteeringHysteresis.State.DEGRADED);
        h.update(Zone.GREEN);
        h.update(Zone.GREEN);
        assertThat(h.update(Zone.YELLOW)).isEqualTo(Action.NONE);
        h.update(Zone.GREEN);
        h.update(Zone.GREEN);
        assertThat(h.update(Zone.GREEN)).isEqualTo(Action.DISABLE);
    }

    private static ConfidenceScorer.Params confidence(int redWeight, boolean wan) {
        return new ConfidenceScorer.Params(55, 20, 2 * S, 3 * S, 30 * S, true, 300 * S, 4, 60 * S, 15, wan,
                redWeight, false, 5 * S, 30 * S);
    }

    @Test
    void confidenceEnablesAfterTheSustainMeasuredInElapsedTime() {
        ConfidenceScorer c = new ConfidenceScorer(confidence(25, false), 0);
        long t = 0;
        // RED (50) + severe RTT (25) = 75 >= 55
        assertThat(c.update(t, false, Zone.RED, 130, 1, 60, null, 0)).isEqualTo(ConfidenceScorer.Decision.NONE);
        t += 1_900 * MS;
        assertThat(c.update(t, false, Zone.RED, 130, 1, 60, null, 0)).isEqualTo(ConfidenceScorer.Decision.NONE);
        t += 100 * MS;
        assertThat(c.update(t, false, Zone.RED, 130, 1, 60, null, 0))
                .isEqualTo(ConfidenceScorer.Decision.ENABLE_STEERING);
        assertThat(c.score()).isGreaterThanOrEqualTo(75);
    }

    @Test
    void confidenceRecoversOnlyAfterHoldDownAndRecoverySustain() {
        ConfidenceScorer c = new ConfidenceScorer(confidence(25, false), 0);
        c.toggled(0, true);
        assertThat(c.update(10 * S, true, Zone.GREEN, 1, 0, 0, null, 0)).isEqualTo(ConfidenceScorer.Decision.NONE);
        assertThat(c.update(30 * S, true, Zone.GREEN, 1, 0, 0, null, 0)).isEqualTo(ConfidenceScorer.Decision.NONE);
        assertThat(c.update(33 * S, true, Zone.GREEN, 1, 0, 0, null, 0))
                .isEqualTo(ConfidenceScorer.Decision.DISABLE_STEERING);
    }

    @Test
    void flappingRaisesTheSteerThresholdForThePenalty() {
        ConfidenceScorer c = new ConfidenceScorer(confidence(25, false), 0);
        for (int i = 0; i < 5; i++) {
            c.toggled(i * S, i % 2 == 0);
        }
        assertThat(c.steerThreshold(5 * S)).isEqualTo(70);
        assertThat(c.steerThreshold(70 * S)).isEqualTo(55);
    }

    @Test
    void wanZoneAddsItsWeightClampedBelowTheThresholdAndStaleZonesCountAsGreen() {
        ConfidenceScorer c = new ConfidenceScorer(confidence(80, true), 0);
        c.update(40 * S, false, Zone.GREEN, 0, 0, 0, Zone.RED, 0);
        assertThat(c.score()).isEqualTo(54);
        c.update(41 * S, false, Zone.GREEN, 0, 0, 0, Zone.RED, 6 * S);
        assertThat(c.score()).isZero();
        ConfidenceScorer grace = new ConfidenceScorer(confidence(25, true), 0);
        grace.update(10 * S, false, Zone.GREEN, 0, 0, 0, Zone.RED, 0);
        assertThat(grace.score()).isZero();
    }
}
