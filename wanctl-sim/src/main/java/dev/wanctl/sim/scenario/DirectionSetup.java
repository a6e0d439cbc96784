package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.CapacitySpec;
import dev.wanctl.sim.link.ShaperQueue;

/**
 * One direction of a scenario: the controller's ceiling and lowest floor (from the wanctl config
 * the scenario names; a scenario without a config gives them itself), the capacity, and the ISP
 * FIFO's size.
 *
 * @param baseBps cake-autorate's base rate, the rate it decays to while idle (0: midway between
 *     floor and ceiling)
 * @param fifoMs the ISP FIFO's size as milliseconds of the capacity's nominal rate
 * @param shaper the router's queueing discipline (CAKE, or a tail-drop FIFO as in a testbed)
 */
public record DirectionSetup(long ceilingBps, long floorBps, long baseBps, CapacitySpec capacity, double fifoMs,
                             ShaperQueue.Setup shaper) {

    public DirectionSetup {
        if (ceilingBps <= 0 || floorBps <= 0 || floorBps > ceilingBps) {
            throw new IllegalArgumentException("need 0 < floor_mbps <= ceiling_mbps, got floor "
                    + floorBps / 1e6 + " and ceiling " + ceilingBps / 1e6);
        }
        if (baseBps != 0 && (baseBps < floorBps || baseBps > ceilingBps)) {
            throw new IllegalArgumentException("base_mbps must lie between the floor and the ceiling ("
                    + floorBps / 1e6 + " to " + ceilingBps / 1e6 + "), got " + baseBps / 1e6);
        }
        if (!(fifoMs > 0)) {
            throw new IllegalArgumentException("fifo_ms must be > 0, got " + fifoMs);
        }
    }

    /** cake-autorate's base rate, bit/s: {@code base_mbps}, or midway between floor and ceiling. */
    public long peerBaseBps() {
        return baseBps != 0 ? baseBps : (floorBps + ceilingBps) / 2;
    }

    /** The same direction with the bounds of another config. */
    DirectionSetup withBounds(long newCeilingBps, long newFloorBps) {
        return new DirectionSetup(newCeilingBps, newFloorBps, baseBps, capacity, fifoMs, shaper);
    }
}
