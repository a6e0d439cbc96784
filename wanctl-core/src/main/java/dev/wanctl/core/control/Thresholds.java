package dev.wanctl.core.control;

/**
 * Delta thresholds in ms, compared with strict greater-than: above {@code targetMs} is YELLOW,
 * above {@code warnMs} SOFT_RED (download) or RED (upload), above {@code hardRedMs} RED (download).
 */
public record Thresholds(double targetMs, double warnMs, double hardRedMs) {

    public Thresholds {
        Checks.positiveFinite(targetMs, "targetMs");
        if (!(targetMs < warnMs && warnMs < hardRedMs) || Double.isInfinite(hardRedMs)) {
            throw new IllegalArgumentException("thresholds must satisfy target < warn < hard_red, got "
                    + targetMs + " / " + warnMs + " / " + hardRedMs);
        }
    }
}
