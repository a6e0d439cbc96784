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
        assertThat(g.nextAllowedNanos(5 * S, 200, 10)).isEqualTo(10 * S);
        assertThat(g.decide(200, 10, 10 * S)).isEqualTo(WriteGate.Decision.WRITE);
        assertThat(g.rateLimitedCount()).isEqualTo(1);
    }

    @Test
    void aReserveKeepsSlotsForCutsWhileIncreasesWait() {
        WriteGate g = new WriteGate(new RateLimiter(5, 10 * S), 2);
        g.applied(100, 10, 0);                      // 1 slot used
        g.applied(110, 10, 4 * S);                  // 2
        g.applied(120, 10, 8 * S);                  // 3: only the reserve is left
        assertThat(g.decide(130, 10, 9 * S)).as("an increase waits").isEqualTo(WriteGate.Decision.RATE_LIMITED);
        assertThat(g.nextAllowedNanos(9 * S, 130, 10)).as("until the oldest leaves the window and the spacing passed")
                .isEqualTo(8 * S + 10 * S / 3);
        assertThat(g.decide(60, 10, 9 * S)).as("a cut goes at once").isEqualTo(WriteGate.Decision.WRITE);
        g.applied(60, 10, 9 * S);
        assertThat(g.decide(50, 9, 9 * S + 1)).isEqualTo(WriteGate.Decision.WRITE);
        g.applied(50, 9, 9 * S + 1);
        assertThat(g.decide(40, 9, 9 * S + 2)).as("never more than 5 in 10 s").isEqualTo(WriteGate.Decision.RATE_LIMITED);
        assertThat(g.nextAllowedNanos(9 * S + 2, 40, 9)).isEqualTo(10 * S);
    }

    @Test
    void aRaiseThatReversesTheLawsOwnCutGoesLikeACutButNeverBeyondTheBudget() {
        WriteGate g = new WriteGate(new RateLimiter(5, 10 * S), 2);
        g.applied(100, 10, 0);
        g.applied(110, 10, 4 * S);
        g.applied(40, 10, 8 * S);                   // the law's cut on a dip: only the reserve is left
        assertThat(g.decide(110, 10, 8 * S + 1)).as("an ordinary raise waits").isEqualTo(WriteGate.Decision.RATE_LIMITED);
        g.restoring(110, 0);
        assertThat(g.decide(130, 10, 8 * S + 1)).as("beyond the restored rate it is a raise")
                .isEqualTo(WriteGate.Decision.RATE_LIMITED);
        assertThat(g.decide(110, 10, 8 * S + 1)).as("back to the rate before the cut: at once")
                .isEqualTo(WriteGate.Decision.WRITE);
        g.applied(110, 10, 8 * S + 1);
        g.applied(100, 10, 8 * S + 2);              // the budget is full: 5 in 10 s
        assertThat(g.decide(110, 10, 8 * S + 3)).as("never more than 5 in 10 s")
                .isEqualTo(WriteGate.Decision.RATE_LIMITED);
        g.restoring(0, 0);
        assertThat(g.nextAllowedNanos(8 * S + 3, 110, 10)).as("cleared: a raise again").isGreaterThan(10 * S);
    }

    @Test
    void withAReserveRaisesAreSpacedOverTheWindowSoEachCarriesMoreOfTheClimb() {
        WriteGate g = new WriteGate(new RateLimiter(10, 10 * S), 5); // 5 raises per 10 s: one per 2 s
        g.applied(100, 10, 0);
        assertThat(g.decide(110, 10, S)).as("a raise 1 s after the last").isEqualTo(WriteGate.Decision.RATE_LIMITED);
        assertThat(g.nextAllowedNanos(S, 110, 10)).isEqualTo(2 * S);
        assertThat(g.decide(90, 10, S)).as("a cut is never spaced").isEqualTo(WriteGate.Decision.WRITE);
        assertThat(g.decide(150, 10, 2 * S)).isEqualTo(WriteGate.Decision.WRITE);
        WriteGate reference = new WriteGate(new RateLimiter(10, 10 * S));
        reference.applied(100, 10, 0);
        assertThat(reference.decide(110, 10, S)).as("without a reserve: the reference").isEqualTo(WriteGate.Decision.WRITE);
    }

    @Test
    void aQueueWhoseRateDidNotChangeIsNotWrittenWithTheOther() {
        WriteGate g = new WriteGate(new RateLimiter(5, 10 * S));
        g.applied(100, 10, 0);
        assertThat(g.decide(100, 11, S)).isEqualTo(WriteGate.Decision.WRITE);
        assertThat(g.writeDownload()).as("download unchanged").isFalse();
        assertThat(g.writeUpload()).isTrue();
        assertThat(g.decide(90, 10, S)).isEqualTo(WriteGate.Decision.WRITE);
        assertThat(g.writeDownload()).isTrue();
        assertThat(g.writeUpload()).as("upload unchanged").isFalse();
    }

    @Test
    void aCutGoesAtOnceWhileTheOtherQueuesRaiseWaitsItsTurn() {
        WriteGate g = new WriteGate(new RateLimiter(10, 10 * S), 5); // raises one per 2 s
        g.applied(100, 10, 0);
        assertThat(g.decide(80, 12, S)).isEqualTo(WriteGate.Decision.WRITE);
        assertThat(g.writeDownload()).as("the download's cut").isTrue();
        assertThat(g.writeUpload()).as("the upload's raise waits for its spacing").isFalse();
        assertThat(g.heldBack()).isTrue();
        g.applied(80, 10, S);
        assertThat(g.decide(80, 12, S + 1)).isEqualTo(WriteGate.Decision.RATE_LIMITED);
        assertThat(g.nextAllowedNanos(S + 1, 80, 12)).as("a spacing after the last write").isEqualTo(3 * S);
        assertThat(g.decide(80, 12, 3 * S)).isEqualTo(WriteGate.Decision.WRITE);
        assertThat(g.writeUpload()).isTrue();
        assertThat(g.writeDownload()).isFalse();
        assertThat(g.heldBack()).isFalse();
    }
}
