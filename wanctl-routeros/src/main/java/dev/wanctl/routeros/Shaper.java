package dev.wanctl.routeros;

/**
 * Autorate's role: read and set the rate of a download and an upload queue, and read their
 * counters. A "queue" is what the backend shapes with: a RouterOS queue-tree item found by its
 * exact {@code name}, or a Linux network device whose root qdisc shapes (linux-tc).
 * Implementations resolve and cache ids themselves and re-resolve once when an id vanished.
 */
public interface Shaper extends RouterBackend {

    /** Reads a queue's configuration. */
    QueueInfo readQueue(String name) throws RouterException;

    /** Sets a queue's rate limit ({@code max-limit}) in bit/s. */
    void setMaxLimit(String name, long maxLimitBps) throws RouterException;

    /** Reads a queue's counters (cumulative) and backlog (instantaneous). */
    QueueStats readQueueStats(String name) throws RouterException;

    /**
     * Reads two queues' counters, in one request where the backend can (the autorate daemon reads
     * both queues' byte counters on a budget of router requests). Index 0 is {@code first}, 1 is
     * {@code second}.
     */
    default QueueStats[] readQueueStats(String first, String second) throws RouterException {
        return new QueueStats[] {readQueueStats(first), readQueueStats(second)};
    }
}
