package dev.wanctl.core.control;

/**
 * Optional smoothing of zone changes at the GREEN/YELLOW boundary, against flapping while the
 * delta jitters around the target. Both off (0) by default, which is the reference behaviour.
 *
 * @param dwellCycles GREEN turns YELLOW only on the {@code dwellCycles}-th consecutive cycle above
 *     target; before that the zone stays GREEN and the rate is held. RED and SOFT_RED never wait.
 * @param deadbandMs from YELLOW, GREEN only once the delta is below
 *     {@code target - min(deadbandMs, target / 2)}
 */
public record Hysteresis(int dwellCycles, double deadbandMs) {

    public static final Hysteresis OFF = new Hysteresis(0, 0);

    public Hysteresis {
        if (dwellCycles < 0) {
            throw new IllegalArgumentException("dwellCycles must not be negative, got " + dwellCycles);
        }
        Checks.nonNegativeFinite(deadbandMs, "deadbandMs");
    }
}
