package dev.wanctl.cli;

import dev.wanctl.autorate.Replay;
import dev.wanctl.autorate.ReplayInputException;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.steering.SteeringReplay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wanctl replay}: what the controller decides for a recorded RTT series, or (with
 * {@code --steering}) what steering decides for a recording of its signals.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {
    "Run the autorate controller over a recorded RTT series on a virtual clock, or (--steering)"
            + " steering's decision over a recording of its signals.",
    "",
    "The series has one row per cycle; prints one CSV row per cycle to stdout, then a summary to"
            + " stderr. Nothing is sent anywhere."})
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Autorate config (with --rtt) or steering config (with --steering).")
    Path config;

    @Option(names = "--rtt", paramLabel = "FILE",
            description = "CSV with a header; first column rtt_ms; an empty value is a lost measurement.")
    Path rtt;

    @Option(names = "--steering", paramLabel = "FILE",
            description = "Steering's flight recording, or a CSV with its columns (rtt_ms, baseline_ms; optionally"
                    + " t_s, drops, queued_packets, wan_zone, wan_zone_age_s).")
    Path steering;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if ((rtt == null) == (steering == null)) {
            err.println("replay: give either --rtt FILE (autorate) or --steering FILE (steering), not "
                    + (rtt == null ? "neither" : "both"));
            err.flush();
            return ExitStatus.USAGE;
        }
        if (steering != null) {
            return replay(ConfigLoader.loadSteering(config, ConfigLoader.Options.check()), steering,
                    (c, in, out) -> new SteeringReplay(c).run(in, out).describe(), err);
        }
        return replay(ConfigLoader.loadAutorate(config, ConfigLoader.Options.check()), rtt,
                (c, in, out) -> new Replay(c).run(in, out).describe(), err);
    }

    /** Replays {@code file} against the loaded config; returns the summary's text. */
    @FunctionalInterface
    private interface Run<C> {
        String run(C config, BufferedReader in, PrintWriter out) throws IOException;
    }

    /** The config's problems (exit 78), or the per-cycle rows on stdout and the summary on stderr. */
    private <C> int replay(Loaded<C> loaded, Path file, Run<C> run, PrintWriter err) {
        if (!loaded.ok()) {
            err.print(loaded.errorReport());
            err.flush();
            return ExitStatus.CONFIG;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String summary = run.run(loaded.config(), in, out);
            out.flush();
            err.print(summary);
            err.flush();
            return ExitStatus.OK;
        } catch (ReplayInputException | SteeringReplay.InputException e) {
            out.flush();
            err.println(file + ": " + e.getMessage());
            err.flush();
            return ExitStatus.FAILURE;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            err.flush();
            return ExitStatus.FAILURE;
        }
    }
}
