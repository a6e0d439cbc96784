package dev.wanctl.core.control;

/**
 * The download rate law: four zones from the delta, a multiplicative cut every RED cycle, a hold
 * in confirmed SOFT_RED and YELLOW (or a gentle cut with {@code factorDownYellow}), and an
 * additive step every GREEN cycle once {@code greenRequired} GREEN cycles have passed. Each zone
 * has a floor that both limits and raises the rate; the ceiling caps it.
 *
 * <p>Decides exactly what the reference implementation decides for the same deltas when no
 * post-reference key is set. Allocation-free.
 */
public final class DownloadPolicy {

    private final DownloadParams p;
    private final ZoneFilter filter;
    private long rateBps;
    private Zone zone = Zone.GREEN;
    private int greenStreak;
    private int softRedStreak;
    private int redStreak;

    /** Starts at the ceiling, as without persisted state. */
    public DownloadPolicy(DownloadParams params) {
        this.p = params;
        this.filter = new ZoneFilter(params.thresholds().targetMs(), params.hysteresis());
        this.rateBps = params.ceilingBps();
    }

    /** One cycle: classifies {@code deltaMs} and returns the new rate in bit/s. */
    public long update(double deltaMs) {
        Zone z = filter.filter(classify(deltaMs), zone, deltaMs);
        if (filter.heldGreen()) {
            zone = Zone.GREEN;
            return rateBps;
        }
        switch (z) {
            case RED -> {
                redStreak++;
                softRedStreak = 0;
                greenStreak = 0;
                zone = Zone.RED;
            }
            case SOFT_RED -> {
                softRedStreak++;
                redStreak = 0;
                greenStreak = 0;
                zone = softRedStreak >= p.softRedRequired() ? Zone.SOFT_RED : Zone.YELLOW;
            }
            case YELLOW -> {
                redStreak = 0;
                softRedStreak = 0;
                greenStreak = 0;
                zone = Zone.YELLOW;
            }
            case GREEN -> {
                greenStreak++;
                redStreak = 0;
                softRedStreak = 0;
                zone = Zone.GREEN;
            }
        }
        long next;
        long floor;
        if (redStreak >= 1) {
            next = (long) (rateBps * p.factorDown());
            floor = p.floorRedBps();
        } else if (zone == Zone.SOFT_RED) {
            next = rateBps;
            floor = p.floorSoftRedBps();
        } else if (greenStreak >= p.greenRequired()) {
            next = rateBps + p.stepUpBps();
            floor = p.floorGreenBps();
        } else if (zone == Zone.YELLOW) {
            next = (long) (rateBps * p.factorDownYellow());
            floor = p.floorYellowBps();
        } else {
            next = rateBps;
            floor = p.floorGreenBps();
        }
        rateBps = RateBounds.clamp(next, floor, p.ceilingBps());
        return rateBps;
    }

    private Zone classify(double deltaMs) {
        Thresholds t = p.thresholds();
        if (deltaMs > t.hardRedMs()) {
            return Zone.RED;
        }
        if (deltaMs > t.warnMs()) {
            return Zone.SOFT_RED;
        }
        if (deltaMs > t.targetMs()) {
            return Zone.YELLOW;
        }
        return Zone.GREEN;
    }

    /**
     * Restores persisted state. The rate is clamped to the current lowest floor and ceiling (the
     * config may have changed); the zone is inferred from the streaks as the reference does.
     */
    public void restore(long rateBps, Streaks streaks) {
        this.rateBps = RateBounds.clamp(rateBps, p.floorRedBps(), p.ceilingBps());
        this.greenStreak = streaks.green();
        this.softRedStreak = streaks.softRed();
        this.redStreak = streaks.red();
        if (redStreak > 0) {
            zone = Zone.RED;
        } else if (softRedStreak >= p.softRedRequired()) {
            zone = Zone.SOFT_RED;
        } else if (softRedStreak > 0) {
            zone = Zone.YELLOW;
        } else {
            zone = Zone.GREEN;
        }
    }

    public long rateBps() {
        return rateBps;
    }

    /** The zone reported for the last cycle (an unconfirmed SOFT_RED reads YELLOW). */
    public Zone zone() {
        return zone;
    }

    public Streaks streaks() {
        return new Streaks(greenStreak, softRedStreak, redStreak);
    }

    public DownloadParams params() {
        return p;
    }
}
