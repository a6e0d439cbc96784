package dev.wanctl.steering;

import dev.wanctl.core.control.Zone;

/**
 * What the last steering cycle saw and decided, published for /health and systemd's status line
 * (other threads never touch the cycle's own state).
 *
 * @param cycle the cycle's number, -1 before the first
 * @param state {@code <PRIMARY>_GOOD} or {@code <PRIMARY>_DEGRADED}
 * @param rttMs the RTT the cycle used, NaN when none was fresh
 * @param deltaMs RTT over the baseline (never negative)
 * @param drops CAKE drops of the newest stats reading
 * @param queued CAKE backlog (packets) of the newest stats reading
 * @param wanZone the primary's autorate zone the cycle read, null when unknown
 * @param wanZoneAgeNanos how old that zone was ({@code Long.MAX_VALUE} when unknown)
 * @param score the confidence score, -1 when scoring is off
 * @param hold why the cycle decided nothing, null when it did
 */
record SteeringView(long cycle, long atNanos, String state, Zone congestion, double rttMs, double deltaMs,
        double rttEwmaMs, double queueEwma, long drops, long queued, Zone wanZone, long wanZoneAgeNanos, int redCount, int goodCount, int score,
        String hold) {}
