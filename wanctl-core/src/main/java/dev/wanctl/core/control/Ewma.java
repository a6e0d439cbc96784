package dev.wanctl.core.control;

/** An exponentially weighted moving average with a fixed weight per update. */
public final class Ewma {

    private final double alpha;
    private double value;

    /**
     * @param alpha weight of a new sample, in (0, 1]
     * @param initial the value before the first sample
     */
    public Ewma(double alpha, double initial) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        this.alpha = alpha;
        this.value = initial;
    }

    /** Moves the average toward {@code sample} and returns the new value. */
    public double update(double sample) {
        // the reference's operation order (bit-exact parity with its EWMAs)
        value = (1 - alpha) * value + alpha * sample;
        return value;
    }

    public double value() {
        return value;
    }

    public double alpha() {
        return alpha;
    }

    /** Replaces the value (restoring persisted state). */
    public void reset(double newValue) {
        value = newValue;
    }
}
