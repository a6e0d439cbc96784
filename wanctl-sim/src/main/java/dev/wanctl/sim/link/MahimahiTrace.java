package dev.wanctl.sim.link;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * A mahimahi link trace: one line per 1500-byte delivery opportunity, each a millisecond time stamp
 * from the start; the trace repeats with a period equal to its last time stamp (so a trace that is
 * just {@code 1} gives one packet every millisecond: 12 Mbit/s). Immutable and shared between runs.
 */
public final class MahimahiTrace {

    /** Bytes per delivery opportunity, as in mahimahi. */
    public static final int PACKET_BYTES = 1500;
    /** Width of the centred window over which a trace's true capacity is averaged. */
    static final int SMOOTHING_MS = 100;

    private static final String BUNDLED_DIR = "/dev/wanctl/sim/link/traces/";
    private static final List<String> BUNDLED = List.of(
            "ATT-LTE-driving-2016.down", "ATT-LTE-driving-2016.up",
            "TMobile-LTE-short.down", "TMobile-LTE-short.up");
    private static final Map<String, MahimahiTrace> CACHE = new ConcurrentHashMap<>();

    private final String name;
    private final int[] opportunitiesPerMs;
    private final float[] smoothedBps;
    private final long[] cumulative;
    private final double meanBps;

    private MahimahiTrace(String name, int[] opportunitiesPerMs) {
        this.name = name;
        this.opportunitiesPerMs = opportunitiesPerMs;
        this.smoothedBps = centredMeanBps(opportunitiesPerMs);
        this.cumulative = new long[opportunitiesPerMs.length + 1];
        for (int i = 0; i < opportunitiesPerMs.length; i++) {
            cumulative[i + 1] = cumulative[i] + opportunitiesPerMs[i];
        }
        this.meanBps = cumulative[opportunitiesPerMs.length] * PACKET_BYTES * 8.0 * 1000.0 / opportunitiesPerMs.length;
    }

    /** The traces shipped with the simulator (gzip-compressed resources). */
    public static List<String> bundledNames() {
        return BUNDLED;
    }

    /** A bundled trace by name (e.g. {@code TMobile-LTE-short.down}) or else a file path. */
    public static MahimahiTrace load(String nameOrPath) {
        if (BUNDLED.contains(nameOrPath)) {
            return CACHE.computeIfAbsent(nameOrPath, MahimahiTrace::loadBundled);
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("trace '" + nameOrPath + "' is neither a bundled trace "
                    + BUNDLED + " nor a readable file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return parse(nameOrPath, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + path + ": " + e.getMessage(), e);
        }
    }

    private static MahimahiTrace loadBundled(String name) {
        try (InputStream in = MahimahiTrace.class.getResourceAsStream(BUNDLED_DIR + name + ".gz")) {
            if (in == null) {
                throw new IllegalStateException("bundled trace resource missing: " + name);
            }
            return parse(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled trace " + name, e);
        }
    }

    /** Parses a trace, plain text or gzip-compressed (detected from the first bytes). */
    public static MahimahiTrace parse(String name, InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream text = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(in) : in;
        BufferedReader reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.US_ASCII));
        long[] stamps = new long[1 << 16];
        int n = 0;
        int lineNo = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            long t;
            try {
                t = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " line " + lineNo
                        + ": expected a millisecond time stamp (a whole number), got '" + s + "'");
            }
            if (t < 0 || (n > 0 && t < stamps[n - 1])) {
                throw new IllegalArgumentException(name + " line " + lineNo
                        + ": time stamps must be non-negative and non-decreasing, got " + t);
            }
            if (n == stamps.length) {
                stamps = java.util.Arrays.copyOf(stamps, n * 2);
            }
            stamps[n++] = t;
        }
        if (n == 0 || stamps[n - 1] == 0) {
            throw new IllegalArgumentException(name + ": a trace needs at least one time stamp above 0");
        }
        long period = stamps[n - 1];
        if (period > 100_000_000L) {
            throw new IllegalArgumentException(name + ": trace longer than 100000 s is not supported");
        }
        int[] perMs = new int[(int) period];
        for (int i = 0; i < n; i++) {
            // A stamp equal to the period lands on slot 0: the next loop starts there.
            perMs[(int) (stamps[i] % period)]++;
        }
        return new MahimahiTrace(name, perMs);
    }

    private static float[] centredMeanBps(int[] perMs) {
        int len = perMs.length;
        float[] out = new float[len];
        int half = SMOOTHING_MS / 2;
        long window = 0;
        for (int k = -half; k < SMOOTHING_MS - half; k++) {
            window += perMs[Math.floorMod(k, len)];
        }
        double bpsPerOpportunity = PACKET_BYTES * 8.0 * 1000.0 / SMOOTHING_MS;
        for (int i = 0; i < len; i++) {
            out[i] = (float) (window * bpsPerOpportunity);
            window += perMs[Math.floorMod(i + SMOOTHING_MS - half, len)] - perMs[Math.floorMod(i - half, len)];
        }
        return out;
    }

    /** The trace's name or path. */
    public String name() {
        return name;
    }

    /** The repeat period in ms. */
    public int periodMs() {
        return opportunitiesPerMs.length;
    }

    /** Mean capacity over one period in bit/s. */
    public double meanBps() {
        return meanBps;
    }

    int opportunitiesAt(long ms) {
        return opportunitiesPerMs[(int) (ms % opportunitiesPerMs.length)];
    }

    /**
     * Ms after the end of millisecond {@code ms} until {@code packets} (fractional) more
     * opportunities have passed; the last millisecond counts in proportion.
     */
    double drainMs(long ms, double packets) {
        if (packets <= 0) {
            return 0;
        }
        int period = opportunitiesPerMs.length;
        long total = cumulative[period];
        int p = (int) ((ms + 1) % period);
        double offset = 0;
        double left = packets;
        double restOfLoop = total - cumulative[p];
        if (left > restOfLoop) {
            left -= restOfLoop;
            offset = period - p;
            long loops = (long) Math.floor((left - 1e-9) / total);
            offset += (double) loops * period;
            left -= (double) loops * total;
            p = 0;
            if (offset > CapacitySource.MAX_DRAIN_MS) {
                return CapacitySource.MAX_DRAIN_MS;
            }
        }
        // smallest j >= p with cumulative[j + 1] - cumulative[p] >= left
        double target = cumulative[p] + left;
        int lo = p + 1;
        int hi = period;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] >= target - 1e-9) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int j = lo - 1;
        double before = cumulative[j] - cumulative[p];
        double fraction = (left - before) / opportunitiesPerMs[j];
        return Math.min(CapacitySource.MAX_DRAIN_MS, offset + (j - p) + fraction);
    }

    double smoothedBpsAt(long ms) {
        return smoothedBps[(int) (ms % smoothedBps.length)];
    }
}
