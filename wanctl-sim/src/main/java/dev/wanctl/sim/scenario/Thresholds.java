package dev.wanctl.sim.scenario;

/**
 * The delay thresholds of the wanctl config a scenario stands for (GREEN/YELLOW, YELLOW/SOFT_RED,
 * SOFT_RED/RED), drawn as lines in plots of its runs.
 */
public record Thresholds(double targetMs, double warnMs, double hardRedMs) {

    /** The reference implementation's cable example: 15 / 45 / 80 ms. */
    public static final Thresholds CABLE = new Thresholds(15, 45, 80);

    public Thresholds {
        if (!(targetMs > 0 && targetMs < warnMs && warnMs < hardRedMs)) {
            throw new IllegalArgumentException("need 0 < target_ms < warn_ms < hard_red_ms, got "
                    + targetMs + " / " + warnMs + " / " + hardRedMs);
        }
    }
}
