package dev.wanctl.core.daemon;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into a stop request so the loop finishes its cycle, the daemon saves
 * its state and says STOPPING, and the process exits 0 (design: within 2 s). Public: both
 * daemons install one. A second signal while stopping exits at once (status 130).
 *
 * <p>Where the signals cannot be handled, a shutdown hook does the same, but the JVM then exits
 * with 143 (unit files should list {@code SuccessExitStatus=143}). The hook also covers any other
 * exit: it requests the stop and waits up to {@code grace} for {@link #finished()}.
 *
 * <pre>{@code
 * GracefulShutdown shutdown = GracefulShutdown.install(loop::stop, Duration.ofSeconds(2));
 * loop.run(body);             // returns after SIGTERM once the cycle in progress is done
 * state.flush(); notifier.stopping();
 * shutdown.finished();
 * }</pre>
 */
public final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final Runnable requestStop;
    private final Duration grace;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean requested;

    GracefulShutdown(Runnable requestStop, Duration grace) {
        this.requestStop = requestStop;
        this.grace = grace;
    }

    /** Installs the SIGTERM/SIGINT handlers and the shutdown hook; {@code requestStop} must not block. */
    public static GracefulShutdown install(Runnable requestStop, Duration grace) {
        GracefulShutdown s = new GracefulShutdown(requestStop, grace);
        boolean term = Signals.handle("TERM", () -> s.onSignal("SIGTERM"), "stopping through the shutdown hook");
        boolean intr = Signals.handle("INT", () -> s.onSignal("SIGINT"), "stopping through the shutdown hook");
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("wanctl-shutdown").unstarted(s::onExit));
        if (!term || !intr) {
            LOG.info("the JVM will exit with 143 on SIGTERM (signal handling unavailable)");
        }
        return s;
    }

    void onSignal(String name) {
        if (requested) {
            LOG.warn("{} again while stopping: exiting now", name);
            Thread.ofPlatform().name("wanctl-exit").start(() -> System.exit(130));
            return;
        }
        LOG.info("{} received: finishing the current cycle and stopping", name);
        request();
    }

    private void onExit() {
        request();
        try {
            if (!awaitFinished(grace)) {
                LOG.warn("shutdown did not finish within {} ms; exiting anyway", grace.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void request() {
        requested = true;
        requestStop.run();
    }

    /** True once a stop was requested by a signal or by the JVM shutting down. */
    public boolean stopRequested() {
        return requested;
    }

    /** The daemon has saved its state and is about to return from main. */
    public void finished() {
        finished.countDown();
    }

    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
