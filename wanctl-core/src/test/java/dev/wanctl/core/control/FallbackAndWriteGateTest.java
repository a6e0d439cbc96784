package dev.wanctl.core.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.control.FallbackPolicy.Action;
import dev.wanctl.core.control.FallbackPolicy.Connectivity;
import org.junit.jupiter.api.Test;

class FallbackAndWriteGateTest {

    private static final long S = 1_000_000_000L;

    @Test
    void gracefulDegradationReusesOnceThenFreezesAndReportsDegradedAfterTheLimit() {
        FallbackPolicy f = new FallbackPolicy(FallbackPolicy.Mode.GRACEFUL_DEGRADATION, 3);
        assertThat(f.onLost(Connectivity.PRESENT)).isEqualTo(Action.REUSE_LAST_LOAD);
        assertThat(f.onLost(Connectivity.PRESENT)).isEqualTo(Action.FREEZE);
        assertThat(f.onLost(Connectivity.PRESENT)).isEqualTo(Action.FREEZE);
        assertThat(f.degraded()).isFalse();
        assertThat(f.onLost(Connectivity.PRESENT)).isEqualTo(Action.FREEZE);
        assertThat(f.degraded()).isTrue();
        assertThat(f.onMeasured()).isEqualTo(4);
        assertThat(f.degraded()).isFalse();
    }

    @Test
    void totalLossFreezesAndIsDegradedAtOnce() {
        FallbackPolicy f = new FallbackPolicy(FallbackPolicy.Mode.USE_LAST_RTT, 3);
        assertThat(f.onLost(Connectivity.ABSENT)).isEqualTo(Action.FREEZE);
        assertThat(f.degraded()).isTrue();
    }

    @Test
    void unchangedRatesAreNeverWritten() {
        WriteGate g = new WriteGate(new RateLimiter(5, 10 * S));
        assertThat(g.decide(100, 10, 0)).isEqualTo(WriteGate.Decision.WRITE);
        g.applied(100, 10, 0);
        assertThat(g.decide(100, 10, S)).isEqualTo(WriteGate.Decision.UNCHANGED);
        assertThat(g.decide(100, 11, S)).isEqualTo(WriteGate.Decision.WRITE);
    }

    @Test
    void theLimiterAllowsFiveWritesPerTenSecondsAndReleasesThePendingPairLater() {
        WriteGate g = new WriteGate(new RateLimiter(5, 10 * S));
        for (int i = 0; i < 5; i++) {
            assertThat(g.decide(100 + i, 10, i * S)).isEqualTo(WriteGate.Decision.WRITE);
            g.applied(100 + i, 10, i * S);
        }
        assertThat(g.decide(200, 10, 5 * S)).isEqualTo(WriteGate.Decision.RATE_LIMITED);
        assertThat(g.nextAllowedNanos(5 * S)).isEqualTo(10 * S);
        assertThat(g.decide(200, 10, 10 * S)).isEqualTo(WriteGate.Decision.WRITE);
        assertThat(g.rateLimitedCount()).isEqualTo(1);
    }
}
