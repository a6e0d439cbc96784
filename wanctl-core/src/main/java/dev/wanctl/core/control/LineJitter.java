package dev.wanctl.core.control;

/**
 * How far a line's RTT samples stray from the smoothed load: their mean absolute deviation, ms,
 * over about {@link #TIME_CONSTANT_SEC}. Long against a load's rise (a queue that builds for a
 * second moves it little), short against a line that turns noisy. A quiet line (wired) lets the
 * adaptive law smooth its load less, so a queue shows sooner; on a noisy one (radio) that would
 * cut for noise.
 *
 * <p>Pure and allocation-free.
 */
final class LineJitter {

    /** Time constant of the estimate, s. */
    static final double TIME_CONSTANT_SEC = 10;
    /** Until measured, a line counts as noisy, ms. */
    static final double INITIAL_MS = 10;

    private final double alpha;
    private final double quietMs;
    private double jitterMs = INITIAL_MS;

    /** @param quietMs a line whose samples stray on average less than this is quiet */
    LineJitter(double intervalSec, double quietMs) {
        this.alpha = TimeConstant.alpha(intervalSec, TIME_CONSTANT_SEC);
        this.quietMs = quietMs;
    }

    /** One sample against the smoothed load before it; returns whether the line is quiet now. */
    boolean sampleIsQuiet(double sampleMs, double loadMs) {
        jitterMs = Ewma.step(jitterMs, alpha, Math.abs(sampleMs - loadMs));
        return jitterMs < quietMs;
    }
}
