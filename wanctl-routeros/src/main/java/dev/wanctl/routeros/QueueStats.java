package dev.wanctl.routeros;

/**
 * A queue-tree item's statistics. {@code bytes}, {@code packets} and {@code dropped} are the
 * router's cumulative 64-bit counters (they go back to 0 on reset or reboot); {@code queued*} are
 * the instantaneous backlog; {@code rateBps} is the router's average rate in bit/s.
 */
public record QueueStats(
        String name,
        long bytes,
        long packets,
        long dropped,
        long queuedBytes,
        long queuedPackets,
        long rateBps) {}
