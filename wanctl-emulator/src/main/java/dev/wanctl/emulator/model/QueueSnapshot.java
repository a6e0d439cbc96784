package dev.wanctl.emulator.model;

/**
 * A queue-tree item as the emulated router holds it, for tests and the simulator (no transport
 * in between).
 */
public record QueueSnapshot(
        String id,
        String name,
        String parent,
        String queueType,
        long maxLimitBps,
        long limitAtBps,
        int priority,
        String comment,
        boolean disabled,
        long bytes,
        long packets,
        long dropped,
        long queuedBytes,
        long queuedPackets,
        long rateBps,
        long packetRate) {}
