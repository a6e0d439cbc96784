package dev.wanctl.autorate;

import dev.wanctl.core.runtime.FlightRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A flight recording as the tests read it: the '#' metadata lines and each column by its header
 * name (zones as {@link FlightRecorder#zoneCode}, NaN where empty). The plot code's reader lives
 * in wanctl-sim, which depends on this module; this one reads only what the daemon tests check.
 */
record FlightCsv(Map<String, String> metadata, List<String> header, List<String[]> lines) {

    static FlightCsv read(Path file) {
        try {
            Map<String, String> meta = new LinkedHashMap<>();
            List<String> header = null;
            List<String[]> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        meta.put(line.substring(1, eq).strip(), line.substring(eq + 1).strip());
                    }
                } else if (line.isBlank()) {
                    continue;
                } else if (header == null) {
                    header = List.of(line.strip().split(","));
                } else {
                    lines.add(line.split(",", -1));
                }
            }
            if (header == null || !header.getFirst().equals("t_s")) {
                throw new IllegalArgumentException(file + ": no header line starting with t_s");
            }
            return new FlightCsv(meta, header, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int rows() {
        return lines.size();
    }

    double[] column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        double[] v = new double[lines.size()];
        for (int r = 0; r < v.length; r++) {
            String s = lines.get(r)[i].strip();
            v[r] = s.isEmpty() ? Double.NaN
                    : name.endsWith("_zone") ? FlightRecorder.zoneCode(s) : Double.parseDouble(s);
        }
        return v;
    }
}
