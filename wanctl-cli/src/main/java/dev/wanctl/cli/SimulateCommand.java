package dev.wanctl.cli;

import dev.wanctl.sim.scenario.Controllers;
import dev.wanctl.sim.scenario.Durations;
import dev.wanctl.sim.scenario.NamedController;
import dev.wanctl.sim.scenario.RunResult;
import dev.wanctl.sim.scenario.Scenario;
import dev.wanctl.sim.scenario.ScenarioLoader;
import dev.wanctl.sim.scenario.ScenarioRunner;
import dev.wanctl.sim.scorecard.PerformanceDoc;
import dev.wanctl.sim.scorecard.ScenarioReport;
import dev.wanctl.sim.scorecard.ScorecardTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wanctl simulate}: scores controllers on a simulated link, side by side with the baselines. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Score controllers on a simulated link, on a virtual clock.", "",
            "Runs a scenario (a simulated link, its traffic and events) against controllers and prints their"
                    + " scorecards side by side: added latency under load, throughput, bufferbloat, reaction to"
                    + " capacity drops, router writes. Same seed, same numbers."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "S",
            description = "A bundled scenario (${COMPLETION-CANDIDATES}) or a scenario file.",
            completionCandidates = BundledScenarios.class)
    String scenario;

    @Option(names = "--all-scenarios", description = "Run every bundled scenario.")
    boolean allScenarios;

    @Option(names = "--controller", paramLabel = "C", defaultValue = "all",
            description = "wanctl, reference (the reference law), cake-autorate (its law), none, static, oracle,"
                    + " or all (default: ${DEFAULT-VALUE}).")
    String controller;

    @Option(names = "--json", description = "Print the scorecards as JSON.")
    boolean json;

    @Option(names = "--markdown", description = "Print Markdown; with --all-scenarios, the whole docs/PERFORMANCE.md.")
    boolean markdown;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Plot each run's flight recording to FILE (.png or .svg); with several controllers, FILE-<controller>.png.")
    Path plot;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Write each run's flight recording as CSV (for wanctl plot), and the link's queues, drops and"
                    + " rates every 50 ms as FILE-link.csv; several controllers: FILE-<controller>.csv.")
    Path record;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the scenario's).")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", description = "Simulated duration, e.g. 90s, 10m, 1h (default: the scenario's).")
    String duration;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this wanctl config instead of the scenario's (tune yours); its ceilings and floors bound"
                    + " every controller.")
    Path config;

    @Option(names = "--cc", paramLabel = "CC",
            description = "Run every scenario's TCP senders on this congestion control: cubic or bbr (default: the"
                    + " scenario's, cubic unless it names one).")
    String cc;

    @Option(names = "--timing", description = "Print the wall-clock and CPU time each scenario took (to stderr).")
    boolean timing;

    @Option(names = "--verbose", description = "Show the simulated daemon's log lines (zone changes, status).")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!verbose) {
            // an hour of simulated zone changes would bury the scorecard; warnings still show
            dev.wanctl.cli.logging.Logging.configure(dev.wanctl.cli.logging.LogFormat.PLAIN, "sim", "WARN");
        }
        if (allScenarios == (scenario != null)) {
            err.println("wanctl simulate: give either --scenario S or --all-scenarios");
            return 2;
        }
        if (json && markdown) {
            err.println("wanctl simulate: --json and --markdown exclude each other");
            return 2;
        }
        List<NamedController> controllers;
        Long durationMs;
        List<Scenario> scenarios = new ArrayList<>();
        try {
            controllers = Controllers.select(controller);
            durationMs = duration == null ? null : Durations.parseMillis(duration);
            if (durationMs != null && durationMs < 1) {
                throw new IllegalArgumentException("--duration must be at least 1ms");
            }
            for (String name : allScenarios ? ScenarioLoader.bundledNames() : List.of(scenario)) {
                Scenario sc = ScenarioLoader.load(name).with(seed, durationMs);
                if (cc != null) {
                    sc = sc.withCongestion(dev.wanctl.sim.link.SenderSetup.Congestion.of(cc));
                }
                scenarios.add(config == null ? sc : sc.withConfig(config.toString()));
            }
        } catch (RuntimeException e) {
            err.println("wanctl simulate: " + e.getMessage());
            return 2;
        }
        boolean recording = plot != null || record != null;
        List<ScenarioReport> reports = new ArrayList<>();
        for (Scenario s : scenarios) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            List<RunResult> runs = ScenarioRunner.runAll(s, controllers, recording);
            if (timing) {
                err.printf(Locale.ROOT, "%s: %d run(s) of %.0f simulated s in %.2f s wall, %.2f s CPU%n", s.name(),
                        runs.size(), s.durationMs() / 1000.0, (System.nanoTime() - start) / 1e9,
                        (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            }
            reports.add(ScenarioRunner.report(s, runs));
            for (RunResult r : runs) {
                String suffix = (controllers.size() > 1 ? "-" + r.scorecard().controller() : "")
                        + (scenarios.size() > 1 ? "-" + s.name() : "");
                if (record != null) {
                    Path file = OutputFiles.withSuffix(record, suffix);
                    r.recording().dumpCsv(file, r.recordingMetadata());
                    err.println("flight recording: " + file);
                    if (r.linkTrace() != null) {
                        Path links = OutputFiles.withSuffix(file, "-link");
                        r.linkTrace().dumpCsv(links);
                        err.println("link trace: " + links);
                    }
                }
                if (plot != null) {
                    Path file = OutputFiles.withSuffix(plot, suffix);
                    OutputFiles.plot(r.recording(), r.recordingMetadata(), file);
                    err.println("plot: " + file);
                }
            }
        }
        if (markdown && allScenarios) {
            out.print(PerformanceDoc.markdown(reports));
        } else {
            if (json && reports.size() > 1) {
                out.print(ScenarioReport.toJsonArray(reports));
            } else {
                for (ScenarioReport r : reports) {
                    out.print(json ? r.toJson() : markdown ? ScorecardTable.markdown(r) : ScorecardTable.text(r));
                    if (reports.size() > 1) {
                        out.println();
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    /** The bundled scenario names, for help and shell completion. */
    static final class BundledScenarios implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ScenarioLoader.bundledNames().iterator();
        }
    }
}
