package dev.wanctl.core.control;

/**
 * One autorate cycle's decision, measurement loss included: a fresh RTT updates the controller;
 * without one the {@link FallbackPolicy} chooses between reusing the last loaded RTT and
 * freezing. The daemon, the simulator and {@code wanctl replay} all step through this class.
 */
public final class AutorateStep {

    /** What the cycle did. */
    public enum Outcome {
        /** A fresh RTT was measured and used. */
        MEASURED,
        /** No RTT; the last loaded RTT was fed again. */
        REUSED_LAST_LOAD,
        /** No RTT; nothing changed (no rate change, no baseline update). */
        FROZEN
    }

    private final AutorateController controller;
    private final FallbackPolicy fallback;
    private int lastLossCycles;

    public AutorateStep(AutorateController controller, FallbackPolicy fallback) {
        this.controller = controller;
        this.fallback = fallback;
    }

    /**
     * @param rttMs this cycle's RTT in ms, NaN when no reflector answered in time
     * @param connectivity whether other paths reach the internet (asked only when NaN)
     */
    public Outcome update(double rttMs, FallbackPolicy.Connectivity connectivity) {
        if (!Double.isNaN(rttMs)) {
            lastLossCycles = fallback.onMeasured();
            controller.update(rttMs);
            return Outcome.MEASURED;
        }
        lastLossCycles = 0;
        if (fallback.onLost(connectivity) == FallbackPolicy.Action.REUSE_LAST_LOAD) {
            controller.updateWithLastLoad();
            return Outcome.REUSED_LAST_LOAD;
        }
        return Outcome.FROZEN;
    }

    /** When this cycle ended a measurement loss: how many cycles it lasted; else 0. */
    public int lossEndedAfterCycles() {
        return lastLossCycles;
    }

    public AutorateController controller() {
        return controller;
    }

    public FallbackPolicy fallback() {
        return fallback;
    }
}
