package dev.wanctl.steering;

import static dev.wanctl.steering.SteeringHarness.sec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.daemon.InstanceLock;
import dev.wanctl.core.daemon.LockHeldException;
import dev.wanctl.routeros.RouterException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Start-up, restart, reload, exit codes, {@code --reset} and {@code --dry-run}, over REST on virtual time. */
class SteeringStartupTest extends HarnessTest {

    private void ruleByHand(boolean enabled) {
        try {
            h.router.client().setRuleEnabled(SteeringHarness.COMMENT, enabled);
        } catch (RouterException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void restartWhileDegradedEnablesTheRuleThatWasFoundDisabledBeforeTheFirstCycle() {
        h.congestedWhile(t -> t >= sec(1));
        h.run(Duration.ofSeconds(5));
        assertThat(h.ruleEnabled()).as(h.log()).isTrue();
        ruleByHand(false); // e.g. the router restored an older config while the daemon was stopped
        long restartAt = h.clock.nanoTime();

        assertThat(h.run(Duration.ofSeconds(2))).isZero();

        assertThat(h.toggles()).last().satisfies(w -> {
            assertThat(w.newValue()).isEqualTo("false");
            assertThat(w.atNanos()).isEqualTo(restartAt);
        });
        assertThat(h.ruleEnabled()).isTrue();
        assertThat(h.linesContaining("reconciling: state SPECTRUM_DEGRADED but the steering rule is disabled: enabling it"))
                .hasSize(1);
        assertThat(h.linesContaining("State transition")).as("the state did not change, the rule did").hasSize(1);
    }

    @Test
    void restartInGoodStateDisablesARuleLeftEnabled() {
        h.run(Duration.ofSeconds(1));
        ruleByHand(true);

        assertThat(h.run(Duration.ofSeconds(2))).isZero();

        assertThat(h.ruleEnabled()).isFalse();
        assertThat(h.linesContaining("reconciling: state SPECTRUM_GOOD but the steering rule is enabled: disabling it"))
                .hasSize(1);
        assertThat(h.linesContaining("Steering rule disabled and verified")).hasSize(1);
    }

    @Test
    void ruleChangedByHandWhileRunningIsSetBackWithinAMinute() {
        h.at(sec(10), () -> ruleByHand(true));

        h.run(Duration.ofSeconds(75));

        assertThat(h.ruleEnabled()).as(h.log()).isFalse();
        assertThat(h.linesContaining("steering rule changed on the router")).singleElement()
                .satisfies(l -> assertThat(l.atSeconds()).isBetween(10.0, 70.1));
        assertThat(h.healthField("state")).isEqualTo("SPECTRUM_GOOD");
    }

    @Test
    void missingRuleIsAnErrorThatNamesTheCommentAndShowsHowToCreateIt() {
        h.router.faults().deleteRule(SteeringHarness.COMMENT);

        assertThat(h.run(Duration.ofSeconds(1))).isEqualTo(1);

        SteeringHarness.Line exit = h.lines().getLast();
        assertThat(exit.level()).isEqualTo("EXIT");
        assertThat(exit.message()).contains("\"" + SteeringHarness.COMMENT + "\"", "mangle_rule.comment",
                "/ip firewall mangle add chain=prerouting", "disabled=yes", "new-routing-mark=to_att");
        assertThat(Files.exists(h.stateFile)).as("a start that failed writes no state").isFalse();
    }

    @Test
    void missingDownloadQueueIsAnErrorNamingTheQueueAndTheKey() {
        h.router.faults().deleteQueue(SteeringHarness.QUEUE);

        assertThat(h.run(Duration.ofSeconds(1))).isEqualTo(1);

        assertThat(h.lines().getLast().message()).contains(SteeringHarness.QUEUE, "cake_queues.primary_download");
    }

    @Test
    void rejectedCredentialsExit77NamingTheUser() {
        h.password("not-the-password");

        assertThat(h.run(Duration.ofSeconds(1))).isEqualTo(77);

        assertThat(h.lines().getLast().message()).contains("rejected user \"wanctl\"", "router.password");
    }

    @Test
    void secondInstanceExits75WhileTheLockIsHeld() throws IOException, LockHeldException {
        try (InstanceLock held = InstanceLock.acquire(dir.resolve("steering.lock"))) {
            assertThat(h.run(Duration.ofSeconds(1))).isEqualTo(75);
        }
        assertThat(h.toggles()).isEmpty();
    }

    @Test
    void resetDisablesTheRuleVerifiedAndWritesAGoodStateThenExits() {
        h.congestedWhile(t -> t >= sec(1));
        h.run(Duration.ofSeconds(5));
        assertThat(h.ruleEnabled()).isTrue();

        assertThat(h.run(Duration.ofSeconds(5), new SteeringDaemon.Options(false, true))).isZero();

        assertThat(h.ruleEnabled()).isFalse();
        assertThat(h.linesContaining("Steering rule disabled and verified")).hasSize(1);
        assertThat(h.stateFileText()).contains("\"current_state\" : \"SPECTRUM_GOOD\"", "\"red_count\" : 0");
        assertThat(h.linesContaining("reset: state SPECTRUM_GOOD")).hasSize(1);
    }

    @Test
    void dryRunLogsWouldEnableAndWouldDisableButNeverTouchesTheRuleOrTheStateFile() {
        h.congestedWhile(t -> t >= sec(1) && t < sec(5));

        assertThat(h.run(Duration.ofSeconds(12), new SteeringDaemon.Options(true, false))).isZero();

        assertThat(h.toggles()).isEmpty();
        assertThat(h.linesContaining("WOULD_ENABLE steering rule: " + SteeringHarness.COMMENT)).singleElement()
                .satisfies(l -> assertThat(l.atSeconds()).isBetween(3.0, 3.2));
        assertThat(h.linesContaining("WOULD_DISABLE steering rule: " + SteeringHarness.COMMENT)).hasSize(1);
        assertThat(Files.exists(h.stateFile)).isFalse();
    }

    @Test
    void reloadKeepsTheSteeringStateAndAppliesTheNewSustainAndAnInvalidConfigIsRefused() {
        AtomicReference<Object> stateAfterReload = new AtomicReference<>();
        h.congestedWhile(t -> t >= sec(2) && t < sec(10))
                .at(sec(6), () -> h.reloadWith("""
                        thresholds:
                          red_sustain_sec: 2
                          green_sustain_sec: 1
                          rtt_ewma_time_constant_sec: 0.15
                        """))
                .at(sec(7), () -> stateAfterReload.set(h.healthField("state")))
                .at(sec(13), () -> h.reloadWith("thresholds:\n  red_rtt_ms: lots\n"));

        assertThat(h.run(Duration.ofSeconds(15))).isZero();

        assertThat(h.linesContaining("reloaded")).hasSize(1);
        assertThat(stateAfterReload.get()).isEqualTo("SPECTRUM_DEGRADED");
        assertThat(h.toggles()).as(h.log()).hasSize(2);
        // GREEN from 10.2 s, then 1 s instead of 5
        assertThat(h.toggles().get(1).atNanos() / 1e9).isBetween(11.1, 11.3);
        assertThat(h.linesContaining("reload refused")).hasSize(1);
        assertThat(h.healthField("status")).isEqualTo("healthy");
    }
}
