package dev.wanctl.core.control;

import java.util.List;
import java.util.Objects;

/**
 * What a control law has learned and a restart or reload must not lose: each direction's rate and
 * streaks and the RTT EWMAs (the reference implementation's state-file groups {@code download},
 * {@code upload} and {@code ewma}). A null group is unknown (a state file without it, or a value
 * refused): {@link ControlLaw#restore} keeps its own value. A reload hands the old law's state to
 * the new law directly, checked by {@link #admit} against the new config as a state file is.
 */
public record ControllerState(Direction download, Direction upload, Rtt rtt) {

    /** Nothing known. */
    public static final ControllerState NONE = new ControllerState(null, null, null);

    /**
     * The largest RTT EWMA a state may hold: a reply later than 10 s counts as lost, so no
     * measured load can be above it (a persisted 1e308 kept a download RED for 80 s).
     */
    public static final double MAX_PLAUSIBLE_RTT_MS = 10_000;

    /** One direction: the rate in bit/s and the consecutive-cycle counters. */
    public record Direction(long rateBps, Streaks streaks) {
        public Direction {
            Objects.requireNonNull(streaks, "streaks");
        }
    }

    /** The RTT EWMAs in ms: idle baseline and loaded RTT (NaN: unknown, the link starts idle at the baseline). */
    public record Rtt(double baselineMs, double loadMs) {}

    /** Whether any group is known. */
    public boolean any() {
        return download != null || upload != null || rtt != null;
    }

    /**
     * This state as {@code p} admits it: a rate outside [0, the ceiling] (one below the floor is
     * raised to it by the law), a baseline that is not a positive number within
     * {@code baseline_rtt_bounds} (not clamped: a clamped 1e-9 became a 1 ms baseline that never
     * rose, a clamped 900 ms one took bloat for idle), or a load RTT that is not a positive number
     * up to {@link #MAX_PLAUSIBLE_RTT_MS} is dropped and named, with the reason, in {@code ignored}
     * (by its state-file key).
     */
    public ControllerState admit(ControllerParams p, List<String> ignored) {
        Direction dl = download != null && rateAdmitted(download.rateBps(), p.download().ceilingBps(),
                "download.current_rate", ignored) ? download : null;
        Direction ul = upload != null && rateAdmitted(upload.rateBps(), p.upload().ceilingBps(),
                "upload.current_rate", ignored) ? upload : null;
        Rtt r = null;
        if (rtt != null && rttField(rtt.baselineMs(), "ewma.baseline_rtt", ignored)
                && baselineAdmitted(rtt.baselineMs(), p.rtt(), ignored)) {
            double load = rtt.loadMs();
            if (!Double.isNaN(load) && !(rttField(load, "ewma.load_rtt", ignored) && loadAdmitted(load, ignored))) {
                load = Double.NaN;
            }
            r = new Rtt(rtt.baselineMs(), load);
        }
        return new ControllerState(dl, ul, r);
    }

    /** Whether {@code rateBps} is within [0, {@code ceilingBps}]; else names it in {@code ignored}. */
    public static boolean rateAdmitted(long rateBps, long ceilingBps, String path, List<String> ignored) {
        if (rateBps < 0 || rateBps > ceilingBps) {
            ignored.add(path + " (" + rateBps + " bit/s is outside [0, " + ceilingBps + "])");
            return false;
        }
        return true;
    }

    /** Whether the baseline is within the tracker's bounds; else names it in {@code ignored}. */
    public static boolean baselineAdmitted(double baselineMs, RttTrackerParams p, List<String> ignored) {
        if (baselineMs < p.baselineMinMs() || baselineMs > p.baselineMaxMs()) {
            ignored.add("ewma.baseline_rtt (" + baselineMs + " ms is outside baseline_rtt_bounds ["
                    + p.baselineMinMs() + ", " + p.baselineMaxMs() + "] ms)");
            return false;
        }
        return true;
    }

    /** Whether the load RTT is at most {@link #MAX_PLAUSIBLE_RTT_MS}; else names it in {@code ignored}. */
    public static boolean loadAdmitted(double loadMs, List<String> ignored) {
        if (loadMs > MAX_PLAUSIBLE_RTT_MS) {
            ignored.add("ewma.load_rtt (" + loadMs + " ms is above " + MAX_PLAUSIBLE_RTT_MS
                    + " ms, later than any reply counts)");
            return false;
        }
        return true;
    }

    private static boolean rttField(double v, String path, List<String> ignored) {
        if (v > 0 && Double.isFinite(v)) {
            return true;
        }
        ignored.add(path + " (" + v + ")");
        return false;
    }
}
