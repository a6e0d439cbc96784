package dev.wanctl.routeros;

/**
 * A queue-tree item's configuration as the router reports it.
 *
 * @param id the RouterOS id ({@code *1000001}); changes after a config restore
 * @param maxLimitBps {@code max-limit} in bit/s, 0 meaning unlimited
 * @param queueType the queue type's name ({@code cake-down}), or an id like {@code *2A} if the
 *     type was deleted
 */
public record QueueInfo(String id, String name, String parent, String queueType, long maxLimitBps, boolean disabled) {}
