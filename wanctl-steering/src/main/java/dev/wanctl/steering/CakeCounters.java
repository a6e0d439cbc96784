package dev.wanctl.steering;

/**
 * Turns the router's cumulative {@code dropped} and {@code packets} counters into "since the
 * previous reading". The first reading only sets the base (delta 0: the reference returned the raw
 * cumulative values there, which could steer at start); a counter that went backwards was reset
 * (reboot, {@code reset-counters}): delta 0 and the new value becomes the base.
 */
final class CakeCounters {

    private boolean based;
    private long dropped;
    private long packets;
    private long dropsDelta;
    private long packetsDelta;
    private boolean wasReset;

    /** Takes one reading of the cumulative counters. */
    void update(long droppedTotal, long packetsTotal) {
        wasReset = based && (droppedTotal < dropped || packetsTotal < packets);
        if (!based || wasReset) {
            dropsDelta = 0;
            packetsDelta = 0;
        } else {
            dropsDelta = droppedTotal - dropped;
            packetsDelta = packetsTotal - packets;
        }
        based = true;
        dropped = droppedTotal;
        packets = packetsTotal;
    }

    /** Drops since the previous reading. */
    long dropsDelta() {
        return dropsDelta;
    }

    /** Packets since the previous reading. */
    long packetsDelta() {
        return packetsDelta;
    }

    /** Whether the last reading found the counters reset. */
    boolean wasReset() {
        return wasReset;
    }
}
