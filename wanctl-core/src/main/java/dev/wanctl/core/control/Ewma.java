package dev.wanctl.core.control;

/**
 * An exponentially weighted moving average with a fixed weight per update: the one EWMA of the
 * code base. It either starts at a given value ({@link #Ewma(double, double)}) or takes its first
 * sample whole ({@link #seededByFirstSample(double)}, steering's averages: the reference's started
 * at 0 and took the first value whole, which is the same).
 */
public final class Ewma {

    private final double alpha;
    private double value;
    private boolean started;

    /**
     * @param alpha weight of a new sample, in (0, 1]
     * @param initial the value before the first sample
     */
    public Ewma(double alpha, double initial) {
        this(alpha, initial, true);
    }

    private Ewma(double alpha, double initial, boolean started) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
        }
        this.alpha = alpha;
        this.value = initial;
        this.started = started;
    }

    /** An average whose first sample becomes its value; {@link #value()} is 0 until then. */
    public static Ewma seededByFirstSample(double alpha) {
        return new Ewma(alpha, 0, false);
    }

    /**
     * One step of an average: {@code (1 - alpha) * value + alpha * sample}, in the reference's
     * operation order ({@code value + alpha * (sample - value)} rounds differently and can move a
     * delta across a threshold: bit-exact parity needs this order).
     */
    public static double step(double value, double alpha, double sample) {
        return (1 - alpha) * value + alpha * sample;
    }

    /** Moves the average toward {@code sample} (or starts it there) and returns the new value. */
    public double update(double sample) {
        if (!started) {
            started = true;
            value = sample;
            return value;
        }
        value = step(value, alpha, sample);
        return value;
    }

    public double value() {
        return value;
    }

    public double alpha() {
        return alpha;
    }

    /** Whether a sample (or a restored value) has started the average. */
    public boolean started() {
        return started;
    }

    /** Replaces the value (restoring persisted state); the average counts as started. */
    public void reset(double newValue) {
        value = newValue;
        started = true;
    }
}
