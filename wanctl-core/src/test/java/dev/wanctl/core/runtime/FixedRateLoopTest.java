package dev.wanctl.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FixedRateLoopTest {

    private static final long MS = 1_000_000L;
    private final VirtualClock clock = new VirtualClock();
    private final FixedRateLoop loop = new FixedRateLoop(clock, 50 * MS, Sleeper.advancing(clock));

    @Test
    void cyclesRunOnTheirSlotsAndLearnIndexAndScheduledTime() {
        List<long[]> seen = new ArrayList<>();
        loop.run((cycle, scheduled) -> {
            seen.add(new long[] {cycle, scheduled, clock.nanoTime()});
            clock.advanceNanos(3 * MS); // some work
            if (cycle == 4) {
                loop.stop();
            }
        });
        assertThat(seen).extracting(a -> a[0]).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(seen).extracting(a -> a[1]).containsExactly(0L, 50 * MS, 100 * MS, 150 * MS, 200 * MS);
        assertThat(seen).allSatisfy(a -> assertThat(a[2]).isEqualTo(a[1]));
        assertThat(loop.overruns()).isZero();
        assertThat(loop.cycles()).isEqualTo(5);
    }

    @Test
    void anOverrunSkipsToTheNextFutureSlotInsteadOfBursting() {
        List<Long> scheduled = new ArrayList<>();
        loop.run((cycle, at) -> {
            scheduled.add(at);
            if (cycle == 2) {
                clock.advanceNanos(120 * MS); // ends at 220 ms: slots 150 and 200 are gone
            }
            if (cycle == 4) {
                loop.stop();
            }
        });
        assertThat(scheduled).containsExactly(0L, 50 * MS, 100 * MS, 250 * MS, 300 * MS);
        assertThat(loop.overruns()).isEqualTo(1);
        assertThat(loop.skippedSlots()).isEqualTo(2);
    }

    @Test
    void aCycleThatFillsItsWholeSlotIsNotAnOverrun() {
        loop.run((cycle, at) -> {
            clock.advanceNanos(50 * MS);
            if (cycle == 3) {
                loop.stop();
            }
        });
        assertThat(loop.overruns()).isZero();
        assertThat(clock.nanoTime()).isEqualTo(200 * MS);
    }

    @Test
    void aThrowingCycleIsCountedAndTheLoopGoesOn() {
        loop.run((cycle, at) -> {
            if (cycle == 5) {
                loop.stop();
            }
            if (cycle % 2 == 0) {
                throw new IllegalStateException("bad cycle " + cycle);
            }
        });
        assertThat(loop.cycles()).isEqualTo(6);
        assertThat(loop.failedCycles()).isEqualTo(3);
    }

    @Test
    void stopBeforeRunRunsNothing() {
        loop.stop();
        loop.run((cycle, at) -> {
            throw new AssertionError("ran");
        });
        assertThat(loop.cycles()).isZero();
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void stopWakesARealLoopParkedForItsNextSlot() throws Exception {
        Clock real = Clock.system();
        FixedRateLoop hourly = new FixedRateLoop(real, TimeUnit.HOURS.toNanos(1), Sleeper.parking(real));
        CountDownLatch first = new CountDownLatch(1);
        Thread t = Thread.ofPlatform().start(() -> hourly.run((cycle, at) -> first.countDown()));
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        hourly.stop();
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(t.isAlive()).as("loop still parked after stop()").isFalse();
        assertThat(hourly.cycles()).isEqualTo(1);
    }
}
