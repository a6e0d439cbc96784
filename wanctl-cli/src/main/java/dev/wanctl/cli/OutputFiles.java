package dev.wanctl.cli;

import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.sim.plot.Plots;
import dev.wanctl.sim.plot.Recording;
import java.nio.file.Path;
import java.util.Map;

/** Names and writes the files the simulate command produces. */
final class OutputFiles {

    private OutputFiles() {
    }

    /** {@code x.png} with suffix {@code -oracle} is {@code x-oracle.png}. */
    static Path withSuffix(Path file, String suffix) {
        if (suffix.isEmpty()) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        return file.resolveSibling(renamed);
    }

    static void plot(FlightRecorder recorder, Map<String, String> metadata, Path file) {
        Plots.write(Recording.of(recorder, metadata), file);
    }
}
