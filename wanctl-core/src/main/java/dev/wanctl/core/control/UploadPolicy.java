package dev.wanctl.core.control;

/**
 * The upload rate law: three zones (RED above {@code warnMs}, as in the reference; upload has no
 * SOFT_RED), a multiplicative cut every RED cycle, a hold in YELLOW (or {@code factorDownYellow}),
 * an additive step every GREEN cycle once {@code greenRequired} GREEN cycles have passed; bounded
 * only by the lowest floor and the ceiling. Allocation-free.
 */
public final class UploadPolicy {

    private final UploadParams p;
    private final ZoneFilter filter;
    private long rateBps;
    private Zone zone = Zone.GREEN;
    private int greenStreak;
    private int redStreak;

    /** Starts at the ceiling, as without persisted state. */
    public UploadPolicy(UploadParams params) {
        this.p = params;
        this.filter = new ZoneFilter(params.thresholds().targetMs(), params.hysteresis());
        this.rateBps = params.ceilingBps();
    }

    /** One cycle: classifies {@code deltaMs} and returns the new rate in bit/s. */
    public long update(double deltaMs) {
        Thresholds t = p.thresholds();
        Zone raw = deltaMs > t.warnMs() ? Zone.RED : deltaMs > t.targetMs() ? Zone.YELLOW : Zone.GREEN;
        Zone z = filter.filter(raw, zone, deltaMs);
        if (filter.heldGreen()) {
            zone = Zone.GREEN;
            return rateBps;
        }
        long next;
        switch (z) {
            case RED -> {
                redStreak++;
                greenStreak = 0;
                next = (long) (rateBps * p.factorDown());
            }
            case GREEN -> {
                greenStreak++;
                redStreak = 0;
                next = greenStreak >= p.greenRequired() ? rateBps + p.stepUpBps() : rateBps;
            }
            default -> {
                greenStreak = 0;
                redStreak = 0;
                next = (long) (rateBps * p.factorDownYellow());
            }
        }
        zone = z;
        rateBps = RateBounds.clamp(next, p.floorBps(), p.ceilingBps());
        return rateBps;
    }

    /** Restores persisted state, clamping the rate to the current floor and ceiling. */
    public void restore(long rateBps, Streaks streaks) {
        this.rateBps = RateBounds.clamp(rateBps, p.floorBps(), p.ceilingBps());
        this.greenStreak = streaks.green();
        this.redStreak = streaks.red();
        this.zone = redStreak > 0 ? Zone.RED : Zone.GREEN;
    }

    public long rateBps() {
        return rateBps;
    }

    public Zone zone() {
        return zone;
    }

    public Streaks streaks() {
        return new Streaks(greenStreak, 0, redStreak);
    }

    public UploadParams params() {
        return p;
    }
}
