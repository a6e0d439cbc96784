package dev.wanctl.core.control;

/**
 * Converts between wall-clock time constants and per-cycle quantities, so that behaviour
 * configured in seconds stays the same when the control interval changes.
 */
public final class TimeConstant {

    private TimeConstant() {}

    /**
     * The EWMA weight that gives time constant {@code tauSec} when updated every
     * {@code intervalSec}: {@code 1 - exp(-interval / tau)}. Exact for a signal that is constant
     * between samples, so trajectories sampled at different intervals agree.
     */
    public static double alpha(double intervalSec, double tauSec) {
        requirePositive(intervalSec, "interval");
        requirePositive(tauSec, "time constant");
        return -Math.expm1(-intervalSec / tauSec);
    }

    /** The time constant in seconds that a raw per-cycle {@code alpha} has at {@code intervalSec}. */
    public static double tauSec(double alpha, double intervalSec) {
        requirePositive(intervalSec, "interval");
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        if (alpha == 1) {
            return 0;
        }
        return -intervalSec / Math.log1p(-alpha);
    }

    /**
     * The number of consecutive cycles that lasts at least {@code seconds} at {@code intervalSec},
     * never fewer than one.
     */
    public static int cycles(double seconds, double intervalSec) {
        requirePositive(intervalSec, "interval");
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must not be negative, got " + seconds);
        }
        // the epsilon keeps 0.25 s / 0.05 s at 5 cycles despite binary rounding
        return (int) Math.max(1, Math.ceil(seconds / intervalSec - 1e-9));
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive number of seconds, got " + v);
        }
    }
}
