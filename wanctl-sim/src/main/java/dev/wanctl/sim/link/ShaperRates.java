package dev.wanctl.sim.link;

/**
 * The router's CAKE shaper rates as the link sees them: the queue-tree {@code max-limit} of each
 * direction. Read once per simulated millisecond, so that whatever backs it (the simulator's own
 * router, or later the RouterOS emulator's queue state) is what shapes the traffic.
 */
public interface ShaperRates {

    /** Current {@code max-limit} of the direction's queue in bit/s; 0 means not shaped at all. */
    long maxLimitBps(Direction direction);
}
