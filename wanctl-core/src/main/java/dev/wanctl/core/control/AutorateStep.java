package dev.wanctl.core.control;

/**
 * One autorate cycle's decision, measurement loss included: a fresh RTT steps the
 * {@link ControlLaw}; without one the {@link FallbackPolicy} chooses between feeding the law the
 * loaded RTT of its last decision and freezing. The daemon, the simulator and {@code wanctl
 * replay} all step through this class.
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

    private final ControlLaw law;
    private final FallbackPolicy fallback;
    private int lastLossCycles;

    public AutorateStep(ControlLaw law, FallbackPolicy fallback) {
        this.law = law;
        this.fallback = fallback;
    }

    /**
     * @param in this cycle's measurement; its RTT is NaN when no reflector answered in time (then,
     *     when the fallback reuses the last load, it is set to that load before the law steps)
     * @param connectivity whether other paths reach the internet (asked only when NaN)
     */
    public Outcome update(LawInput in, FallbackPolicy.Connectivity connectivity) {
        if (in.measured()) {
            lastLossCycles = fallback.onMeasured();
            law.step(in).driver(LawDecision.Driver.DELAY);
            return Outcome.MEASURED;
        }
        lastLossCycles = 0;
        if (fallback.onLost(connectivity) == FallbackPolicy.Action.REUSE_LAST_LOAD) {
            law.step(in.rtt(law.decision().loadMs(), in.lateByMs())).driver(LawDecision.Driver.LAST_LOAD);
            return Outcome.REUSED_LAST_LOAD;
        }
        return Outcome.FROZEN;
    }

    /** When this cycle ended a measurement loss: how many cycles it lasted; else 0. */
    public int lossEndedAfterCycles() {
        return lastLossCycles;
    }

    public ControlLaw law() {
        return law;
    }

    public FallbackPolicy fallback() {
        return fallback;
    }
}
