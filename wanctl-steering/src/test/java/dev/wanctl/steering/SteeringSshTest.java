package dev.wanctl.steering;

import static dev.wanctl.steering.SteeringHarness.sec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.emulator.model.Transport;
import dev.wanctl.emulator.model.WriteRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Steering over SSH (password login, host key checked against a known_hosts line), on virtual time. */
class SteeringSshTest extends HarnessTest {

    @Override
    SteeringHarness.Via via() {
        return SteeringHarness.Via.SSH;
    }

    @Test
    void congestionEnablesAndRecoveryDisablesTheRuleOverSsh() {
        h.congestedWhile(t -> t >= sec(5) && t < sec(15));

        assertThat(h.run(Duration.ofSeconds(25))).isZero();

        List<WriteRecord> toggles = h.toggles();
        assertThat(toggles).as(h.log()).hasSize(2).allSatisfy(w -> assertThat(w.via()).isEqualTo(Transport.SSH));
        assertThat(toggles.get(0).newValue()).isEqualTo("false");
        assertThat(toggles.get(0).atNanos() / 1e9).isBetween(7.0, 7.2);
        assertThat(toggles.get(1).newValue()).isEqualTo("true");
        assertThat(toggles.get(1).atNanos() / 1e9).isBetween(20.0, 20.4);
        assertThat(h.health("router")).containsEntry("transport", "ssh");
        assertThat(h.health("cake")).containsEntry("available", true).containsEntry("consecutive_failures", 0);
        assertThat(h.router.requests().snapshot().total(Transport.REST)).isZero();
    }

    @Test
    void restartWhileDegradedReconcilesTheRuleOverSsh() throws Exception {
        h.congestedWhile(t -> t >= sec(1));
        h.run(Duration.ofSeconds(5));
        h.router.client().setRuleEnabled(SteeringHarness.COMMENT, false);

        h.run(Duration.ofSeconds(1));

        assertThat(h.ruleEnabled()).as(h.log()).isTrue();
        assertThat(h.linesContaining("reconciling: state SPECTRUM_DEGRADED")).hasSize(1);
    }
}
