package dev.wanctl.sim.scorecard;

/**
 * One direction's score for one run: the numbers a user feels (latency under load, bandwidth
 * kept) and the ones an operator cares about (reaction to capacity drops, floor while idle,
 * router writes). NaN means "nothing to measure" (no loaded time, no drop); steering fields are
 * null when no steering daemon ran (the simulator runs autorate only; the demo runs both).
 *
 * @param loadedSeconds time with saturating traffic in this direction
 * @param latencyP50Ms added latency while loaded (sampled every 1 ms), 50th percentile
 * @param latencyMeanMs mean added latency while loaded
 * @param throughputFraction bytes delivered / delivery opportunities, while loaded
 * @param bufferbloatSeconds time with added latency above 30 ms
 * @param drops capacity drops of 20 % or more while loaded
 * @param unsettledDrops drops after which latency never settled under 15 ms before the run ended
 * @param reactionMedianSeconds median time until added latency was back under 15 ms
 * @param idleAtFloorSeconds idle time with the shaper at or below the lowest floor
 * @param routerWritesPerMinute changes of this direction's max-limit per minute
 */
public record DirectionResult(
        double loadedSeconds,
        double latencyP50Ms,
        double latencyP95Ms,
        double latencyP99Ms,
        double latencyMeanMs,
        double throughputFraction,
        double bufferbloatSeconds,
        int drops,
        int unsettledDrops,
        double reactionMedianSeconds,
        double reactionMaxSeconds,
        double idleAtFloorSeconds,
        double routerWritesPerMinute,
        Integer steeringToggles,
        Double steeredSeconds) {

    /** This result with the steering rule's toggles and the time it steered. */
    public DirectionResult withSteering(int toggles, double seconds) {
        return new DirectionResult(loadedSeconds, latencyP50Ms, latencyP95Ms, latencyP99Ms, latencyMeanMs,
                throughputFraction, bufferbloatSeconds, drops, unsettledDrops, reactionMedianSeconds,
                reactionMaxSeconds, idleAtFloorSeconds, routerWritesPerMinute, toggles, seconds);
    }
}
