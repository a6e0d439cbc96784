package dev.wanctl.core.control;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Seeded randomized trials: each run draws a new base seed (or takes {@code -Dwanctl.seed=N}) and
 * a failing trial names the seed that reproduces it.
 */
public final class Seeds {

    /** One randomized trial. */
    @FunctionalInterface
    public interface Trial {
        void run(SplittableRandom random) throws Exception;
    }

    private Seeds() {}

    public static void forAll(int trials, Trial trial) {
        long base = Long.getLong("wanctl.seed", ThreadLocalRandom.current().nextLong());
        for (int i = 0; i < trials; i++) {
            long seed = base + i;
            try {
                trial.run(new SplittableRandom(seed));
            } catch (Throwable t) {
                AssertionError e = new AssertionError("trial failed with seed " + seed
                        + " (rerun with -Dwanctl.seed=" + seed + "): " + t.getMessage(), t);
                throw e;
            }
        }
    }
}
