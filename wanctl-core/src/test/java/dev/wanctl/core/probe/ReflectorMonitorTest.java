package dev.wanctl.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReflectorMonitorTest {

    private static final long S = 1_000_000_000L;
    private static final ReflectorThresholds TH = new ReflectorThresholds(10, 3, 2, 0.5, 2.0, 30.0, 60 * S);

    private static void feed(ReflectorMonitor m, int slot, int times, boolean reply, double rtt) {
        for (int i = 0; i < times; i++) {
            m.record(slot, reply, rtt);
        }
    }

    private static void healthyRound(ReflectorMonitor m, double... rtts) {
        for (int s = 0; s < rtts.length; s++) {
            m.record(s, true, rtts[s]);
        }
    }

    @Test
    void aSilentReflectorIsReportedOnceAndRecoversAfterReplies() {
        ReflectorMonitor m = new ReflectorMonitor(List.of("a", "b", "c"), List.of(), TH);
        feed(m, 1, 2, false, 0);
        assertThat(m.evaluate(0)).isEmpty();
        feed(m, 1, 1, false, 0);
        assertThat(m.evaluate(S)).containsExactly(
                new ReflectorEvent.WentBad(1, "b", ReflectorState.NO_REPLY, "no reply to the last 3 echoes"));
        feed(m, 1, 1, false, 0);
        assertThat(m.evaluate(2 * S)).as("one WARN per episode").isEmpty();
        assertThat(m.status().get(1).state()).isEqualTo(ReflectorState.NO_REPLY);

        feed(m, 1, 1, true, 10);
        assertThat(m.evaluate(3 * S)).isEmpty();
        feed(m, 1, 1, true, 10);
        assertThat(m.evaluate(4 * S)).containsExactly(
                new ReflectorEvent.Recovered(1, "b", ReflectorState.NO_REPLY, 3 * S));
    }

    @Test
    void lossOverAFullWindowMakesItLossyAndRecoveryNeedsHalfThatLoss() {
        ReflectorMonitor m = new ReflectorMonitor(List.of("a", "b"), List.of(), TH);
        boolean[] pattern = {false, true, false, false, true, false, false, true, false, true};
        for (boolean reply : pattern) { // 6 of 10 lost, never 3 in a row
            m.record(0, reply, 10);
        }
        List<ReflectorEvent> events = m.evaluate(0);
        assertThat(events).hasSize(1);
        assertThat(((ReflectorEvent.WentBad) events.get(0)).state()).isEqualTo(ReflectorState.LOSSY);
        assertThat(m.status().get(0).lossPercent()).isEqualTo(60.0);

        feed(m, 0, 5, true, 10); // 3 lost of the last 10: 30 %, still above 25 %
        assertThat(m.evaluate(S)).isEmpty();
        feed(m, 0, 1, true, 10); // 2 of 10: 20 %
        assertThat(m.evaluate(2 * S)).hasSize(1).first().isInstanceOf(ReflectorEvent.Recovered.class);
    }

    @Test
    void aReflectorFarAboveTheOthersIsAnOutlier() {
        ReflectorMonitor m = new ReflectorMonitor(List.of("a", "b", "c"), List.of(), TH);
        for (int i = 0; i < 10; i++) {
            healthyRound(m, 10 + i % 3, 12, 95);
        }
        List<ReflectorEvent> events = m.evaluate(0);
        assertThat(events).containsExactly(new ReflectorEvent.WentBad(2, "c", ReflectorState.OUTLIER,
                "its minimum RTT 95.0 ms is far above the others' median 11.0 ms"));
        assertThat(m.status()).extracting(ReflectorStatus::state)
                .containsExactly(ReflectorState.OK, ReflectorState.OK, ReflectorState.OUTLIER);
    }

    @Test
    void aModeratelyFartherReflectorIsNotAnOutlier() {
        ReflectorMonitor m = new ReflectorMonitor(List.of("a", "b", "c"), List.of(), TH);
        for (int i = 0; i < 10; i++) {
            healthyRound(m, 10, 12, 35); // 3x the median, but only 24 ms above it
            healthyRound(m, 40, 42, 90); // a loaded moment does not lower the minimums
        }
        assertThat(m.evaluate(0)).isEmpty();
    }

    @Test
    void anUnhealthyReflectorIsReplacedByASpareAndTheSlotKeepsItsConfiguredName() {
        ReflectorMonitor m = new ReflectorMonitor(List.of("a", "b", "c"), List.of("s1", "s2"), TH);
        feed(m, 0, 3, false, 0);
        assertThat(m.evaluate(10 * S)).containsExactly(
                new ReflectorEvent.WentBad(0, "a", ReflectorState.NO_REPLY, "no reply to the last 3 echoes"),
                new ReflectorEvent.Replaced(0, "a", "s1"));
        assertThat(m.host(0)).isEqualTo("s1");
        ReflectorStatus slot = m.status().get(0);
        assertThat(slot.host()).isEqualTo("a");
        assertThat(slot.replacedBy()).isEqualTo("s1");
        assertThat(slot.state()).isEqualTo(ReflectorState.OK);
        assertThat(Double.isNaN(slot.lastRttMs())).isTrue();
    }

    @Test
    void replacementsOfOneSlotAreRateLimitedSoBadSparesDoNotChurn() {
        ReflectorMonitor m = new ReflectorMonitor(List.of("a", "b"), List.of("s1", "s2"), TH);
        feed(m, 0, 3, false, 0);
        assertThat(m.evaluate(0)).hasSize(2);
        feed(m, 0, 3, false, 0); // the spare is silent too
        assertThat(m.evaluate(S)).extracting(e -> e.getClass().getSimpleName()).containsExactly("WentBad");
        assertThat(m.host(0)).isEqualTo("s1");
        assertThat(m.evaluate(61 * S)).containsExactly(new ReflectorEvent.Replaced(0, "s1", "s2"));
        feed(m, 0, 3, false, 0);
        m.evaluate(62 * S);
        assertThat(m.evaluate(122 * S)).as("the first host is tried again after the spares")
                .containsExactly(new ReflectorEvent.Replaced(0, "s2", "a"));
        assertThat(m.status().get(0).replacedBy()).isNull();
    }

    @Test
    void anUnresolvedHostIsReportedAndReplaced() {
        ReflectorMonitor m = new ReflectorMonitor(List.of("gone.example", "b"), List.of("s1"), TH);
        m.setUnresolved(0, true);
        List<ReflectorEvent> events = m.evaluate(0);
        assertThat(events).hasSize(2);
        assertThat(((ReflectorEvent.WentBad) events.get(0)).state()).isEqualTo(ReflectorState.UNRESOLVED);
        assertThat(events.get(1)).isEqualTo(new ReflectorEvent.Replaced(0, "gone.example", "s1"));
    }

    @Test
    void withoutSparesTheBadReflectorStaysAndIsOnlyReported() {
        ReflectorMonitor m = new ReflectorMonitor(List.of("a", "b"), List.of(), TH);
        feed(m, 1, 3, false, 0);
        assertThat(m.evaluate(0)).hasSize(1);
        assertThat(m.evaluate(100 * S)).isEmpty();
        assertThat(m.host(1)).isEqualTo("b");
    }
}
