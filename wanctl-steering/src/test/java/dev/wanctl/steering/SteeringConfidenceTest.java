package dev.wanctl.steering;

import static dev.wanctl.steering.SteeringHarness.sec;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Confidence scoring: RED (50 points) with a backlog above 50 packets in two readings in a row (10)
 * scores 60, above the steer threshold of 55, so after the 1 s sustain confidence wants steering,
 * sooner than the hysteresis machine's 2 s.
 */
class SteeringConfidenceTest extends HarnessTest {

    @BeforeEach
    void configure() {
        h.congestedWhile(t -> t >= sec(5));
    }

    private static String confidence(boolean dryRun) {
        return """
                mode:
                  use_confidence_scoring: true
                confidence:
                  steer_threshold: 55
                  recovery_threshold: 20
                  sustain_duration_sec: 1.0
                  dry_run: %s
                """.formatted(dryRun);
    }

    @Test
    void liveConfidenceDecisionIsActedOnThatCycle() {
        h.yaml(confidence(false));

        h.run(Duration.ofSeconds(9));

        assertThat(h.linesContaining("[PHASE2B] ENABLE_STEERING confidence=60")).as(h.log()).singleElement()
                .satisfies(l -> assertThat(l.atSeconds()).isBetween(6.0, 6.2));
        assertThat(h.toggles()).singleElement().satisfies(w -> assertThat(w.atNanos() / 1e9).isBetween(6.0, 6.2));
        assertThat(h.healthField("state")).isEqualTo("SPECTRUM_DEGRADED");
        assertThat(h.health("counters")).containsEntry("confidence_score", 60);
    }

    @Test
    void dryRunConfidenceOnlyLogsWhatItWouldDoAndTheHysteresisDecides() {
        h.yaml(confidence(true));

        h.run(Duration.ofSeconds(9));

        assertThat(h.linesContaining("[PHASE2B][DRY-RUN] WOULD_ENABLE_STEERING confidence=60 sustained=1.0s signals=["))
                .as(h.log()).isNotEmpty().first().satisfies(l -> assertThat(l.atSeconds()).isBetween(6.0, 6.2));
        assertThat(h.toggles()).singleElement().satisfies(w -> assertThat(w.atNanos() / 1e9).isBetween(7.0, 7.2));
    }

    @Test
    void primaryAutorateZoneCountsInTheScoreOnlyAfterTheGracePeriod() {
        // delay without drops or backlog is YELLOW (10 points); the autorate RED zone adds 50
        h.rtt(t -> t >= sec(1) ? SteeringHarness.BASELINE_MS + 40 : SteeringHarness.BASELINE_MS + 0.5)
                .load(t -> SteeringHarness.Load.IDLE)
                .autorateZone(t -> t >= sec(1) ? "RED" : "GREEN")
                .yaml(confidence(false) + """
                        wan_state:
                          enabled: true
                          red_weight: 50
                          wan_override: true
                          grace_period_sec: 5
                          staleness_threshold_sec: 10
                        """);

        h.run(Duration.ofSeconds(8));

        assertThat(h.toggles()).as(h.log()).singleElement()
                .satisfies(w -> assertThat(w.atNanos() / 1e9).isBetween(6.0, 6.2));
        assertThat(h.linesContaining("[PHASE2B] ENABLE_STEERING confidence=60")).singleElement()
                .satisfies(l -> assertThat(l.message()).contains("state=YELLOW", "wan=RED"));
    }
}
