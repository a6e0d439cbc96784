package dev.wanctl.sim.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Round tick values (1, 2, 2.5 or 5 times a power of ten) for an axis, and their labels. */
final class Ticks {

    private Ticks() {
    }

    /** A round step that gives about {@code target} ticks over {@code span}. */
    static double step(double span, int target) {
        if (!(span > 0)) {
            return 1;
        }
        double raw = span / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Tick values within {@code [lo, hi]}. */
    static List<Double> values(double lo, double hi, int target) {
        double step = step(hi - lo, target);
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return out;
    }

    /** The smallest round value at or above {@code v} (an axis top). */
    static double niceCeil(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double step = step(v, 5);
        return Math.ceil(v / step - 1e-9) * step;
    }

    /** A label with as many decimals as the step needs. */
    static String label(double v, double step) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        if (step * Math.pow(10, decimals) % 1 > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
