package dev.wanctl.core.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CSV that {@link FlightRecorder} writes, row by row: the {@code #key=value} metadata,
 * the header, then each row's fields, checked against the header's width. One reader of the
 * format for everything that reads a recording back ({@code wanctl plot}, steering's replay), so
 * they agree on what a recording is. Blank lines and {@code #} lines between rows are skipped.
 */
public final class RecordingReader {

    /** A row or header the format does not allow; {@link #line()} is its 1-based line number. */
    public static final class FormatException extends RuntimeException {
        private final int line;

        FormatException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final BufferedReader in;
    private final Map<String, String> metadata;
    private final String headerLine;
    private final List<String> header;
    private int lineNo;

    private RecordingReader(BufferedReader in) throws IOException {
        this.in = in;
        Map<String, String> meta = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.startsWith("#")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    meta.put(line.substring(1, eq).strip(), line.substring(eq + 1).strip());
                }
            } else if (!line.isBlank()) {
                break;
            }
        }
        this.metadata = Collections.unmodifiableMap(meta);
        this.headerLine = line;
        List<String> names = new ArrayList<>();
        if (line != null) {
            for (String name : line.strip().split(",", -1)) {
                names.add(name.strip());
            }
        }
        this.header = List.copyOf(names);
    }

    /** Reads the metadata and the header; the rows follow with {@link #next()}. */
    public static RecordingReader open(BufferedReader in) throws IOException {
        return new RecordingReader(in);
    }

    /** The {@code #key=value} lines before the header, in order. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The first line that is neither metadata nor blank, as read; null when there is none. */
    public String headerLine() {
        return headerLine;
    }

    /** Where the column {@code name} is in each row; -1 when the recording has none. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** How many fields the header names. */
    public int width() {
        return header.size();
    }

    /** The line number of the header, or of the last row {@link #next()} returned. */
    public int lineNo() {
        return lineNo;
    }

    /**
     * The next row's fields, as written (not stripped); null at the end.
     *
     * @throws FormatException when a row has another number of fields than the header
     */
    public String[] next() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != header.size()) {
                throw new FormatException(lineNo, f.length + " fields, the header has " + header.size());
            }
            return f;
        }
        return null;
    }
}
