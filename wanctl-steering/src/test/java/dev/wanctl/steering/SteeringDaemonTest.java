package dev.wanctl.steering;

import static dev.wanctl.steering.SteeringHarness.sec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wanctl.emulator.model.WriteRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steering cycle end to end over REST (HTTPS, pinned certificate), on virtual time. */
class SteeringDaemonTest extends HarnessTest {

    private static double seconds(WriteRecord w) {
        return w.atNanos() / 1e9;
    }

    @Test
    void congestionWithDropsAndBacklogEnablesTheRuleOnceRedHasLastedTheRedSustain() {
        h.congestedWhile(t -> t >= sec(5));

        assertThat(h.run(Duration.ofSeconds(10))).isZero();

        List<WriteRecord> toggles = h.toggles();
        assertThat(toggles).as(h.log()).singleElement().satisfies(w -> {
            assertThat(w.newValue()).isEqualTo("false"); // disabled=false: steering on
            // RED from the second congested cycle (the RTT EWMA needs one more sample), then 2 s
            assertThat(seconds(w)).isBetween(7.0, 7.2);
        });
        assertThat(h.ruleEnabled()).isTrue();
        assertThat(h.linesContaining("Enabling steering rule: " + SteeringHarness.COMMENT)).hasSize(1);
        assertThat(h.linesContaining("Steering rule enabled and verified")).hasSize(1);
        assertThat(h.linesContaining("State transition: SPECTRUM_DEGRADED (last transition: 2026-01-01T"))
                .singleElement().satisfies(l -> assertThat(l.atSeconds()).isCloseTo(seconds(toggles.get(0)),
                        within(0.06)));
        assertThat(h.healthField("state")).isEqualTo("SPECTRUM_DEGRADED");
        assertThat(h.health("rule")).containsEntry("enabled", true);
        assertThat(h.stateFileText()).contains("\"current_state\" : \"SPECTRUM_DEGRADED\"");
    }

    @Test
    void delayAloneReachesOnlyYellowAndNeverSteers() {
        h.rtt(t -> t >= sec(5) ? SteeringHarness.BASELINE_MS + 60 : SteeringHarness.BASELINE_MS + 0.5)
                .load(t -> t >= sec(5) ? new SteeringHarness.Load(0, 120) : SteeringHarness.Load.IDLE);

        assertThat(h.run(Duration.ofSeconds(20))).isZero();

        assertThat(h.toggles()).as(h.log()).isEmpty();
        assertThat(h.ruleEnabled()).isFalse();
        assertThat(h.linesContaining("congestion=YELLOW")).isNotEmpty();
        assertThat(h.linesContaining("congestion=RED")).isEmpty();
        assertThat(h.healthField("state")).isEqualTo("SPECTRUM_GOOD");
        assertThat(h.healthField("congestion")).isEqualTo("YELLOW");
    }

    @Test
    void recoveryDisablesTheRuleOnceGreenHasLastedTheGreenSustain() {
        h.congestedWhile(t -> t >= sec(5) && t < sec(15));

        assertThat(h.run(Duration.ofSeconds(25))).isZero();

        List<WriteRecord> toggles = h.toggles();
        assertThat(toggles).as(h.log()).hasSize(2);
        WriteRecord off = toggles.get(1);
        assertThat(off.newValue()).isEqualTo("true");
        // GREEN once the EWMA is back under 15 ms (4 cycles) and the backlog is gone, then 5 s
        assertThat(seconds(off)).isBetween(20.0, 20.4);
        assertThat(h.ruleEnabled()).isFalse();
        assertThat(h.linesContaining("Steering rule disabled and verified")).hasSize(1);
        assertThat(h.linesContaining("State transition: SPECTRUM_GOOD")).hasSize(1);
        assertThat(h.healthField("state")).isEqualTo("SPECTRUM_GOOD");
        assertThat(h.stateFileText()).contains("\"current_state\" : \"SPECTRUM_GOOD\"");
    }

    @Test
    void yellowBetweenRedStretchesResetsTheCountSoShortBurstsNeverSteer() {
        // every 2 s: 1.5 s of drops and backlog with high delay, then 0.5 s of backlog and delay without drops
        h.rtt(t -> t >= sec(5) ? SteeringHarness.BASELINE_MS + 40 : SteeringHarness.BASELINE_MS + 0.5)
                .load(t -> t < sec(5) ? SteeringHarness.Load.IDLE
                        : (t - sec(5)) % sec(2) < sec(1.5) ? new SteeringHarness.Load(5, 120)
                        : new SteeringHarness.Load(0, 120));

        assertThat(h.run(Duration.ofSeconds(25))).isZero();

        assertThat(h.linesContaining("congestion=RED")).as("RED stretches happened").hasSizeGreaterThan(5);
        assertThat(h.linesContaining("congestion=YELLOW")).as("YELLOW between them").hasSizeGreaterThan(5);
        assertThat(h.toggles()).as("each RED stretch is shorter than the 2 s sustain\n" + h.log()).isEmpty();
        assertThat(h.healthField("state")).isEqualTo("SPECTRUM_GOOD");
    }

    @Test
    void cycleLineIsLoggedAtInfoWhenCongestionChangesAndAsAStatusLine() {
        h.congestedWhile(t -> t >= sec(5) && t < sec(6));

        h.run(Duration.ofSeconds(21));

        List<SteeringHarness.Line> cycleLines = h.linesContaining("] rtt=");
        assertThat(cycleLines).allSatisfy(l -> assertThat(l.message())
                .matches("\\[SPECTRUM_(GOOD|DEGRADED)] rtt=\\d+\\.\\dms ewma=\\d+\\.\\dms drops=\\d+ q=\\d+ \\| congestion="
                        + "(GREEN|YELLOW|RED)( \\| holding: .*)?"));
        // status every 10 s (at 10 and 20 s) plus each change of congestion around the burst
        assertThat(cycleLines).filteredOn(l -> l.atSeconds() > 4.9 && l.atSeconds() < 7).hasSizeBetween(2, 4);
        assertThat(cycleLines).filteredOn(l -> Math.abs(l.atSeconds() - 10) < 0.06 || Math.abs(l.atSeconds() - 20) < 0.06)
                .hasSize(2);
    }

    @Test
    void legacyModeSteersOnTheDelayAloneWithItsOwnCounts() {
        h.rtt(t -> t >= sec(5) ? SteeringHarness.BASELINE_MS + 40 : SteeringHarness.BASELINE_MS + 0.5)
                .load(t -> SteeringHarness.Load.IDLE)
                .thresholds("""
                        thresholds:
                          bad_threshold_ms: 25
                          recovery_threshold_ms: 12
                          bad_samples: 8
                          good_samples: 15
                        """)
                .yaml("""
                        mode:
                          cake_aware: false
                        """);

        h.run(Duration.ofSeconds(7));

        // the raw delta (40 ms) is over bad_threshold_ms from the first congested cycle; 8 of them
        assertThat(h.toggles()).as(h.log()).singleElement()
                .satisfies(w -> assertThat(w.atNanos() / 1e9).isBetween(5.35, 5.45));
    }
}
