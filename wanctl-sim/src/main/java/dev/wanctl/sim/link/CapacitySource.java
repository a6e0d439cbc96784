package dev.wanctl.sim.link;

/**
 * The capacity of one direction of the ISP's bottleneck over time, at 1 ms resolution.
 *
 * <p>Sources are stateful and stepped forward one millisecond at a time ({@link #moveTo} with
 * non-decreasing times), so seeded generators draw their randomness in a fixed order and a run is
 * reproducible. Make a fresh source for every run.
 */
public interface CapacitySource {

    /** Moves to millisecond {@code ms} (not earlier than the previous call). */
    void moveTo(long ms);

    /** Bytes that may leave the bottleneck during the current millisecond (delivery opportunities). */
    double bytesThisMs();

    /**
     * The true capacity now in bit/s, without the per-millisecond grain (a trace's 100 ms centred
     * mean; a generator's level before jitter). What the oracle shapes at and what throughput is
     * measured against.
     */
    double capacityBps();

    /** The line's nominal capacity in bit/s (sizes the FIFO). */
    double nominalBps();

    /**
     * How long, in ms from the end of the current millisecond, the bottleneck needs to deliver
     * {@code bytes} more bytes, from the source's own future capacity (a generator's levels, a
     * trace's opportunities): the exact FIFO sojourn of a byte with {@code bytes} queued ahead of
     * it and including it. At most {@link #MAX_DRAIN_MS} (a link that never comes back).
     */
    double drainMs(double bytes);

    /** Longest drain time reported: a minute. */
    double MAX_DRAIN_MS = 60_000;
}
