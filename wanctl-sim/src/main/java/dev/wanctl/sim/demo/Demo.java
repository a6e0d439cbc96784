package dev.wanctl.sim.demo;

import dev.wanctl.autorate.AutorateCycle;
import dev.wanctl.autorate.AutorateDaemon;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.WriteRecord;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Link;
import dev.wanctl.sim.scenario.Controller;
import dev.wanctl.sim.scenario.CakeCounterFeed;
import dev.wanctl.sim.scenario.EmulatorRouter;
import dev.wanctl.sim.scenario.LinkBuilder;
import dev.wanctl.sim.scenario.ReflectorProbe;
import dev.wanctl.sim.scenario.RunResult;
import dev.wanctl.sim.scenario.Scenario;
import dev.wanctl.sim.scenario.ScenarioConfigs;
import dev.wanctl.sim.scenario.ScenarioLoader;
import dev.wanctl.sim.scenario.SimulationRun;
import dev.wanctl.steering.SteeringDaemon;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code wanctl demo}: everything at once, no router needed. Starts the RouterOS emulator, runs a
 * simulated cable line in real time behind it, and runs the real autorate and steering daemons
 * against the emulator over REST (HTTPS with the certificate pinned), their probes reading the
 * simulated reflectors. Prints a status line every second, then the scorecard of the run and the
 * steering toggles, and writes a plot of the flight recording.
 */
public final class Demo {

    private static final long MS = 1_000_000L;

    /** What the demo did: the scenario and its scored run, and the steering rule's toggles. */
    public record Result(Scenario scenario, RunResult run, List<WriteRecord> toggles, long steeredMillis) {

        /** How often the steering rule was enabled (a toggle to {@code disabled=false}). */
        public int timesEnabled() {
            return timesEnabled(toggles);
        }

        static int timesEnabled(List<WriteRecord> toggles) {
            return (int) toggles.stream().filter(w -> "false".equals(w.newValue())).count();
        }
    }

    private final PrintWriter out;

    public Demo(PrintWriter out) {
        this.out = out;
    }

    /** Runs the demo for {@code duration} of real time. */
    public Result run(Duration duration) throws Exception {
        Scenario scenario = ScenarioLoader.load(ScenarioLoader.DEMO).with(null, duration.toMillis());
        Path dir = Files.createTempDirectory("wanctl-demo");
        try (RouterEmulator emulator = RouterEmulator.builder().restPort(-1).sshPort(-1).start()) {
            RouterConfig router = DemoDaemons.router(emulator);
            AutorateConfig autorate = DemoDaemons.autorate(ScenarioConfigs.autorate(scenario), router, dir);
            SteeringConfig steering = DemoDaemons.steering(ScenarioConfigs.steering("configs/steering.yaml"), router,
                    autorate.stateFile(), dir);
            out.printf(Locale.ROOT, "wanctl demo: RouterOS emulator on https://127.0.0.1:%d/rest (certificate pinned);"
                    + " %s%n", emulator.restTlsPort(), scenario.description().strip());
            out.printf(Locale.ROOT, "the autorate daemon (%s, %s) and the steering daemon (%s) run against it for %d s%n%n",
                    autorate.wanName(), autorate.queues().download() + " / " + autorate.queues().upload(),
                    steering.mangleComment(), duration.toSeconds());
            out.flush();

            Link link = LinkBuilder.build(scenario);
            EmulatorRouter shaper = new EmulatorRouter(emulator, autorate.queues().download(), autorate.queues().upload());
            CakeCounterFeed cake = new CakeCounterFeed(emulator.state(), steering.primaryDownloadQueue(),
                    link.direction(Direction.DOWNLOAD));
            CakeCounterFeed uploadCounters = new CakeCounterFeed(emulator.state(), autorate.queues().upload(),
                    link.direction(Direction.UPLOAD));
            Clock clock = Clock.system();
            Object lock = new Object();
            ReflectorProbe probe = new ReflectorProbe(link.reflectors(), lock);
            AutorateDaemon[] autorateDaemonRef = new AutorateDaemon[1];
            SteeringDaemon[] steeringRef = new SteeringDaemon[1];

            SimulationRun run = new SimulationRun(scenario, link, shaper, observer(autorateDaemonRef, steeringRef),
                    "wanctl (live)", true);
            LinkThread linkThread = LinkThread.start(run, shaper, cake, uploadCounters, lock, probe, clock,
                    scenario.durationMs());

            AutorateDaemon autorateDaemon = new AutorateDaemon(dir.resolve("spectrum.yaml"),
                    new AutorateDaemon.Options(false, false, false), DemoDaemons.autorateServices(clock, probe));
            SteeringDaemon steeringDaemon = new SteeringDaemon(dir.resolve("steering.yaml"),
                    new SteeringDaemon.Options(false, false), DemoDaemons.steeringServices(clock, probe));
            autorateDaemonRef[0] = autorateDaemon;
            steeringRef[0] = steeringDaemon;
            DaemonThread autorateThread = DaemonThread.start("autorate", () -> autorateDaemon.run(autorate));
            DaemonThread steeringThread = DaemonThread.start("steering", () -> steeringDaemon.run(steering));

            StatusLine status = new StatusLine(out, link, shaper, lock, autorateDaemon, steeringDaemon);
            long second = 1;
            while (!linkThread.awaitMillis(second * 1000)) {
                status.print(second++);
                autorateThread.rethrowIfFailed();
                steeringThread.rethrowIfFailed();
            }
            steeringDaemon.stop();
            autorateDaemon.stop();
            steeringThread.join(Duration.ofSeconds(5));
            autorateThread.join(Duration.ofSeconds(5));
            List<WriteRecord> toggles = emulator.state().ruleToggles(steering.mangleComment());
            RunResult r = run.finish(scenario.durationMs());
            Map<String, String> meta = new java.util.LinkedHashMap<>(r.recordingMetadata());
            meta.put("source", "wanctl demo");
            long steeredMillis = steered(toggles);
            return new Result(scenario, new RunResult(
                    r.scorecard().withSteering(Result.timesEnabled(toggles), steeredMillis / 1000.0),
                    r.recording(), meta), toggles, steeredMillis);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * The controller stub of the run: the daemons run on their own threads; the recording reads
     * the autorate daemon's last cycle and whether steering is on.
     */
    private static Controller observer(AutorateDaemon[] daemon, SteeringDaemon[] steering) {
        return new Controller() {
            @Override
            public int intervalMs() {
                return 50;
            }

            @Override
            public void cycle(long nowNanos) {
                // the real daemon cycles on its own thread at its own interval
            }

            @Override
            public void report(FlightRecorder.Cycle row) {
                row.steering = steering[0] != null && StatusLine.steeringState(steering[0]).endsWith("_DEGRADED");
                AutorateCycle c = daemon[0] == null ? null : daemon[0].currentCycle();
                if (c == null) {
                    return;
                }
                c.view().record(row);
            }
        };
    }


    /** Milliseconds the steering rule was enabled during the run. */
    private static long steered(List<WriteRecord> toggles) {
        long total = 0;
        long onSince = -1;
        for (WriteRecord w : toggles) {
            boolean enabled = "false".equals(w.newValue());
            if (enabled && onSince < 0) {
                onSince = w.atNanos();
            } else if (!enabled && onSince >= 0) {
                total += w.atNanos() - onSince;
                onSince = -1;
            }
        }
        if (onSince >= 0) {
            total += System.nanoTime() - onSince;
        }
        return total / MS;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; nothing else to do
        }
    }

}
