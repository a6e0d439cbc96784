package dev.wanctl.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class ServiceThreadTest {

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(deadline);
            LockSupport.parkNanos(1_000_000L);
        }
    }

    @Test
    void workOfferedWhileItSleepsIsDoneAtOnceNotAtTheNextDeadline() {
        AtomicBoolean work = new AtomicBoolean();
        AtomicInteger steps = new AtomicInteger();
        ServiceThread t = new ServiceThread("test-service", Clock.system(), work::get, () -> {
            steps.incrementAndGet();
            work.set(false);
            return Long.MAX_VALUE; // only when woken
        });
        t.start();
        try {
            await("the first step", () -> steps.get() == 1);
            work.set(true);
            t.wake();
            await("the woken step", () -> steps.get() == 2);
        } finally {
            t.close();
        }
    }

    @Test
    void stepThatThrowsDoesNotEndTheThreadAndCloseStopsIt() {
        AtomicInteger steps = new AtomicInteger();
        Clock clock = Clock.system();
        ServiceThread t = new ServiceThread("test-service", clock, () -> false, () -> {
            if (steps.incrementAndGet() == 1) {
                throw new IllegalStateException("a bug in a step");
            }
            return clock.nanoTime(); // again right away
        });
        t.start();
        await("steps after the failure", () -> steps.get() >= 3);

        t.close(Duration.ofSeconds(2));

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(th -> th.getName().equals("test-service"));
    }
}
