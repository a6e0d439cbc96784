package dev.wanctl.steering;

import static dev.wanctl.steering.SteeringHarness.sec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.emulator.model.Transport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The router failing while steering wants to toggle: the state changes only on a verified toggle,
 * the toggle is retried while the decision stands, and rule and state agree in the end. The
 * thresholds here make RED depend on the delay alone, so the CAKE stats reads that fail with the
 * router do not change the decision.
 */
class SteeringRouterFailureTest extends HarnessTest {

    private static final String DELAY_ONLY = """
            thresholds:
              yellow_rtt_ms: 15
              red_rtt_ms: 15
              min_drops_red: 0
              min_queue_red: 0
              red_sustain_sec: 2
              green_sustain_sec: 5
              rtt_ewma_time_constant_sec: 0.15
            """;

    @BeforeEach
    void configure() {
        h.thresholds(DELAY_ONLY);
    }

    @Test
    void toggleThatFailsIsRetriedUntilTheRouterAnswersAndOnlyThenTheStateChanges() {
        // RED from 5.05 s, so the rule is wanted from 7.0 s; the router fails every request 6.9 to 9.0 s
        AtomicReference<Object> stateWhileFailing = new AtomicReference<>();
        h.congestedWhile(t -> t >= sec(5))
                .at(sec(6.9), () -> h.router.faults().on(Transport.REST).serverErrorsUntilCleared())
                .at(sec(8.0), () -> stateWhileFailing.set(h.healthField("state")))
                .at(sec(9.0), () -> h.router.faults().on(Transport.REST).clear());

        assertThat(h.run(Duration.ofSeconds(12))).isZero();

        assertThat(stateWhileFailing.get()).isEqualTo("SPECTRUM_GOOD");
        // retries back off (capped at 1 s), so the toggle lands within a second of the router's return
        assertThat(h.toggles()).as(h.log()).singleElement()
                .satisfies(w -> assertThat(w.atNanos() / 1e9).isBetween(9.0, 10.05));
        assertThat(h.ruleEnabled()).isTrue();
        assertThat(h.healthField("state")).isEqualTo("SPECTRUM_DEGRADED");
        assertThat(h.linesContaining("enabling the steering rule failed")).singleElement()
                .satisfies(l -> assertThat(l.level()).isEqualTo("WARN"));
        assertThat(h.linesContaining("Enabling steering rule")).hasSize(1);
        assertThat(h.linesContaining("Steering rule enabled and verified (after ")).singleElement()
                .satisfies(l -> assertThat(l.message()).contains("failed attempts over "));
        assertThat(h.linesContaining("State transition: SPECTRUM_DEGRADED")).singleElement()
                .satisfies(l -> assertThat(l.atSeconds()).isBetween(9.0, 10.1));
        assertThat(h.health("router")).containsEntry("transport", "rest");
        // 2 s of 5xx: retries at about 50, 100, 200, 400, 800 ms apart (half of each jitter), not every cycle
        assertThat((long) h.health("router").get("toggle_failures")).isBetween(3L, 10L);
    }

    @Test
    void failedToggleWhoseReasonPassesLeavesRuleAndStateAsTheyWere() {
        h.congestedWhile(t -> t >= sec(5) && t < sec(7.5))
                .at(sec(6.9), () -> h.router.faults().on(Transport.REST).serverErrorsUntilCleared())
                .at(sec(9.0), () -> h.router.faults().on(Transport.REST).clear());

        assertThat(h.run(Duration.ofSeconds(12))).isZero();

        assertThat(h.ruleEnabled()).as(h.log()).isFalse();
        assertThat(h.healthField("state")).isEqualTo("SPECTRUM_GOOD");
        assertThat(h.linesContaining("State transition")).isEmpty();
        // after the failed enable the rule's state was unknown: it was set to what the state says, and verified
        assertThat(h.linesContaining("Steering rule disabled and verified")).hasSize(1);
        assertThat(h.health("rule")).containsEntry("enabled", false);
    }

    @Test
    void aRuleTheRouterSetsBackFailsVerificationAndTheStateWaitsUntilTheToggleSticks() {
        // a script on the router keeps the rule disabled from 6.9 to 9.0 s; the rule is wanted from 7.0 s
        AtomicReference<Object> stateWhileHeld = new AtomicReference<>();
        h.congestedWhile(t -> t >= sec(5))
                .at(sec(6.9), () -> h.router.state().holdRule(SteeringHarness.COMMENT, true))
                .at(sec(8.0), () -> stateWhileHeld.set(h.healthField("state")))
                .at(sec(9.0), () -> h.router.state().holdRule(SteeringHarness.COMMENT, false));

        assertThat(h.run(Duration.ofSeconds(12))).isZero();

        assertThat(stateWhileHeld.get()).as(h.log()).isEqualTo("SPECTRUM_GOOD");
        assertThat(h.linesContaining("enabling the steering rule failed (verification failed: still disabled"))
                .singleElement().satisfies(l -> assertThat(l.level()).isEqualTo("WARN"));
        assertThat(h.ruleEnabled()).isTrue();
        assertThat(h.healthField("state")).isEqualTo("SPECTRUM_DEGRADED");
        assertThat(h.linesContaining("State transition: SPECTRUM_DEGRADED")).singleElement()
                .satisfies(l -> assertThat(l.atSeconds()).isBetween(9.0, 9.5));
    }

    @Test
    void aRuleDeletedFromTheRouterIsAWarningAndDegradedHealthWithinSecondsAndItsReturnIsNoticed() {
        java.util.List<Object> statusWhileGone = new java.util.ArrayList<>();
        h.congestedWhile(t -> false)
                .at(sec(3), () -> h.router.faults().deleteRule(SteeringHarness.COMMENT))
                .at(sec(15), () -> statusWhileGone.add(h.healthField("status")))
                .at(sec(15), () -> statusWhileGone.add(h.healthField("problems")));

        assertThat(h.run(Duration.ofSeconds(20))).isZero();

        assertThat(statusWhileGone.get(0)).as(h.log()).isEqualTo("degraded");
        assertThat(statusWhileGone.get(1).toString()).contains("not found on the router");
        assertThat(h.linesContaining("is gone from the router")).singleElement()
                .satisfies(l -> assertThat(l.level()).isEqualTo("WARN"))
                .satisfies(l -> assertThat(l.atSeconds()).as("the idle check reads every 10 s").isLessThan(13.5));
    }

    @Test
    void anIdleSteeringDaemonFindsADeadRouterWithinThirtySecondsAndSaysWhy() {
        java.util.List<Object> seen = new java.util.ArrayList<>();
        h.congestedWhile(t -> false)
                .at(sec(2), () -> h.router.faults().on(Transport.REST).down())
                .at(sec(32), () -> seen.add(h.healthField("status")))
                .at(sec(32), () -> seen.add(h.healthField("problems")));

        assertThat(h.run(Duration.ofSeconds(33))).isZero();

        assertThat(seen.get(0)).as(h.log()).isEqualTo("degraded");
        assertThat(seen.get(1).toString()).contains("router unreachable");
        assertThat(h.linesContaining("reading the steering rule failed")).hasSize(1);
    }

    @Test
    void routerDownAtStartIsNotFatalAndTheRuleIsReconciledWhenItAnswers() {
        h.router.faults().on(Transport.REST).down();
        h.congestedWhile(t -> t >= sec(5)).at(sec(3), () -> h.router.faults().on(Transport.REST).up());

        assertThat(h.run(Duration.ofSeconds(10))).isZero();

        assertThat(h.linesContaining("router not answering at start")).hasSize(1);
        assertThat(h.ruleEnabled()).as(h.log()).isTrue();
        assertThat(h.healthField("state")).isEqualTo("SPECTRUM_DEGRADED");
    }
}
