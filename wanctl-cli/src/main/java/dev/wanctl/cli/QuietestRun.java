package dev.wanctl.cli;

import java.util.function.Consumer;

/**
 * Measures a real-time testbed run again while the machine's own noise (the user's ping while
 * the line is idle) is above a limit, and keeps the quietest run. On shared cores a busy
 * neighbour adds tens of milliseconds to a run's every ping and takes points of throughput from
 * iperf3: such a run measures the scheduler, not the model, and is not counted as a disagreement
 * while a quieter measurement can still be had.
 */
final class QuietestRun {

    /** One measurement and the noise it carried, in ms (NaN: the run had no idle second to tell). */
    record Measured<T>(T result, double noiseMs) {}

    /** One run of the testbed; {@code attempt} counts from 0. */
    @FunctionalInterface
    interface Trial<T> {
        Measured<T> run(int attempt) throws Exception;
    }

    private QuietestRun() {}

    /**
     * Runs {@code trial} once, and again up to {@code retries} times while the last run's noise is
     * above {@code maxNoiseMs}; returns the run with the least noise (the first of equals).
     *
     * @param note told why a run is repeated
     */
    static <T> Measured<T> measure(int retries, double maxNoiseMs, Trial<T> trial, Consumer<String> note)
            throws Exception {
        if (retries < 0 || !(maxNoiseMs > 0)) {
            throw new IllegalArgumentException("retries must be >= 0 and the noise limit > 0 ms, got " + retries
                    + " and " + maxNoiseMs);
        }
        Measured<T> best = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            Measured<T> m = trial.run(attempt);
            if (best == null || m.noiseMs() < best.noiseMs()) {
                best = m;
            }
            if (!(m.noiseMs() > maxNoiseMs)) {
                break; // quiet enough, or nothing to tell it by
            }
            note.accept(String.format(java.util.Locale.ROOT,
                    "the testbed's own noise (the user's ping while idle) was %.1f ms p99, above %.1f ms: %s", m.noiseMs(),
                    maxNoiseMs, attempt < retries ? "measuring once more" : "no retry left, scoring the quietest run"));
        }
        return best;
    }
}
