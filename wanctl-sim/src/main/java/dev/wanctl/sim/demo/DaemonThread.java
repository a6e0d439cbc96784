package dev.wanctl.sim.demo;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** A daemon's {@code run} on its own thread, with what it returned or threw. */
final class DaemonThread {

    /** A daemon's main, returning its exit status. */
    @FunctionalInterface
    interface Main {
        int run() throws Exception;
    }

    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile int status = -1;

    private DaemonThread(String name, Main main) {
        this.thread = Thread.ofPlatform().name("demo-" + name).daemon(true).unstarted(() -> {
            try {
                status = main.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
    }

    static DaemonThread start(String name, Main main) {
        DaemonThread t = new DaemonThread(name, main);
        t.thread.start();
        return t;
    }

    /** Throws what the daemon threw, if it did (a refusal to start, say). */
    void rethrowIfFailed() throws Exception {
        Throwable t = failure.get();
        if (t instanceof Exception e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** Waits for the daemon to return; its exit status, -1 when it did not return in time. */
    int join(Duration max) throws Exception {
        thread.join(max.toMillis());
        rethrowIfFailed();
        return thread.isAlive() ? -1 : status;
    }
}
