package dev.wanctl.emulator.faults;

/**
 * Where injected delays and hangs wait: until their time is up or the gate opens (fault cleared,
 * transport down, emulator closed), so no emulator thread outlives {@code close()}.
 */
public final class Gate {

    private long generation;
    private boolean closed;

    /**
     * Waits up to {@code nanos} (forever when negative) or until the gate opens.
     *
     * @return true if the gate opened before the time was up
     */
    public synchronized boolean await(long nanos) {
        long gen = generation;
        long deadline = System.nanoTime() + nanos;
        try {
            while (!closed && gen == generation) {
                if (nanos < 0) {
                    wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    wait(left / 1_000_000L, (int) (left % 1_000_000L));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Releases everyone waiting now; later waits wait again. */
    public synchronized void open() {
        generation++;
        notifyAll();
    }

    /** Releases everyone, now and for good. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
