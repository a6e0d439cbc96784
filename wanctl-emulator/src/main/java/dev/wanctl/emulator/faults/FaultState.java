package dev.wanctl.emulator.faults;

import java.util.concurrent.atomic.AtomicInteger;

/** The faults currently injected into one transport. */
public final class FaultState {

    /** "Until cleared" for counted faults. */
    static final int FOREVER = Integer.MAX_VALUE;

    volatile long latencyNanos;
    public volatile boolean rejectCredentials;
    volatile boolean down;
    volatile int serverErrorStatus = 500;
    volatile java.util.function.UnaryOperator<String> outputRewrite;
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger hangs = new AtomicInteger();
    public final Gate gate = new Gate();

    /** The rewrite applied to console output, or null (read by the CLI transport in its own package). */
    public java.util.function.UnaryOperator<String> outputRewrite() {
        return outputRewrite;
    }

    void serverErrors(int n) {
        serverErrors.set(n);
    }

    void drops(int n) {
        drops.set(n);
    }

    void hangs(int n) {
        hangs.set(n);
    }

    /** Whether this call gets no reply until released. */
    public boolean takeHang() {
        return take(hangs);
    }

    /** Whether this call's connection is closed without a reply. */
    public boolean takeDrop() {
        return take(drops);
    }

    /** The 5xx status this call gets, or 0. */
    public int takeServerError() {
        return take(serverErrors) ? serverErrorStatus : 0;
    }

    /** Waits out the injected latency (returns early when the gate opens). */
    public void delay() {
        long n = latencyNanos;
        if (n > 0) {
            gate.await(n);
        }
    }

    /** Clears every fault but {@code down}, and releases hung calls. */
    void clear() {
        latencyNanos = 0;
        rejectCredentials = false;
        outputRewrite = null;
        serverErrors.set(0);
        drops.set(0);
        hangs.set(0);
        gate.open();
    }

    private static boolean take(AtomicInteger counter) {
        while (true) {
            int n = counter.get();
            if (n <= 0) {
                return false;
            }
            if (n == FOREVER || counter.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }
}
