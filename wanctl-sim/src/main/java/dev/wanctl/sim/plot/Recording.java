package dev.wanctl.sim.plot;

import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.core.runtime.RecordingReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A flight recording read back from its CSV file (the format {@link FlightRecorder} documents):
 * metadata and one array per column, NaN where a value is unknown. Columns are found by header
 * name, so recordings from older or newer writers with other columns still read.
 */
public final class Recording {

    /** Column names, as in {@link FlightRecorder#HEADER}. */
    public enum Column {
        T_S, RTT_MS, LOAD_EWMA_MS, BASELINE_MS, DELTA_MS, DL_ZONE, UL_ZONE, DL_RATE_BPS, UL_RATE_BPS, WRITE, STEERING,
        DL_CAPACITY_BPS, UL_CAPACITY_BPS, DL_ADDED_MS, UL_ADDED_MS;

        String header() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<String, String> metadata;
    private final double[][] columns;
    private final int rows;

    private Recording(Map<String, String> metadata, double[][] columns, int rows) {
        this.metadata = metadata;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads a recording file. */
    public static Recording read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read flight recording " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a recording held in memory (what {@code wanctl simulate --plot} draws). */
    public static Recording of(FlightRecorder recorder, Map<String, String> metadata) {
        StringBuilder sb = new StringBuilder();
        try {
            recorder.writeCsv(sb, metadata);
            return parse("recording", new java.io.StringReader(sb.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses CSV text; {@code source} names it in messages. */
    public static Recording parse(String source, Reader text) throws IOException {
        RecordingReader in = RecordingReader.open(new BufferedReader(text));
        String line = in.headerLine();
        if (line == null || !line.startsWith("t_s")) {
            throw new IllegalArgumentException(source + ": not a flight recording (expected a header line starting "
                    + "with 't_s' after the '#' metadata lines" + (line == null ? ", found none" : ", found '" + line + "'") + ")");
        }
        int[] index = new int[Column.values().length];
        for (Column c : Column.values()) {
            index[c.ordinal()] = in.column(c.header());
        }
        double[][] cols = new double[Column.values().length][1024];
        int n = 0;
        String[] f;
        while ((f = next(in, source)) != null) {
            if (n == cols[0].length) {
                for (int c = 0; c < cols.length; c++) {
                    cols[c] = Arrays.copyOf(cols[c], n * 2);
                }
            }
            for (Column c : Column.values()) {
                int i = index[c.ordinal()];
                cols[c.ordinal()][n] = i < 0 ? Double.NaN : value(c, f[i].strip(), source, in.lineNo());
            }
            n++;
        }
        for (int c = 0; c < cols.length; c++) {
            cols[c] = Arrays.copyOf(cols[c], n);
        }
        return new Recording(in.metadata(), cols, n);
    }

    private static String[] next(RecordingReader in, String source) throws IOException {
        try {
            return in.next();
        } catch (RecordingReader.FormatException e) {
            throw new IllegalArgumentException(source + " line " + e.line() + ": " + e.getMessage());
        }
    }

    private static double value(Column c, String s, String source, int lineNo) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        if (c == Column.DL_ZONE || c == Column.UL_ZONE) {
            return FlightRecorder.zoneCode(s);
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " line " + lineNo + ": " + c.header() + " is not a number: '" + s + "'");
        }
    }

    /** Number of cycles. */
    public int rows() {
        return rows;
    }

    /** One column's values (NaN where unknown). Do not modify. */
    public double[] column(Column c) {
        return columns[c.ordinal()];
    }

    /** Whether the column has at least one known value. */
    public boolean has(Column c) {
        for (double v : columns[c.ordinal()]) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code # key=value} lines. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** A metadata value as a number, or {@code fallback}. */
    public double metaNumber(String key, double fallback) {
        try {
            return Double.parseDouble(metadata.getOrDefault(key, ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
