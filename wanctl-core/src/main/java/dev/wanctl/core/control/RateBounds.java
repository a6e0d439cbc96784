package dev.wanctl.core.control;

/** Keeps a rate between a floor and a ceiling: the floor raises it, then the ceiling caps it. */
public final class RateBounds {

    private RateBounds() {}

    /** {@code min(max(rateBps, floorBps), ceilingBps)}. */
    public static long clamp(long rateBps, long floorBps, long ceilingBps) {
        if (floorBps > ceilingBps) {
            throw new IllegalArgumentException("floor " + floorBps + " is above ceiling " + ceilingBps);
        }
        return Math.min(Math.max(rateBps, floorBps), ceilingBps);
    }
}
