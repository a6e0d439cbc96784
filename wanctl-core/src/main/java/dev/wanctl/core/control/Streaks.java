package dev.wanctl.core.control;

/**
 * Consecutive-cycle counters of one direction, as persisted in the state file
 * ({@code green_streak}, {@code soft_red_streak}, {@code red_streak}).
 */
public record Streaks(int green, int softRed, int red) {

    public static final Streaks NONE = new Streaks(0, 0, 0);

    public Streaks {
        if (green < 0 || softRed < 0 || red < 0) {
            throw new IllegalArgumentException("streaks must not be negative: " + green + "/" + softRed + "/" + red);
        }
    }
}
