package dev.wanctl.sim.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a capacity file: lines {@code t_ms,capacity_mbps} with increasing times, the first at 0;
 * each level holds until the next line, the last one for ever. An optional header line and
 * {@code #} comments are skipped. Lets users describe their own link's measured capacity.
 */
final class CapacityCsv {

    private CapacityCsv() {
    }

    static StepCapacity read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read capacity file " + file + ": " + e.getMessage(), e);
        }
        StepBuilder b = new StepBuilder();
        double peak = 0;
        long last = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.startsWith("t_ms"))) {
                continue;
            }
            String[] parts = line.split(",");
            long t;
            double mbps;
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                t = Long.parseLong(parts[0].strip());
                mbps = Double.parseDouble(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": expected 't_ms,capacity_mbps' (e.g. '0,940'), got '" + line + "'");
            }
            if ((last < 0 && t != 0) || t <= last || !(mbps >= 0)) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": times must start at 0 and increase, capacity must be >= 0; got '" + line + "'");
            }
            b.at(t, mbps * 1e6);
            peak = Math.max(peak, mbps * 1e6);
            last = t;
        }
        if (last < 0) {
            throw new IllegalArgumentException(file + ": no 't_ms,capacity_mbps' rows");
        }
        return b.build(peak, 0, new java.util.SplittableRandom(0));
    }
}
