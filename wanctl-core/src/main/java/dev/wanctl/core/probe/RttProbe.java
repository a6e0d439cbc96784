package dev.wanctl.core.probe;

import java.util.List;

/**
 * Asynchronous RTT measurement to a few reflectors: background threads send and receive, and the
 * control cycle copies the newest sample of each reflector without waiting. Public: the daemons'
 * cycles read it; {@link RttProbes#open} makes one.
 */
public interface RttProbe extends AutoCloseable {

    /** Receive time of a slot that has no sample yet; {@link dev.wanctl.core.control.RttSelector} treats it as stale. */
    long NO_SAMPLE = Long.MIN_VALUE;

    /** The method in use, chosen at start. */
    ProbeMethod method();

    /** The method and why it was chosen, for the start-up log and /health. */
    String methodDetail();

    /** Number of reflector slots: the length the arrays of {@link #readLatest} need. */
    int reflectorCount();

    /**
     * Copies the newest RTT (ms) of each slot and the monotonic time it was received (the probe's
     * clock, ns) into the caller's arrays; a slot without a sample gets NaN and {@link #NO_SAMPLE}.
     * Never blocks and allocates nothing.
     */
    void readLatest(double[] rttMs, long[] receivedAtNanos);

    /** Health of each slot, for /health (refreshed about once a second). */
    List<ReflectorStatus> reflectorStatus();

    /** Stops the threads (promptly) and closes the sockets. */
    @Override
    void close();
}
