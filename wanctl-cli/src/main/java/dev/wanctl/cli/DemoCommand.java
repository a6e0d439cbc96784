package dev.wanctl.cli;

import dev.wanctl.cli.logging.LogFormat;
import dev.wanctl.cli.logging.Logging;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.sim.demo.Demo;
import dev.wanctl.sim.plot.Plots;
import dev.wanctl.sim.plot.Recording;
import dev.wanctl.sim.scenario.Durations;
import dev.wanctl.sim.scenario.ScenarioRunner;
import dev.wanctl.sim.scorecard.ScorecardTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wanctl demo}: the whole system on one machine, with no router and no network. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {
    "Run both daemons against the built-in router emulator and a simulated cable line, live.",
    "",
    "The real autorate and steering daemons run against the built-in RouterOS emulator (REST over"
            + " HTTPS, certificate pinned) and a simulated 940/38 Mbit/s cable line in real time: a status"
            + " line every second, then the scorecard and a plot of the run. Nothing leaves this machine."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--duration", paramLabel = "D", defaultValue = "60s",
            description = "How long to run, e.g. 20s, 2m (default: ${DEFAULT-VALUE}); the first 20 s show everything.")
    String duration;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Where to draw the run (.png or .svg; default demo.png, or demo.svg without java.desktop).")
    Path plot;

    @Option(names = "--verbose", description = "Also show the daemons' own log lines.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Logging.configure(LogFormat.PLAIN, "demo", verbose ? "INFO" : "WARN");
        long millis;
        try {
            millis = Durations.parseMillis(duration);
        } catch (IllegalArgumentException e) {
            err.println("wanctl demo: --duration: " + e.getMessage());
            return ExitStatus.USAGE;
        }
        if (millis < 2_000) {
            err.println("wanctl demo: --duration must be at least 2s");
            return ExitStatus.USAGE;
        }
        Path file = plot != null ? plot : Path.of(Plots.pngAvailable() ? "demo.png" : "demo.svg");
        Demo.Result r = new Demo(out).run(Duration.ofMillis(millis));
        out.println();
        out.print(ScorecardTable.text(ScenarioRunner.report(r.scenario(), List.of(r.run()))));
        out.println(steering(r));
        try {
            Plots.write(Recording.of(r.run().recording(), r.run().recordingMetadata()), file);
            out.println("plot of the run: " + file.toAbsolutePath());
        } catch (UnsupportedOperationException e) {
            err.println("wanctl demo: " + e.getMessage());
        }
        out.flush();
        return ExitStatus.OK;
    }

    private static String steering(Demo.Result r) {
        int enabled = r.timesEnabled();
        return String.format(Locale.ROOT, "steering: the rule was enabled %d time%s and steered new latency-sensitive"
                + " connections for %.1f s", enabled, enabled == 1 ? "" : "s", r.steeredMillis() / 1000.0);
    }
}
