package dev.wanctl.core.control;

/**
 * The seam a control law plugs into, in the manner of Netflix concurrency-limits' {@code Limit}:
 * one cycle's measurement in ({@link LawInput}), the rates to apply and what drove them out
 * ({@link LawDecision}). The daemon, the simulator, {@code wanctl replay} and the benchmarks drive
 * every law the same way, through {@link AutorateStep}; {@link ControlLaws} picks the law a
 * config names ({@code continuous_monitoring.law}).
 *
 * <p>A law never reads a clock or the network, and {@link #step} does not allocate: it refills and
 * returns the law's own decision, valid until the next step. Whoever drives a law owns it: one
 * thread steps it, and other threads read the published copy ({@code CycleView}).
 */
public interface ControlLaw {

    /**
     * One cycle. {@link LawInput#rttMs()} is always a number: when no reflector answered, the
     * measurement-loss fallback either feeds the loaded RTT of the last decision again or does not
     * step the law at all (then its decision stays).
     */
    LawDecision step(LawInput in);

    /** The last step's decision; before the first step the starting (or restored) rates and zones. */
    LawDecision decision();

    /** What the law has learned, for the state file and a reload; not called every cycle. */
    ControllerState state();

    /**
     * Continues from {@code state} (a state file, or the law a reload replaces), already checked
     * against this law's bounds ({@link ControllerState#admit}). A null group keeps this law's
     * value; rates are clamped to this law's floors and ceilings.
     */
    void restore(ControllerState state);

    /**
     * Replaces the idle-RTT baseline by {@code baselineMs}, keeping the loaded RTT and the rates:
     * a baseline restored from a state file that proved to be below every RTT is re-learned.
     */
    void relearnBaseline(double baselineMs);

    /** Whether the law reads the queues' delivered rates (then the pipeline reads the byte counters). */
    default boolean readsDeliveredRates() {
        return false;
    }

    /** How often the pipeline reads the byte counters while a direction is loaded (asked only when it reads them). */
    default long loadedCounterIntervalNanos() {
        return 500_000_000L;
    }

    /** How often it reads them while both directions are idle. */
    default long idleCounterIntervalNanos() {
        return 2_000_000_000L;
    }

    /**
     * The delay over the baseline (ms) above which the law wants fresh byte counters at once: a
     * rise past it starts a cut, and the cut after it is sized on what the line carries now.
     * Infinite for a law that reads no counters.
     */
    default double freshCountersAboveMs() {
        return Double.POSITIVE_INFINITY;
    }

    /** The parameters it was built from (floors, ceilings, thresholds). */
    ControllerParams params();
}
