package dev.wanctl.core.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SteeringLawTest {

    /** CAKE-aware: RED above 15 ms with a drop and 50 packets queued, twice; GREEN 3 times recovers. */
    private static SteeringLaw law() {
        return new SteeringLaw(new SteeringLaw.Params(new SteeringAssessor.Params(true, 5, 15, 1, 10, 50, 25, 12),
                2, 3, 1.0, 0.5, null, false), 0);
    }

    private static SteeringLaw.Signals congested(long now, Boolean rule) {
        return new SteeringLaw.Signals(now, 60, 20, 3, 80, null, 0, rule);
    }

    private static SteeringLaw.Signals quiet(long now, Boolean rule) {
        return new SteeringLaw.Signals(now, 20, 20, 0, 0, null, 0, rule);
    }

    @Test
    void sustainedRedAsksToEnableAndTheStateFollowsOnlyTheVerifiedToggle() {
        SteeringLaw law = law();
        SteeringLaw.Decision first = law.decide(congested(1, false));
        assertThat(first.congestion()).isEqualTo(Zone.RED);
        assertThat(first.enable()).isFalse();
        assertThat(first.deltaMs()).isEqualTo(40);

        SteeringLaw.Decision second = law.decide(congested(2, false));
        assertThat(second.enable()).isTrue();
        assertThat(second.action()).isEqualTo(SteeringHysteresis.Action.ENABLE);
        assertThat(second.state()).isEqualTo(SteeringHysteresis.State.GOOD);

        SteeringLaw.Decision pending = law.decide(quiet(3, false));
        assertThat(pending.enable()).as("one toggle at a time: the wish stands until its outcome").isTrue();

        SteeringLaw.Transition t = law.outcome(4, true, true);
        assertThat(t).isEqualTo(new SteeringLaw.Transition(SteeringHysteresis.State.GOOD,
                SteeringHysteresis.State.DEGRADED, 0, 0));
        assertThat(law.decide(quiet(5, true)).enable()).isTrue();
        assertThat(law.decide(quiet(6, true)).enable()).isTrue();
        SteeringLaw.Decision recovered = law.decide(quiet(7, true));
        assertThat(recovered.enable()).isFalse();
        assertThat(recovered.action()).isEqualTo(SteeringHysteresis.Action.DISABLE);
    }

    @Test
    void aFailedToggleLeavesTheStateAndIsAskedForAgain() {
        SteeringLaw law = law();
        law.decide(congested(1, false));
        assertThat(law.decide(congested(2, false)).enable()).isTrue();
        assertThat(law.outcome(3, true, false)).isNull();
        assertThat(law.state()).isEqualTo(SteeringHysteresis.State.GOOD);
        assertThat(law.decide(congested(4, false)).enable()).isTrue();
    }

    @Test
    void withoutAnRttOrABaselineTheCycleHoldsAndNothingIsSmoothed() {
        SteeringLaw law = law();
        law.decide(quiet(1, false));
        SteeringLaw.Decision noRtt = law.decide(new SteeringLaw.Signals(2, Double.NaN, 20, 9, 900, null, 0, false));
        SteeringLaw.Decision noBaseline = law.decide(new SteeringLaw.Signals(3, 90, Double.NaN, 9, 900, null, 0,
                false));
        assertThat(noRtt.decided()).isFalse();
        assertThat(noBaseline.decided()).isFalse();
        assertThat(noBaseline.enable()).isFalse();
        assertThat(noBaseline.queueEwma()).isZero();
        assertThat(law.congestion()).isEqualTo(Zone.GREEN);
    }

    @Test
    void theAveragesStartAtTheirFirstSampleAndResumeFromMemory() {
        SteeringLaw law = law();
        assertThat(law.memory().queueEwma()).isNaN();
        assertThat(law.decide(new SteeringLaw.Signals(1, 20, 20, 0, 40, null, 0, false)).queueEwma()).isEqualTo(40);
        assertThat(law.decide(new SteeringLaw.Signals(2, 20, 20, 0, 0, null, 0, false)).queueEwma()).isEqualTo(20);

        SteeringLaw resumed = law();
        resumed.restore(law.memory());
        assertThat(resumed.memory()).isEqualTo(law.memory());
    }
}
