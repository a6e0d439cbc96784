package dev.wanctl.cli;

import dev.wanctl.sim.scenario.Controllers;
import dev.wanctl.sim.scenario.Scenario;
import dev.wanctl.sim.scenario.ScenarioLoader;
import dev.wanctl.sim.scenario.Simulation;
import dev.wanctl.sim.scorecard.Scorecard;
import dev.wanctl.sim.testbed.Calibration;
import dev.wanctl.sim.testbed.PacketRelay;
import dev.wanctl.sim.testbed.TestbedRun;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wanctl testbed}: the real daemon against real Linux TCP in network namespaces, scored
 * beside the simulator on the same scenario. {@code scripts/testbed.sh} builds the namespaces and
 * calls {@code run} inside the client namespace and {@code relay} inside the relay namespace.
 */
@Command(
        name = "testbed",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {"Score controllers on real Linux TCP beside the simulator (use scripts/testbed.sh).", "",
            "scripts/testbed.sh sets up network namespaces (a tbf ISP bottleneck, an htb shaper, a base RTT, iperf3"
                    + " and fping) and runs `wanctl testbed run` in them; it removes everything when it ends."},
        subcommands = {TestbedCommand.Run.class, TestbedCommand.Relay.class})
final class TestbedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code wanctl testbed run}: one scenario, each controller on the testbed and in the simulator. */
    @Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
            description = {"Run a scenario on the testbed and in the simulator and compare the scorecards.",
                "Run inside the testbed's client namespace (scripts/testbed.sh does)."})
    static final class Run implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--scenario", paramLabel = "S", required = true,
                description = "A scenario file or bundled scenario whose rates this machine carries (<= 200 Mbit/s).")
        String scenario;

        @Option(names = "--controller", paramLabel = "C", defaultValue = "all",
                description = "wanctl, reference, cake-autorate, none, static, oracle, a comma-separated list, or all (default:"
                        + " ${DEFAULT-VALUE}).")
        String controller;

        @Option(names = "--check", description = "Exit 1 when a number disagrees beyond the calibration targets.")
        boolean check;

        @Option(names = "--hold", paramLabel = "LIST", split = ",",
                description = "With --check, hold only these numbers: [controller:]direction.metric, metric one of"
                        + " p99, throughput, reaction (e.g. oracle:upload.throughput). Default: every one.")
        List<String> hold;

        @Option(names = "--max-idle-noise-ms", paramLabel = "MS", defaultValue = "5",
                description = "A run whose user ping while idle is above this p99 (ms) measures the machine, not the model:"
                        + " it is measured again, up to --noise-retries times, and the quietest run is scored (default:"
                        + " ${DEFAULT-VALUE}; quiet runs show 0.4-2.4 ms).")
        double maxIdleNoiseMs;

        @Option(names = "--noise-retries", paramLabel = "N", defaultValue = "1",
                description = "How many times a noisy run is measured again (default: ${DEFAULT-VALUE}; 0: never).")
        int noiseRetries;

        @Option(names = "--markdown", paramLabel = "FILE", description = "Write the calibration rows as Markdown to FILE.")
        Path markdown;

        @Option(names = "--record", paramLabel = "PREFIX", description = "Keep the daemon's flight recording of each"
                + " wanctl or reference run as PREFIX-<controller>.csv (for wanctl plot).")
        String record;

        @Option(names = "--client-ns", paramLabel = "NS", defaultValue = "wtb-cli", hidden = true)
        String clientNs;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            dev.wanctl.cli.logging.Logging.configure(dev.wanctl.cli.logging.LogFormat.PLAIN, "testbed", "WARN");
            Scenario s;
            List<String> names;
            try {
                s = ScenarioLoader.load(scenario); // a config beside the scenario file is found there
                names = controller.equals("all") ? List.of("none", "static", "oracle", "reference", "cake-autorate", "wanctl")
                        : Arrays.asList(controller.split(","));
                for (String n : names) {
                    Controllers.select(n);
                }
                if (noiseRetries < 0 || !(maxIdleNoiseMs > 0)) {
                    throw new IllegalArgumentException("--noise-retries must be 0 or more and --max-idle-noise-ms above 0,"
                            + " got " + noiseRetries + " and " + maxIdleNoiseMs);
                }
            } catch (RuntimeException e) {
                err.println("wanctl testbed: " + e.getMessage());
                return 2;
            }
            List<Calibration> results = new ArrayList<>();
            for (String name : names) {
                Scorecard sim = Simulation.run(s, Controllers.select(name).get(0), false).scorecard();
                Path recordTo = record == null ? null : Path.of(record + "-" + name + ".csv");
                QuietestRun.Measured<Run.Attempt> m = QuietestRun.measure(noiseRetries, maxIdleNoiseMs, attempt -> {
                    out.printf(Locale.ROOT, "%n== %s / %s on the testbed%s, %.0f s (load average before: %s)%n", s.name(),
                            name, attempt > 0 ? " again" : "", s.durationMs() / 1000.0, loadAverage());
                    out.flush();
                    Path to = recordTo == null || attempt == 0 ? recordTo
                            : Path.of(record + "-" + name + "-" + attempt + ".csv");
                    TestbedRun run = new TestbedRun(s, name, clientNs, out, to);
                    Scorecard card = run.run();
                    return new QuietestRun.Measured<>(new Attempt(card, to), run.idleNoiseP99Ms());
                }, note -> {
                    out.println("testbed: " + name + ": " + note);
                    out.flush();
                });
                Scorecard tb = m.result().card();
                keepRecording(name, m.result().recording(), recordTo);
                Calibration c = Calibration.of(sim, tb);
                results.add(c);
                out.printf(Locale.ROOT, "(load average after: %s)%n", loadAverage());
                out.print(c.text());
                out.flush();
            }
            if (markdown != null) {
                StringBuilder b = new StringBuilder(Calibration.markdownHeader());
                results.forEach(c -> b.append(c.markdownRows()));
                Files.writeString(markdown, b.toString());
            }
            List<String> off = new ArrayList<>();
            List<String> held = new ArrayList<>();
            for (Calibration c : results) {
                for (Calibration.Row r : c.rows()) {
                    if (r.agrees() == null || r.agrees()) {
                        continue;
                    }
                    String line = c.testbed().controller() + ": " + Calibration.describe(r);
                    off.add(line);
                    if (isHeld(c.testbed().controller(), r)) {
                        held.add(line);
                    }
                }
            }
            out.println();
            if (off.isEmpty()) {
                out.println("testbed and simulator agree within the calibration targets");
            } else {
                out.println("testbed and simulator disagree beyond the calibration targets:");
                off.forEach(d -> out.println("  " + d + (check && held.contains(d) ? "  (held: fails the check)" : "")));
            }
            out.flush();
            return check && !held.isEmpty() ? 1 : 0;
        }

        /** One testbed run's scorecard and where its recording went (null: not kept). */
        record Attempt(Scorecard card, Path recording) {}

        /** The scored run's recording under the name asked for; a repeated run's others are removed. */
        private void keepRecording(String name, Path scored, Path wanted) throws java.io.IOException {
            if (wanted == null) {
                return;
            }
            if (scored != null && !scored.equals(wanted) && Files.exists(scored)) {
                Files.move(scored, wanted, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            for (int attempt = 1; attempt <= noiseRetries; attempt++) {
                Files.deleteIfExists(Path.of(record + "-" + name + "-" + attempt + ".csv"));
            }
        }

        private boolean isHeld(String controllerName, Calibration.Row r) {
            if (hold == null || hold.isEmpty()) {
                return true;
            }
            String key = r.direction() + "." + r.metric().split(" ")[0];
            return hold.contains(key) || hold.contains(controllerName + ":" + key);
        }

        private static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (java.io.IOException e) {
                return "unknown";
            }
        }
    }

    /** {@code wanctl testbed relay}: the base RTT where the kernel has no netem. */
    @Command(name = "relay", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
            description = {"Relay Ethernet frames between two interfaces with a fixed delay each way (testbed only)."})
    static final class Relay implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "IF_A")
        String ifA;

        @Parameters(index = "1", paramLabel = "IF_B")
        String ifB;

        @Option(names = "--delay-ms", defaultValue = "10", description = "One-way delay (default: ${DEFAULT-VALUE}).")
        double delayMs;

        @Option(names = "--for", paramLabel = "SECONDS", required = true, description = "Stop after this many seconds.")
        long seconds;

        @Override
        public Integer call() throws Exception {
            PacketRelay.run(ifA, ifB, Duration.ofNanos(Math.round(delayMs * 1e6)), Duration.ofSeconds(seconds));
            return 0;
        }
    }
}
