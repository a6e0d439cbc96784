package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.Direction;

/**
 * What only the simulator knows: the link's true capacity. For bounds such as the oracle baseline;
 * a real controller must never use it (it would not have it on a real link).
 */
public interface LinkTruth {

    /** True capacity of the direction now (as of the last simulated millisecond), bit/s. */
    double capacityBps(Direction direction);
}
