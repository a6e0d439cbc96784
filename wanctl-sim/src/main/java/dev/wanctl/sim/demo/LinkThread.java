package dev.wanctl.sim.demo;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.sim.scenario.CakeCounterFeed;
import dev.wanctl.sim.scenario.EmulatorRouter;
import dev.wanctl.sim.scenario.ReflectorProbe;
import dev.wanctl.sim.scenario.SimulationRun;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The simulated line in real time: ticks the run's milliseconds in small batches paced to the
 * clock, under the lock the daemons' probe reads with, refreshing the shaper from the emulated
 * router and feeding its CAKE counters after each batch.
 */
final class LinkThread {

    private static final long MS = 1_000_000L;
    private static final long BATCH_MS = 5;

    private final CountDownLatch done = new CountDownLatch(1);
    private final long startNanos;
    private final Clock clock;

    private LinkThread(Clock clock, long startNanos) {
        this.clock = clock;
        this.startNanos = startNanos;
    }

    static LinkThread start(SimulationRun run, EmulatorRouter shaper, CakeCounterFeed cake, CakeCounterFeed upload,
            Object lock,
            ReflectorProbe probe, Clock clock, long durationMs) {
        LinkThread t = new LinkThread(clock, clock.nanoTime());
        probe.start(t.startNanos);
        Thread.ofPlatform().name("demo-link").daemon(true).start(() -> {
            try {
                for (long ms = 0; ms < durationMs; ms += BATCH_MS) {
                    long due = t.startNanos + ms * MS;
                    while (clock.nanoTime() < due) {
                        LockSupport.parkNanos(Math.min(due - clock.nanoTime(), MS));
                    }
                    synchronized (lock) {
                        shaper.refresh();
                        for (long tick = ms; tick < Math.min(ms + BATCH_MS, durationMs); tick++) {
                            run.tick(tick);
                        }
                        cake.feed();
                        upload.feed();
                    }
                }
            } finally {
                t.done.countDown();
            }
        });
        return t;
    }

    /** Waits until {@code millis} after the start or the end of the run; true when the run is over. */
    boolean awaitMillis(long millis) throws InterruptedException {
        long wait = startNanos + millis * MS - clock.nanoTime();
        return done.await(Math.max(0, wait), TimeUnit.NANOSECONDS);
    }
}
