package dev.wanctl.core.control;

/** Applies {@link Hysteresis} to a raw zone; one per direction, since it counts cycles. */
final class ZoneFilter {

    private final double targetMs;
    private final Hysteresis h;
    private int aboveTargetCycles;
    private boolean heldGreen;

    ZoneFilter(double targetMs, Hysteresis hysteresis) {
        this.targetMs = targetMs;
        this.h = hysteresis;
    }

    /**
     * The zone to act on, given the raw zone of this cycle and the zone reported last cycle.
     * When dwell holds GREEN, {@link #heldGreen()} is true and the caller keeps its rate.
     */
    Zone filter(Zone raw, Zone previous, double deltaMs) {
        heldGreen = false;
        Zone z = raw;
        if (h.deadbandMs() > 0
                && z == Zone.GREEN
                && previous == Zone.YELLOW
                && deltaMs >= targetMs - Math.min(h.deadbandMs(), 0.5 * targetMs)) {
            z = Zone.YELLOW;
        }
        if (z == Zone.YELLOW && previous == Zone.GREEN && h.dwellCycles() > 1) {
            aboveTargetCycles++;
            if (aboveTargetCycles < h.dwellCycles()) {
                heldGreen = true;
                return Zone.GREEN;
            }
        }
        aboveTargetCycles = 0;
        return z;
    }

    boolean heldGreen() {
        return heldGreen;
    }
}
