package dev.wanctl.core.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bounded rolling record of the last control cycles, kept in primitive ring buffers so that a
 * daemon can record every cycle at 20 Hz without allocating, and dump the last minutes to a CSV
 * file when someone asks what happened ({@code wanctl plot} draws it). The simulator records the
 * same rows plus the link's true capacity and added latency.
 *
 * <h2>CSV format</h2>
 * UTF-8, {@code \n} line ends. First, zero or more metadata lines {@code # key=value} (e.g.
 * {@code # wan=spectrum}, {@code # target_bloat_ms=15}, {@code # warn_bloat_ms=45},
 * {@code # hard_red_bloat_ms=80}); then the header line {@link #HEADER}; then one row per cycle,
 * oldest first. An empty field means "not known" (no RTT this cycle, not a simulation).
 * <ul>
 *   <li>{@code t_s}: monotonic clock time of the cycle in seconds (3 decimals)</li>
 *   <li>{@code rtt_ms, load_ewma_ms, baseline_ms, delta_ms}: the cycle's RTT sample, load EWMA,
 *       baseline EWMA and {@code load - baseline} (3 decimals)</li>
 *   <li>{@code dl_zone, ul_zone}: {@code GREEN}, {@code YELLOW}, {@code SOFT_RED}, {@code RED}</li>
 *   <li>{@code dl_rate_bps, ul_rate_bps}: the shaper rates in force after the cycle, bit/s</li>
 *   <li>{@code write}: 1 when the cycle changed a rate on the router; {@code steering}: 1 while
 *       latency-sensitive traffic is steered to the other WAN</li>
 *   <li>{@code dl_capacity_bps, ul_capacity_bps, dl_added_ms, ul_added_ms}: simulation only, the
 *       link's true capacity and the queueing delay a user's packet sees</li>
 *   <li>{@code drops, queued_packets, wan_zone, wan_zone_age_s}: steering only, the rest of what
 *       its decision read (the newest CAKE stats reading's drops and backlog, the primary's
 *       autorate zone and that zone's age), so {@code wanctl replay --steering} can step the
 *       decision again from a recording</li>
 * </ul>
 */
public final class FlightRecorder {

    /** The CSV header line. */
    public static final String HEADER = "t_s,rtt_ms,load_ewma_ms,baseline_ms,delta_ms,dl_zone,ul_zone,"
            + "dl_rate_bps,ul_rate_bps,write,steering,dl_capacity_bps,ul_capacity_bps,dl_added_ms,ul_added_ms,"
            + "drops,queued_packets,wan_zone,wan_zone_age_s";

    /** Zone codes, in order of severity; {@link #ZONE_NONE} when unknown. */
    public static final byte ZONE_NONE = -1;
    public static final byte ZONE_GREEN = 0;
    public static final byte ZONE_YELLOW = 1;
    public static final byte ZONE_SOFT_RED = 2;
    public static final byte ZONE_RED = 3;
    private static final List<String> ZONE_NAMES = List.of("GREEN", "YELLOW", "SOFT_RED", "RED");

    private static final byte FLAG_WRITE = 1;
    private static final byte FLAG_STEERING = 2;

    private final int capacity;
    private final long[] timeNanos;
    private final float[] rttMs;
    private final float[] loadEwmaMs;
    private final float[] baselineMs;
    private final float[] deltaMs;
    private final byte[] dlZone;
    private final byte[] ulZone;
    private final long[] dlRateBps;
    private final long[] ulRateBps;
    private final byte[] flags;
    private final float[] dlCapacityBps;
    private final float[] ulCapacityBps;
    private final float[] dlAddedMs;
    private final float[] ulAddedMs;
    private final int[] drops;
    private final int[] queuedPackets;
    private final byte[] wanZone;
    private final float[] wanZoneAgeSec;
    private int next;
    private int size;

    /** A recorder that keeps the newest {@code capacity} cycles (e.g. 12 000: ten minutes at 20 Hz). */
    public FlightRecorder(int capacity) {
        this(capacity, false);
    }

    /**
     * A recorder that also keeps steering's signals ({@code drops} to {@code wan_zone_age_s});
     * without them those columns stay empty and cost no memory.
     */
    public FlightRecorder(int capacity, boolean steeringSignals) {
        if (capacity < 1) {
            throw new IllegalArgumentException("flight recorder capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        timeNanos = new long[capacity];
        rttMs = new float[capacity];
        loadEwmaMs = new float[capacity];
        baselineMs = new float[capacity];
        deltaMs = new float[capacity];
        dlZone = new byte[capacity];
        ulZone = new byte[capacity];
        dlRateBps = new long[capacity];
        ulRateBps = new long[capacity];
        flags = new byte[capacity];
        dlCapacityBps = new float[capacity];
        ulCapacityBps = new float[capacity];
        dlAddedMs = new float[capacity];
        ulAddedMs = new float[capacity];
        int steering = steeringSignals ? capacity : 0;
        drops = new int[steering];
        queuedPackets = new int[steering];
        wanZone = new byte[steering];
        wanZoneAgeSec = new float[steering];
    }

    /**
     * One cycle's values, filled in by the caller and reused from cycle to cycle (so recording
     * allocates nothing). Unknown values stay NaN / {@link #ZONE_NONE} after {@link #clear()}.
     */
    public static final class Cycle {
        public long timeNanos;
        public double rttMs;
        public double loadEwmaMs;
        public double baselineMs;
        public double deltaMs;
        public byte dlZone;
        public byte ulZone;
        public long dlRateBps;
        public long ulRateBps;
        public boolean wrote;
        public boolean steering;
        public double dlCapacityBps;
        public double ulCapacityBps;
        public double dlAddedMs;
        public double ulAddedMs;
        /** CAKE drops of the newest stats reading; -1 when unknown. */
        public long drops;
        /** CAKE backlog (packets) of the newest stats reading; -1 when unknown. */
        public long queuedPackets;
        /** The primary's autorate zone as steering read it. */
        public byte wanZone;
        /** How old that zone was (s); NaN when unknown. */
        public double wanZoneAgeSec;

        /** An empty cycle: every value unknown. */
        public Cycle() {
            clear();
        }

        /** Resets every value to unknown. */
        public Cycle clear() {
            timeNanos = 0;
            rttMs = Double.NaN;
            loadEwmaMs = Double.NaN;
            baselineMs = Double.NaN;
            deltaMs = Double.NaN;
            dlZone = ZONE_NONE;
            ulZone = ZONE_NONE;
            dlRateBps = 0;
            ulRateBps = 0;
            wrote = false;
            steering = false;
            dlCapacityBps = Double.NaN;
            ulCapacityBps = Double.NaN;
            dlAddedMs = Double.NaN;
            ulAddedMs = Double.NaN;
            drops = -1;
            queuedPackets = -1;
            wanZone = ZONE_NONE;
            wanZoneAgeSec = Double.NaN;
            return this;
        }
    }

    /** Appends one cycle, overwriting the oldest when full. Allocation-free. */
    public synchronized void record(Cycle c) {
        int i = next;
        timeNanos[i] = c.timeNanos;
        rttMs[i] = (float) c.rttMs;
        loadEwmaMs[i] = (float) c.loadEwmaMs;
        baselineMs[i] = (float) c.baselineMs;
        deltaMs[i] = (float) c.deltaMs;
        dlZone[i] = c.dlZone;
        ulZone[i] = c.ulZone;
        dlRateBps[i] = c.dlRateBps;
        ulRateBps[i] = c.ulRateBps;
        flags[i] = (byte) ((c.wrote ? FLAG_WRITE : 0) | (c.steering ? FLAG_STEERING : 0));
        dlCapacityBps[i] = (float) c.dlCapacityBps;
        ulCapacityBps[i] = (float) c.ulCapacityBps;
        dlAddedMs[i] = (float) c.dlAddedMs;
        ulAddedMs[i] = (float) c.ulAddedMs;
        if (drops.length > 0) {
            drops[i] = count(c.drops);
            queuedPackets[i] = count(c.queuedPackets);
            wanZone[i] = c.wanZone;
            wanZoneAgeSec[i] = (float) c.wanZoneAgeSec;
        }
        next = (i + 1) % capacity;
        if (size < capacity) {
            size++;
        }
    }

    /** How many cycles are held. */
    public synchronized int size() {
        return size;
    }

    /** How many cycles can be held. */
    public int capacity() {
        return capacity;
    }

    /** The zone code for a zone's name ({@code GREEN}, ..., {@code RED}); {@link #ZONE_NONE} otherwise. */
    public static byte zoneCode(String name) {
        int i = ZONE_NAMES.indexOf(name);
        return (byte) i;
    }

    /** The name of a zone code, or the empty string for {@link #ZONE_NONE}. */
    public static String zoneName(int code) {
        return code >= 0 && code < ZONE_NAMES.size() ? ZONE_NAMES.get(code) : "";
    }

    /**
     * Writes the held cycles, oldest first, as CSV with the given metadata lines first. The rows are
     * copied under the lock and formatted outside it, so a daemon's loop recording its next cycle
     * waits for an array copy (under a millisecond for ten minutes at 20 Hz), never for the CSV.
     */
    public void writeCsv(Appendable out, Map<String, String> metadata) throws IOException {
        FlightRecorder copy;
        synchronized (this) {
            copy = new FlightRecorder(Math.max(1, size), drops.length > 0);
            int first = (next - size + capacity) % capacity;
            for (int k = 0; k < size; k++) {
                copy.copyRow(this, (first + k) % capacity, k);
            }
            copy.size = size;
            copy.next = size % copy.capacity;
        }
        copy.format(out, metadata);
    }

    private void copyRow(FlightRecorder from, int i, int k) {
        timeNanos[k] = from.timeNanos[i];
        rttMs[k] = from.rttMs[i];
        loadEwmaMs[k] = from.loadEwmaMs[i];
        baselineMs[k] = from.baselineMs[i];
        deltaMs[k] = from.deltaMs[i];
        dlZone[k] = from.dlZone[i];
        ulZone[k] = from.ulZone[i];
        dlRateBps[k] = from.dlRateBps[i];
        ulRateBps[k] = from.ulRateBps[i];
        flags[k] = from.flags[i];
        dlCapacityBps[k] = from.dlCapacityBps[i];
        ulCapacityBps[k] = from.ulCapacityBps[i];
        dlAddedMs[k] = from.dlAddedMs[i];
        ulAddedMs[k] = from.ulAddedMs[i];
        if (drops.length > 0) {
            drops[k] = from.drops[i];
            queuedPackets[k] = from.queuedPackets[i];
            wanZone[k] = from.wanZone[i];
            wanZoneAgeSec[k] = from.wanZoneAgeSec[i];
        }
    }

    private void format(Appendable out, Map<String, String> metadata) throws IOException {
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey().contains("=") || (e.getKey() + e.getValue()).contains("\n")) {
                throw new IllegalArgumentException("metadata key/value may not contain '=' or a line break: " + e);
            }
            out.append("# ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        out.append(HEADER).append('\n');
        StringBuilder row = new StringBuilder(160);
        int first = (next - size + capacity) % capacity;
        for (int k = 0; k < size; k++) {
            int i = (first + k) % capacity;
            row.setLength(0);
            row.append(String.format(Locale.ROOT, "%.3f", timeNanos[i] / 1e9)).append(',');
            decimal(row, rttMs[i]).append(',');
            decimal(row, loadEwmaMs[i]).append(',');
            decimal(row, baselineMs[i]).append(',');
            decimal(row, deltaMs[i]).append(',');
            row.append(zoneName(dlZone[i])).append(',');
            row.append(zoneName(ulZone[i])).append(',');
            row.append(dlRateBps[i]).append(',');
            row.append(ulRateBps[i]).append(',');
            row.append((flags[i] & FLAG_WRITE) != 0 ? '1' : '0').append(',');
            row.append((flags[i] & FLAG_STEERING) != 0 ? '1' : '0').append(',');
            whole(row, dlCapacityBps[i]).append(',');
            whole(row, ulCapacityBps[i]).append(',');
            decimal(row, dlAddedMs[i]).append(',');
            decimal(row, ulAddedMs[i]).append(',');
            if (drops.length > 0) {
                count(row, drops[i]).append(',');
                count(row, queuedPackets[i]).append(',');
                row.append(zoneName(wanZone[i])).append(',');
                decimal(row, wanZoneAgeSec[i]).append('\n');
            } else {
                row.append(",,,\n");
            }
            out.append(row);
        }
    }

    /** Writes the CSV to {@code file} atomically (temporary file, then rename). */
    public void dumpCsv(Path file, Map<String, String> metadata) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".flight", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                writeCsv(w, metadata);
                w.close();
                // a temporary file is owner-only; a recording is for reading by people and tools
                if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write flight recording " + file + ": " + e.getMessage(), e);
        }
    }

    private static StringBuilder decimal(StringBuilder sb, float v) {
        return Float.isNaN(v) ? sb : sb.append(String.format(Locale.ROOT, "%.3f", v));
    }

    /** A count for an int column: -1 (unknown) for a negative value, capped at Integer.MAX_VALUE. */
    private static int count(long v) {
        return v < 0 ? -1 : (int) Math.min(Integer.MAX_VALUE, v);
    }

    private static StringBuilder count(StringBuilder sb, int v) {
        return v < 0 ? sb : sb.append(v);
    }

    private static StringBuilder whole(StringBuilder sb, float v) {
        return Float.isNaN(v) ? sb : sb.append(Math.round((double) v));
    }
}
