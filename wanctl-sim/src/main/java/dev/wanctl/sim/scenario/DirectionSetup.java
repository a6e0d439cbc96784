package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.CapacitySpec;

/**
 * One direction of a scenario: the controller's ceiling and lowest floor (until the config loader
 * reads them from the scenario's wanctl config), the capacity, and the ISP FIFO's size.
 *
 * @param fifoMs the FIFO's size as milliseconds of the capacity's nominal rate
 */
public record DirectionSetup(long ceilingBps, long floorBps, CapacitySpec capacity, double fifoMs) {

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
