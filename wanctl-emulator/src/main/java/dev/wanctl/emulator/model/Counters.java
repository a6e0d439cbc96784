package dev.wanctl.emulator.model;

/**
 * Statistics of one item: cumulative 64-bit counters ({@code bytes}, {@code packets},
 * {@code dropped}) that only grow until a reset or a reboot, and instantaneous values (backlog,
 * rates). Guarded by the state's lock.
 */
public final class Counters {

    public long bytes;
    public long packets;
    public long dropped;
    public long queuedBytes;
    public long queuedPackets;
    public long rateBps;
    long packetRate;

    void add(long moreBytes, long morePackets, long moreDropped) {
        bytes += moreBytes;
        packets += morePackets;
        dropped += moreDropped;
    }

    /** {@code reset-counters}: the cumulative counters go back to 0. */
    public void resetCumulative() {
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
