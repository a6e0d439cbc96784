package dev.wanctl.steering;

import static dev.wanctl.steering.SteeringHarness.sec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.emulator.model.RuleSnapshot;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault matrix, steering rows: the steering rule deleted from the router at 3 s and re-created
 * by an operator at 20 s (a new id, at the end of the chain), as it was (disabled) or in the wrong
 * state (enabled). In one row the line congests from 8 s on, so steering wants the rule enabled
 * while it is gone; in the other the line stays idle. Asserted: a WARN at once and only once,
 * health degraded with the cause while the rule is gone, the log bounded, no toggle lands on a
 * rule that is not there, and after the re-creation the rule found by its comment, set to what
 * the current decision says within a bound, health healthy again. Virtual clock, REST to the
 * emulator over pinned HTTPS. The figures are printed as table rows for docs/FAULTS.md.
 */
class SteeringFaultMatrixTest extends HarnessTest {

    private static final long DELETE_AT = sec(3);
    private static final long RECREATE_AT = sec(20);
    private static final long END = sec(40);

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

    enum Row {
        /** Congested while the rule is gone: steering wants it enabled; re-created disabled. */
        RULE_DELETED_WHILE_CONGESTED_RECREATED_DISABLED(true, false),
        /** Idle: steering wants it disabled; re-created enabled (the wrong state). */
        RULE_DELETED_WHILE_IDLE_RECREATED_ENABLED(false, true);

        final boolean congested;
        final boolean recreatedEnabled;

        Row(boolean congested, boolean recreatedEnabled) {
            this.congested = congested;
            this.recreatedEnabled = recreatedEnabled;
        }
    }

    /** The rule as an operator would type it again: its own properties, without what the router fills in. */
    private static Map<String, String> retyped(RuleSnapshot rule, boolean enabled) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : rule.properties().entrySet()) {
            String k = e.getKey();
            if (!k.startsWith(".") && !List.of("bytes", "packets", "dynamic", "invalid", "disabled").contains(k)) {
                out.put(k, e.getValue());
            }
        }
        out.put("disabled", enabled ? "false" : "true");
        return out;
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void aRuleDeletedAndReCreatedIsReportedAtOnceAndSetRightWhenItReturns(Row row) {
        h.thresholds(DELAY_ONLY);
        RuleSnapshot original = h.router.state().rule(SteeringHarness.COMMENT).orElseThrow();
        Map<Long, Object> status = new TreeMap<>();
        Map<Long, String> problems = new TreeMap<>();
        AtomicReference<String> newId = new AtomicReference<>();
        for (long s = 0; s < END / sec(1); s++) {
            long at = sec(s) + sec(0.5);
            h.at(at, () -> {
                status.put(at, h.healthField("status"));
                problems.put(at, String.valueOf(h.healthField("problems")));
            });
        }
        h.congestedWhile(t -> row.congested && t >= sec(8))
                .at(DELETE_AT, () -> assertThat(h.router.faults().deleteRule(SteeringHarness.COMMENT)).isTrue())
                .at(RECREATE_AT, () -> newId.set(h.router.state().addRule(retyped(original, row.recreatedEnabled))));

        assertThat(h.run(Duration.ofNanos(END))).as(h.log()).isZero();

        assertThat(newId.get()).as("a new id").isNotEqualTo(original.id());
        List<SteeringHarness.Line> during = h.lines().stream()
                .filter(l -> l.atNanos() >= DELETE_AT && l.atNanos() < RECREATE_AT)
                .filter(l -> !l.message().startsWith("[SPECTRUM_")).toList();
        List<SteeringHarness.Line> gone = h.linesContaining("is gone from the router");
        assertThat(gone).as(h.log()).singleElement().satisfies(l -> assertThat(l.level()).isEqualTo("WARN"));
        double warnAfter = (gone.getFirst().atNanos() - DELETE_AT) / 1e9;
        assertThat(warnAfter).as("s from the deletion to the WARN (the idle check reads every 10 s)")
                .isBetween(0.0, 10.5);
        long warnings = during.stream().filter(l -> l.level().equals("WARN") || l.level().equals("ERROR")).count();
        assertThat(warnings).as("WARN/ERROR lines while the rule is gone: %s", during).isLessThanOrEqualTo(3);
        assertThat(during.size()).as("log lines while the rule is gone (17 s): %s", during).isLessThanOrEqualTo(12);

        long firstDegraded = status.entrySet().stream().filter(e -> e.getKey() >= DELETE_AT)
                .filter(e -> "degraded".equals(e.getValue())).mapToLong(Map.Entry::getKey).findFirst().orElse(-1);
        assertThat(firstDegraded).as("degraded after the deletion").isPositive();
        assertThat((firstDegraded - gone.getFirst().atNanos()) / 1e9).as("s from the WARN to degraded health")
                .isLessThanOrEqualTo(1.0);
        assertThat(problems.get(firstDegraded)).contains("not found on the router");
        long degradedUntil = status.entrySet().stream().filter(e -> e.getKey() >= firstDegraded)
                .filter(e -> "healthy".equals(e.getValue())).mapToLong(Map.Entry::getKey).findFirst().orElse(-1);
        assertThat(degradedUntil).as("healthy again after the re-creation").isGreaterThan(RECREATE_AT);
        assertThat(status.entrySet()).filteredOn(e -> e.getKey() > firstDegraded && e.getKey() < RECREATE_AT)
                .as("degraded the whole time the rule is gone").allMatch(e -> "degraded".equals(e.getValue()));

        assertThat(h.linesContaining("is on the router again")).as(h.log()).singleElement();
        boolean wanted = row.congested;
        assertThat(h.ruleEnabled()).as("the rule as the decision says").isEqualTo(wanted);
        List<dev.wanctl.emulator.model.WriteRecord> after = h.toggles().stream()
                .filter(w -> w.atNanos() >= RECREATE_AT).toList();
        assertThat(after).as("toggles after the re-creation").isNotEmpty();
        double setAfter = (after.getLast().atNanos() - RECREATE_AT) / 1e9;
        assertThat(setAfter).as("s from the re-creation until the rule is set right").isBetween(0.0, 10.5);
        assertThat(h.toggles()).filteredOn(w -> w.atNanos() >= DELETE_AT && w.atNanos() < RECREATE_AT)
                .as("no toggle lands while the rule is gone").isEmpty();
        if (row.congested) {
            assertThat(h.healthField("state")).isEqualTo("SPECTRUM_DEGRADED");
        }
        System.out.println(String.format(Locale.ROOT,
                "| steering: %s | WARN once at once, degraded with the cause while gone, log bounded, set right"
                        + " after re-creation, healthy again | WARN %.1f s after the deletion; degraded %.1f s after"
                        + " it until %.1f s after the re-creation; %d lines (%d WARN+) in 17 s; rule set %s %.2f s"
                        + " after the re-creation |",
                row.name().toLowerCase(Locale.ROOT).replace('_', ' '), warnAfter, (firstDegraded - DELETE_AT) / 1e9,
                (degradedUntil - RECREATE_AT) / 1e9, during.size(), warnings, wanted ? "enabled" : "disabled",
                setAfter));
    }
}
