package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.ShaperRates;

/**
 * The router the simulated link sits behind: the shaper rates the link reads every millisecond,
 * and the faults a scenario injects. {@link SimRouter} is the simulator's own; a RouterOS emulator
 * backed implementation lets the real daemon write through its {@code RouterClient}.
 */
public interface SimulatedRouter extends ShaperRates {

    /** Makes the router refuse (false) or accept (true) configuration changes; its shaper keeps running. */
    void setReachable(boolean reachable);
}
