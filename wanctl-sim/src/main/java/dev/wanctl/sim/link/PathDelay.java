package dev.wanctl.sim.link;

import java.util.SplittableRandom;

/**
 * Extra base RTT shared by every reflector: a Starlink-like path whose propagation delay jumps to
 * a new value in {@code [0, maxStepMs]} at each reconfiguration (every {@code everyMs}, the first
 * 12 s in for a 15 s period, like the satellite scheduler), plus a shift set by scenario events
 * (a route change). A controller's baseline must follow the first and survive the second.
 */
public final class PathDelay {

    private final long everyMs;
    private final double maxStepMs;
    private final SplittableRandom random;
    private long nextStepMs;
    private double stepMs;
    private double shiftMs;

    /** A path whose delay steps every {@code everyMs} ({@code 0}: never) by up to {@code maxStepMs}. */
    public PathDelay(long everyMs, double maxStepMs, SplittableRandom random) {
        if (everyMs < 0 || !(maxStepMs >= 0)) {
            throw new IllegalArgumentException("path steps: every and max step must be >= 0");
        }
        this.everyMs = everyMs;
        this.maxStepMs = maxStepMs;
        this.random = random;
        this.nextStepMs = everyMs == 0 ? Long.MAX_VALUE : (everyMs == 15_000 ? 12_000 : everyMs);
    }

    /** A path with no steps. */
    public static PathDelay fixed() {
        return new PathDelay(0, 0, new SplittableRandom(0));
    }

    /** Sets the event-driven shift in ms (0 to end it). */
    public void setShiftMs(double ms) {
        shiftMs = ms;
    }

    /** The extra base RTT at {@code ms} (non-decreasing calls), ms. */
    public double offsetMs(long ms) {
        while (ms >= nextStepMs) {
            stepMs = maxStepMs * random.nextDouble();
            nextStepMs += everyMs;
        }
        return stepMs + shiftMs;
    }
}
