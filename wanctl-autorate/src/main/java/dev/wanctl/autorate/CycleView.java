package dev.wanctl.autorate;

import dev.wanctl.core.control.AutorateStep;
import dev.wanctl.core.control.Zone;

/**
 * What the last cycle decided, published once per cycle for readers on other threads (/health,
 * {@code systemctl status}) and for the simulator and flight recorder.
 *
 * @param rttMs the RTT the cycle measured, NaN when none was fresh
 * @param lostCycles consecutive cycles without a fresh RTT so far
 * @param measurementDegraded the fallback says degraded (total loss or a long loss)
 */
public record CycleView(
        long cycle,
        long nowNanos,
        double rttMs,
        double loadMs,
        double baselineMs,
        double deltaMs,
        Zone downloadZone,
        Zone uploadZone,
        long downloadBps,
        long uploadBps,
        AutorateStep.Outcome outcome,
        int lostCycles,
        boolean measurementDegraded) {}
