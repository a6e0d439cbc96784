package dev.wanctl.steering;

import static dev.wanctl.steering.SteeringHarness.sec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.daemon.HealthServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What steering does when the primary's autorate state file goes stale or is missing. */
class SteeringAutorateStateTest extends HarnessTest {

    @Test
    void autorateStateThatStopsBeingRewrittenIsReportedOnceAndTheLastBaselineKeepsSteering() {
        AtomicReference<Map<String, Object>> baselineWhileStale = new AtomicReference<>();
        // autorate writes at 0, 5, 10 and 15 s, stops, and is back from 45 s
        h.autorateWritesWhile(t -> t < sec(20) || t >= sec(45))
                .congestedWhile(t -> t >= sec(30))
                .at(sec(40), () -> baselineWhileStale.set(h.health("baseline")));

        assertThat(h.run(Duration.ofSeconds(50))).isZero();

        List<SteeringHarness.Line> stale = h.linesContaining("autorate state stale");
        assertThat(stale).as(h.log()).singleElement().satisfies(l -> {
            assertThat(l.level()).isEqualTo("WARN");
            // the file is 5.x s old before every rewrite: only more than twice the limit counts
            assertThat(l.atSeconds()).isBetween(25.0, 25.1);
            assertThat(l.message()).contains(h.autorateState.toString(), "s old, limit 5 s", "using the last baseline 24.0 ms");
        });
        assertThat(h.toggles()).as("steering went on with the last baseline").hasSize(1);
        assertThat(baselineWhileStale.get()).containsEntry("value_ms", 24.0)
                .containsEntry("source", "last good value (the autorate state file is not usable now)")
                .containsEntry("age_seconds", 25.0);
        assertThat(h.linesContaining("autorate state fresh again")).singleElement()
                .satisfies(l -> assertThat(l.atSeconds()).isBetween(45.0, 45.1));
        assertThat(h.health("baseline")).containsEntry("source", "autorate state file");
    }

    @Test
    void withoutAnyAutorateStateTheCycleHoldsSaysWhyAndStartsDecidingWhenTheFileAppears() {
        AtomicReference<HealthServer.Response> healthWhileMissing = new AtomicReference<>();
        h.autorateWritesWhile(t -> t >= sec(30))
                .congestedWhile(t -> t >= sec(5))
                .at(sec(20), () -> healthWhileMissing.set(h.health()));

        assertThat(h.run(Duration.ofSeconds(35))).isZero();

        assertThat(h.linesContaining("no baseline RTT")).filteredOn(l -> l.level().equals("WARN")).singleElement()
                .satisfies(l -> {
                    assertThat(l.atSeconds()).isBetween(10.0, 10.1);
                    assertThat(l.message()).contains(h.autorateState.toString(), "no such file", "holding");
                });
        assertThat(healthWhileMissing.get().healthy()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) healthWhileMissing.get().body();
        assertThat(body).containsEntry("status", "degraded");
        assertThat(body.get("problems").toString()).contains("holding, no steering decisions: no baseline RTT",
                "no such file");
        assertThat(((Map<?, ?>) body.get("baseline")).get("source")).isEqualTo("none");
        // congested since 5 s, but nothing was decided before the baseline existed
        assertThat(h.toggles()).as(h.log()).singleElement()
                .satisfies(w -> assertThat(w.atNanos() / 1e9).isBetween(31.9, 32.1));
        assertThat(h.health().healthy()).isTrue();
    }

    @Test
    void baselineOutsideTheBoundsIsIgnoredAndTheLastGoodOneUsed() {
        h.at(sec(3), () -> h.writeAutorateState(900, "GREEN"))
                .autorateWritesWhile(t -> t < sec(1))
                .congestedWhile(t -> t >= sec(4));

        h.run(Duration.ofSeconds(8));

        assertThat(h.linesContaining("autorate baseline out of bounds")).singleElement()
                .satisfies(l -> assertThat(l.message()).contains("900.0 ms", "using the last baseline 24.0 ms"));
        assertThat(h.health("baseline")).containsEntry("value_ms", 24.0);
        assertThat(h.toggles()).hasSize(1);
    }
}
