package dev.wanctl.sim.emulator;

/**
 * Statistics of one item: cumulative 64-bit counters ({@code bytes}, {@code packets},
 * {@code dropped}) that only grow until a reset or a reboot, and instantaneous values (backlog,
 * rates). Guarded by the state's lock.
 */
final class Counters {

    long bytes;
    long packets;
    long dropped;
    long queuedBytes;
    long queuedPackets;
    long rateBps;
    long packetRate;

    void add(long moreBytes, long morePackets, long moreDropped) {
        bytes += moreBytes;
        packets += morePackets;
        dropped += moreDropped;
    }

    /** {@code reset-counters}: the cumulative counters go back to 0. */
    void resetCumulative() {
        bytes = 0;
        packets = 0;
        dropped = 0;
    }

    /** A reboot: everything goes back to 0. */
    void resetAll() {
        resetCumulative();
        queuedBytes = 0;
        queuedPackets = 0;
        rateBps = 0;
        packetRate = 0;
    }

    /** The value of statistic {@code name} ({@code total-bytes} is the same as {@code bytes}). */
    long value(String name) {
        String n = name.startsWith("total-") ? name.substring(6) : name;
        return switch (n) {
            case "bytes" -> bytes;
            case "packets" -> packets;
            case "dropped" -> dropped;
            case "queued-bytes" -> queuedBytes;
            case "queued-packets" -> queuedPackets;
            case "rate" -> rateBps;
            case "packet-rate" -> packetRate;
            default -> 0;
        };
    }
}
