package dev.wanctl.routeros;

/**
 * A RouterOS router, whatever the transport: both roles, {@link Shaper} (autorate's queues) and
 * {@link SteeringRouter} (steering's stats and rule), so that REST, SSH, the API, failover and
 * the emulator's in-process router are interchangeable.
 *
 * <p>Queues are found by their exact {@code name}, mangle rules by their exact {@code comment};
 * implementations resolve and cache RouterOS ids themselves and re-resolve once when an id
 * vanished (after a config restore, say).
 */
public interface RouterClient extends Shaper, SteeringRouter {

    /** Reads a queue-tree item's counters (cumulative) and backlog (instantaneous). */
    @Override
    QueueStats readQueueStats(String name) throws RouterException;
}
