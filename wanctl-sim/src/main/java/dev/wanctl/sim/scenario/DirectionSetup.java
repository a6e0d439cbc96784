package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.CapacitySpec;
import dev.wanctl.sim.link.ShaperQueue;

/**
 * One direction of a scenario: the controller's ceiling and lowest floor (until the config loader
 * reads them from the scenario's wanctl config), the capacity, and the ISP FIFO's size.
 *
 * @param fifoMs the ISP FIFO's size as milliseconds of the capacity's nominal rate
 * @param shaper the router's queueing discipline (CAKE, or a tail-drop FIFO as in a testbed)
 */
public record DirectionSetup(long ceilingBps, long floorBps, CapacitySpec capacity, double fifoMs,
                             ShaperQueue.Setup shaper) {

    public DirectionSetup {
        if (ceilingBps <= 0 || floorBps <= 0 || floorBps > ceilingBps) {
            throw new IllegalArgumentException("need 0 < floor_mbps <= ceiling_mbps, got floor "
                    + floorBps / 1e6 + " and ceiling " + ceilingBps / 1e6);
        }
        if (!(fifoMs > 0)) {
            throw new IllegalArgumentException("fifo_ms must be > 0, got " + fifoMs);
        }
    }
}
