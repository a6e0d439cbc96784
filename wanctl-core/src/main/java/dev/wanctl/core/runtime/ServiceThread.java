package dev.wanctl.core.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that does a daemon's slow work beside its control loop (the autorate rate writer,
 * the steering rule toggler and CAKE stats poller): it sleeps until {@link #wake() woken} with
 * work to do or until the time its last step asked for, runs the step, and stops after the step
 * in flight on {@link #close}. Public: both daemons' helpers run on it, so none of them can stall a
 * cycle and all stop the same way.
 *
 * <p>Waiting parks the thread instead of holding a monitor, so a step and its owner's
 * {@code offer}-style methods may synchronize on the owner without any lock-order concern.
 */
public final class ServiceThread implements AutoCloseable {

    /** One step of work. */
    @FunctionalInterface
    public interface Step {
        /** Does what is due; returns the clock time to run again, {@link Long#MAX_VALUE} for "when woken". */
        long run();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ServiceThread.class);
    /** The longest single wait, so a missed wake-up costs at most this. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String name;
    private final Clock clock;
    private final BooleanSupplier hasWork;
    private final Step step;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param hasWork whether there is work before the requested time (read without any lock of ours)
     */
    public ServiceThread(String name, Clock clock, BooleanSupplier hasWork, Step step) {
        this.name = Objects.requireNonNull(name);
        this.clock = Objects.requireNonNull(clock);
        this.hasWork = Objects.requireNonNull(hasWork);
        this.step = Objects.requireNonNull(step);
    }

    /** Starts the thread; later calls do nothing. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name(name).daemon(true).start(this::loop);
    }

    private void loop() {
        long wakeAt = clock.nanoTime();
        while (running) {
            long now = clock.nanoTime();
            if (now < wakeAt && !hasWork.getAsBoolean()) {
                LockSupport.parkNanos(this, Math.min(wakeAt - now, MAX_WAIT_NANOS));
                continue;
            }
            try {
                wakeAt = step.run();
            } catch (RuntimeException e) {
                // a bug in a step must not end the thread: the daemon would go on without its helper
                LOG.error("{}: unexpected failure, going on: {}", name, e.toString(), e);
                wakeAt = clock.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            }
        }
    }

    /** There may be work: the thread looks now instead of at the time it asked for. */
    public void wake() {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Whether {@link #start()} was called. */
    public synchronized boolean started() {
        return thread != null;
    }

    /** Stops the thread after the step in flight, waiting for it at most {@code maxWait}. */
    public void close(Duration maxWait) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(maxWait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@link #close(Duration)} with 2 s, longer than a router call may take. */
    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
