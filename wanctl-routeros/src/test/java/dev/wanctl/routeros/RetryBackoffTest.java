package dev.wanctl.routeros;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.routeros.RouterException.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Retries back off with jitter (issue 16, item 7: resets and 5xx were retried 18 to 20 times a
 * second, a dead router got 20 connects a second): doubling from the control interval, capped at
 * 1 s so a recovered router gets the newest rate within a second or two; a refused login from 5 s
 * up to a minute; each wait between half and all of its step, drawn from a seeded generator.
 */
class RetryBackoffTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final long SEED = Long.getLong("wanctl.fuzz.seed", 16L);

    @Test
    void transientFailuresDoubleFromTheIntervalWithJitterAndNeverWaitMoreThanASecond() {
        RetryBackoff b = new RetryBackoff(50 * MS, SEED);
        for (Kind kind : List.of(Kind.UNREACHABLE, Kind.TIMEOUT, Kind.ROUTER_ERROR)) {
            for (int n = 1; n <= 40; n++) {
                long full = Math.min(RetryBackoff.TRANSIENT_CAP_NANOS, (50 * MS) << Math.min(n - 1, 20));
                long d = b.delayNanos(kind, n);
                assertThat(d).as("%s after %d failures", kind, n).isBetween(full / 2, full);
            }
        }
        // a minute of a dead router: at most ~1 call per 0.5 s once capped, at least one per second
        long t = 0;
        int calls = 0;
        for (int n = 1; t < 60 * S; n++) {
            t += b.delayNanos(Kind.UNREACHABLE, n);
            calls++;
        }
        assertThat(calls).as("calls in 60 s to a dead router (was 1200)").isBetween(60, 125);
    }

    @Test
    void theJitterSpreadsRetriesSoThatDaemonsDoNotRetryInStep() {
        RetryBackoff one = new RetryBackoff(50 * MS, SEED);
        RetryBackoff other = new RetryBackoff(50 * MS, SEED + 1);
        Set<Long> distinct = new HashSet<>();
        long min = Long.MAX_VALUE;
        long max = 0;
        int same = 0;
        for (int i = 0; i < 200; i++) {
            long a = one.delayNanos(Kind.ROUTER_ERROR, 30);
            long b = other.delayNanos(Kind.ROUTER_ERROR, 30);
            distinct.add(a);
            min = Math.min(min, a);
            max = Math.max(max, a);
            if (Math.abs(a - b) < MS) {
                same++;
            }
        }
        assertThat(distinct).as("distinct waits at the cap").hasSizeGreaterThan(190);
        assertThat(min).as("shortest wait at the cap").isLessThan(600 * MS);
        assertThat(max).as("longest wait at the cap").isGreaterThan(900 * MS).isLessThanOrEqualTo(S);
        assertThat(same).as("waits of two daemons within 1 ms of each other").isLessThan(5);
    }

    @Test
    void theSameSeedRepeatsTheSameWaits() {
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        RetryBackoff x = new RetryBackoff(50 * MS, SEED);
        RetryBackoff y = new RetryBackoff(50 * MS, SEED);
        for (int n = 1; n < 20; n++) {
            a.add(x.delayNanos(Kind.TIMEOUT, n));
            b.add(y.delayNanos(Kind.TIMEOUT, n));
        }
        assertThat(a).isEqualTo(b);
    }

    @Test
    void refusedCredentialsWaitFiveSecondsAtFirstAndUpToAMinute() {
        RetryBackoff b = new RetryBackoff(50 * MS, SEED);
        assertThat(b.delayNanos(Kind.AUTHENTICATION, 1)).isBetween(2_500 * MS, 5 * S);
        assertThat(b.delayNanos(Kind.AUTHENTICATION, 2)).isBetween(5 * S, 10 * S);
        for (int n = 5; n < 40; n++) {
            assertThat(b.delayNanos(Kind.AUTHENTICATION, n)).as("after %d refusals", n).isBetween(30 * S, 60 * S);
        }
        // a day of refused credentials: about a login a minute, not 12 a second
        long t = 0;
        int logins = 0;
        for (int n = 1; t < 3_600 * S; n++) {
            t += b.delayNanos(Kind.AUTHENTICATION, n);
            logins++;
        }
        assertThat(logins).as("logins in an hour of refused credentials").isBetween(60, 125);
    }

    @Test
    void aBaseAboveTheCapIsHeldToTheCap() {
        RetryBackoff b = new RetryBackoff(5 * S, SEED);
        assertThat(b.delayNanos(Kind.UNREACHABLE, 1)).isLessThanOrEqualTo(RetryBackoff.TRANSIENT_CAP_NANOS);
    }
}
