package dev.wanctl.core.daemon;

import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.runtime.VirtualClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A SIGHUP whose config cannot be read yet (a file on a hung mount, a FIFO nobody writes, a huge
 * file being parsed) never stops the control loop: cycles go on while the read blocks, and what
 * was read is applied between two cycles once it is there.
 */
class DaemonLoopReloadTest {

    /** Counts its cycles; a 50 ms interval. */
    private static final class Counting implements DaemonLoop.Session {
        final AtomicLong cycles = new AtomicLong();

        @Override
        public void runCycle(long cycle, long scheduledNanos) {
            cycles.incrementAndGet();
        }

        @Override
        public long intervalNanos() {
            return 50_000_000L;
        }

        @Override
        public long statusIntervalNanos() {
            return Long.MAX_VALUE;
        }

        @Override
        public String status() {
            return "ok";
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(1); // polling a condition under a deadline, not timing
        }
    }

    @Test
    void cyclesGoOnWhileAReloadIsStillReadingAndItsResultIsAppliedAfterwards() throws Exception {
        VirtualClock clock = new VirtualClock();
        DaemonLoop loop = new DaemonLoop(clock, SystemdNotifier.recording(Duration.ofSeconds(2), n -> { }),
                Sleeper.advancing(clock), "test", DaemonLoop.READ_OFF_LOOP);
        Counting first = new Counting();
        Counting second = new Counting();
        CountDownLatch fileArrives = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        Thread loopThread = Thread.ofPlatform().name("loop-under-test").start(() -> loop.run(first, () -> {
            assertThat(Thread.currentThread().getName()).isNotEqualTo("loop-under-test");
            reading.countDown();
            try {
                fileArrives.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return current -> second;
        }, false));
        try {
            await("the first cycles", () -> first.cycles.get() > 10);
            loop.requestReload();
            assertThat(reading.await(10, TimeUnit.SECONDS)).as("the read started").isTrue();
            long atRead = first.cycles.get();
            await("cycles while the read blocks", () -> first.cycles.get() > atRead + 200);
            assertThat(loop.session()).as("still the running session").isSameAs(first);
            assertThat(second.cycles.get()).isZero();

            fileArrives.countDown();
            await("the new session's cycles", () -> second.cycles.get() > 10);
            assertThat(loop.session()).isSameAs(second);
        } finally {
            fileArrives.countDown();
            loop.stop();
            loopThread.join(10_000);
        }
        assertThat(loopThread.isAlive()).isFalse();
    }

    @Test
    void aReadThatThrowsKeepsTheRunningSession() throws Exception {
        VirtualClock clock = new VirtualClock();
        DaemonLoop loop = new DaemonLoop(clock, SystemdNotifier.recording(Duration.ofSeconds(2), n -> { }),
                Sleeper.advancing(clock), "test", DaemonLoop.READ_ON_LOOP);
        Counting first = new Counting();
        AtomicLong reads = new AtomicLong();
        Thread loopThread = Thread.ofPlatform().start(() -> loop.run(first, () -> {
            reads.incrementAndGet();
            throw new IllegalStateException("unreadable");
        }, false));
        try {
            await("the first cycles", () -> first.cycles.get() > 10);
            loop.requestReload();
            await("the read", () -> reads.get() == 1);
            long after = first.cycles.get();
            await("cycles after the failed read", () -> first.cycles.get() > after + 10);
            assertThat(loop.session()).isSameAs(first);
        } finally {
            loop.stop();
            loopThread.join(10_000);
        }
    }
}
