package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.Direction;
import java.util.List;

/**
 * The controllers every scorecard compares against: no shaping at all (what an unmanaged line
 * does), a static shaper at 90 % of the ceiling (what most people configure once), and an oracle
 * that knows the true capacity and shapes at 95 % of it every millisecond (the bound).
 */
public final class Baselines {

    /** Fraction of the ceiling the static baseline shapes at. */
    public static final double STATIC_FRACTION = 0.90;
    /** Fraction of the true capacity the oracle shapes at. */
    public static final double ORACLE_FRACTION = 0.95;
    /** The oracle never shapes below 8 kbit/s (a capacity gap would otherwise read as "unshaped"). */
    private static final long ORACLE_MIN_BPS = 8_000;

    private Baselines() {
    }

    /** {@code none}, {@code static}, {@code oracle}, in that order. */
    public static List<NamedController> all() {
        return List.of(
                new NamedController("none", "no shaper: the ISP's buffer sees everything", h -> fixed(h, 0, 0)),
                new NamedController("static", "CAKE at 90 % of the configured ceiling, never changed",
                        h -> fixed(h, Math.round(STATIC_FRACTION * h.ceilingBps(Direction.DOWNLOAD)),
                                Math.round(STATIC_FRACTION * h.ceilingBps(Direction.UPLOAD)))),
                new NamedController("oracle", "CAKE at 95 % of the true capacity, set every millisecond (the bound)",
                        Baselines::oracle));
    }

    /** Writes the given rates, and again whenever the router has other rates (after an outage). */
    private static Controller fixed(SimHarness h, long dlBps, long ulBps) {
        return Controller.every(1000, now -> write(h.router(), dlBps, ulBps));
    }

    private static Controller oracle(SimHarness h) {
        return Controller.every(1, now -> write(h.router(),
                Math.max(ORACLE_MIN_BPS, Math.round(ORACLE_FRACTION * h.truth().capacityBps(Direction.DOWNLOAD))),
                Math.max(ORACLE_MIN_BPS, Math.round(ORACLE_FRACTION * h.truth().capacityBps(Direction.UPLOAD)))));
    }

    /** Writes the pair when the router has other rates (so a write refused in an outage is retried). */
    private static void write(SimRouter r, long dlBps, long ulBps) {
        if (r.maxLimitBps(Direction.DOWNLOAD) != dlBps || r.maxLimitBps(Direction.UPLOAD) != ulBps) {
            r.setMaxLimits(dlBps, ulBps);
        }
    }
}
