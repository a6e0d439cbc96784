package dev.wanctl.autorate;

import dev.wanctl.core.control.AutorateStep;
import dev.wanctl.core.control.LawDecision;
import dev.wanctl.core.control.Zone;
import dev.wanctl.core.runtime.FlightRecorder;

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
        boolean measurementDegraded) {

    /** The view of a cycle whose law decided {@code d}; {@code rttMs} is what the cycle measured (NaN: nothing fresh). */
    public static CycleView of(long cycle, long nowNanos, double rttMs, LawDecision d, AutorateStep.Outcome outcome,
            int lostCycles, boolean measurementDegraded) {
        return new CycleView(cycle, nowNanos, rttMs, d.loadMs(), d.baselineMs(), d.deltaMs(), d.downloadZone(),
                d.uploadZone(), d.downloadRateBps(), d.uploadRateBps(), outcome, lostCycles, measurementDegraded);
    }

    /** Fills the controller's columns of a flight-recorder row (RTTs, delta, zones); rates are the caller's. */
    public void record(FlightRecorder.Cycle row) {
        row.rttMs = rttMs;
        row.loadEwmaMs = loadMs;
        row.baselineMs = baselineMs;
        row.deltaMs = deltaMs;
        row.dlZone = FlightRecorder.zoneCode(downloadZone.name());
        row.ulZone = FlightRecorder.zoneCode(uploadZone.name());
    }
}
