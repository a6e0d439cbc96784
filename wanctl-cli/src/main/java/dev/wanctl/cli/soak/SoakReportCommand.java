package dev.wanctl.cli.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wanctl soak-report}: the stability checks to run after a change, over the journal or a
 * saved log. Exit 0 when nothing is flagged, 1 when a check is, 66 when the input is unreadable.
 */
@Command(
        name = "soak-report",
        mixinStandardHelpOptions = true,
        description = {
            "Check wanctl's logs for signs of instability.",
            "",
            "Stability checks over wanctl logs (docs/LOGGING.md formats): cycles and overruns, warnings and errors"
                    + " by kind, time per zone, rate changes and flapping, baseline drift while loaded, restarts and"
                    + " watchdog kills, steering transitions and rule verification, router write rate.",
            "Reads FILEs ('-' is stdin; plain, JSON or journalctl output) or the journal of --unit units.",
            "Exit status: 0 nothing flagged, 1 a check is flagged, 2 usage, 66 unreadable input."
        })
public final class SoakReportCommand implements Callable<Integer> {

    static final int FLAGGED = 1;
    static final int NO_INPUT = 66;

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "log files; '-' for stdin")
    List<String> files = new ArrayList<>();

    @Option(names = "--unit", paramLabel = "UNIT", description = "read `journalctl -u UNIT` (repeatable), e.g. 'wanctl@*'")
    List<String> units = new ArrayList<>();

    @Option(names = "--since", paramLabel = "WHEN", defaultValue = "-1h", description = "with --unit: journalctl --since (default: ${DEFAULT-VALUE})")
    String since;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "zone of plain timestamps (default: this host's)")
    ZoneId zone = ZoneId.systemDefault();

    @Option(names = "--max-overrun-pct", defaultValue = "1.0", description = "flag above this %% of cycles overrunning (default: ${DEFAULT-VALUE})")
    double maxOverrunPct;

    @Option(names = "--max-warnings-per-hour", defaultValue = "30", description = "(default: ${DEFAULT-VALUE})")
    double maxWarningsPerHour;

    @Option(names = "--max-errors", defaultValue = "0", description = "(default: ${DEFAULT-VALUE})")
    int maxErrors;

    @Option(names = "--max-red-pct", defaultValue = "20", description = "download time in SOFT_RED+RED, %% (default: ${DEFAULT-VALUE})")
    double maxRedPct;

    @Option(names = "--max-flaps-per-hour", defaultValue = "20", description = "rate up then down within 60 s (default: ${DEFAULT-VALUE})")
    double maxFlapsPerHour;

    @Option(names = "--max-writes-per-minute", defaultValue = "20", description = "router writes (default: ${DEFAULT-VALUE})")
    double maxWritesPerMinute;

    @Option(names = "--max-loaded-drift-ms", defaultValue = "2.0", description = "baseline movement within one loaded period (default: ${DEFAULT-VALUE})")
    double maxLoadedDriftMs;

    @Option(names = "--loaded-delta-ms", defaultValue = "3.0", description = "delta at or above which the link counts as loaded (default: ${DEFAULT-VALUE})")
    double loadedDeltaMs;

    @Option(names = "--max-transitions-per-hour", defaultValue = "12", description = "steering transitions (default: ${DEFAULT-VALUE})")
    double maxTransitionsPerHour;

    @Option(names = "--max-fallback-pct", defaultValue = "1.0", description = "cycles on fallback RTT, %% (default: ${DEFAULT-VALUE})")
    double maxFallbackPct;

    @Option(names = "--max-restarts", defaultValue = "0", description = "daemon restarts inside the window (default: ${DEFAULT-VALUE})")
    int maxRestarts;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (files.isEmpty() && units.isEmpty()) {
            err.println("soak-report: give log FILEs ('-' for stdin) or --unit UNIT");
            return 2;
        }
        SoakThresholds limits = new SoakThresholds(maxOverrunPct, maxWarningsPerHour, maxErrors, maxRedPct,
                maxFlapsPerHour, maxWritesPerMinute, maxLoadedDriftMs, loadedDeltaMs, maxTransitionsPerHour,
                maxFallbackPct, maxRestarts, SoakThresholds.defaults().maxGapSeconds());
        SoakAnalyzer analyzer = new SoakAnalyzer(limits, new LogLineParser(zone));
        try {
            for (String file : files) {
                if (file.equals("-")) {
                    read(System.in, analyzer);
                } else {
                    try (InputStream in = Files.newInputStream(Path.of(file))) {
                        read(in, analyzer);
                    }
                }
            }
            if (!units.isEmpty()) {
                readJournal(analyzer);
            }
        } catch (NoSuchFileException e) {
            err.println("soak-report: no such file: " + e.getFile());
            return NO_INPUT;
        } catch (IOException e) {
            err.println("soak-report: cannot read the log: " + e.getMessage());
            return NO_INPUT;
        }
        SoakReport report = analyzer.report();
        out.print(report.render(zone));
        out.flush();
        return report.flags().isEmpty() ? 0 : FLAGGED;
    }

    private static void read(InputStream in, SoakAnalyzer analyzer) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            analyzer.accept(line);
        }
    }

    /** journalctl's short-iso output keeps systemd's own lines (watchdog kills) with the daemons'. */
    private void readJournal(SoakAnalyzer analyzer) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("journalctl", "--no-pager", "-o", "short-iso", "--since", since));
        units.forEach(u -> command.addAll(List.of("-u", u)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        read(process.getInputStream(), analyzer);
        int rc = process.waitFor();
        if (rc != 0) {
            throw new IOException("journalctl exited " + rc);
        }
    }
}
