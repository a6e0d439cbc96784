package dev.wanctl.routeros;

/**
 * Everything the daemons need from a RouterOS router, whatever the transport; one interface so
 * that REST, SSH, failover and the simulator's in-process router are interchangeable.
 *
 * <p>Queues are found by their exact {@code name}, mangle rules by their exact {@code comment};
 * implementations resolve and cache RouterOS ids themselves and re-resolve once when an id
 * vanished (after a config restore, say). Every call either returns or throws a
 * {@link RouterException} within the configured timeout; none retries on its own beyond that.
 * Implementations are safe for use by several threads.
 */
public interface RouterClient extends AutoCloseable {

    /** Reads a queue-tree item's configuration. */
    QueueInfo readQueue(String name) throws RouterException;

    /** Sets a queue-tree item's {@code max-limit} in bit/s. */
    void setMaxLimit(String name, long maxLimitBps) throws RouterException;

    /** Reads a queue-tree item's counters (cumulative) and backlog (instantaneous). */
    QueueStats readQueueStats(String name) throws RouterException;

    /**
     * Reads two queue-tree items' counters, in one request where the transport can (the autorate
     * daemon reads both queues' byte counters on a budget of router requests). Index 0 is
     * {@code first}, 1 is {@code second}.
     */
    default QueueStats[] readQueueStats(String first, String second) throws RouterException {
        return new QueueStats[] {readQueueStats(first), readQueueStats(second)};
    }

    /** Whether the mangle rule whose comment equals {@code comment} is enabled. */
    boolean ruleEnabled(String comment) throws RouterException;

    /** Enables or disables the mangle rule whose comment equals {@code comment}. */
    void setRuleEnabled(String comment, boolean enabled) throws RouterException;

    /** Reads version, board, CPU load and uptime. */
    SystemInfo readSystem() throws RouterException;

    /** The transport currently carrying calls, for logs and health: {@code rest}, {@code ssh}. */
    String transport();

    /** Releases connections; never throws. */
    @Override
    void close();
}
