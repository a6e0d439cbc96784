package dev.wanctl.cli;

import dev.wanctl.sim.plot.Plots;
import dev.wanctl.sim.plot.Recording;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wanctl plot}: turns a flight recording into a picture. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Draw a flight recording (CSV) as a PNG or SVG.", "",
            "The recording comes from a daemon or from wanctl simulate --record; the panels share one time"
                    + " axis: RTT and baseline, delta and thresholds, zones, rates against capacity."})
final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The flight recording (CSV).")
    Path file;

    @Option(names = "--out", paramLabel = "F", required = true, description = "The picture to write: .png or .svg.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Plots.write(Recording.read(file), out);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("wanctl plot: " + e.getMessage());
            return e instanceof UncheckedIOException ? 1 : 2;
        }
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
