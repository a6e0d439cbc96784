package dev.wanctl.sim.demo;

import dev.wanctl.autorate.AutorateCycle;
import dev.wanctl.autorate.AutorateDaemon;
import dev.wanctl.autorate.CycleView;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.sim.emulator.RouterEmulator;
import dev.wanctl.sim.emulator.WriteRecord;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Link;
import dev.wanctl.sim.scenario.Controller;
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
import java.util.concurrent.locks.LockSupport;
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
    private static final long BATCH_MS = 5;

    /** What the demo did: the scenario and its scored run, and the steering rule's toggles. */
    public record Result(Scenario scenario, RunResult run, List<WriteRecord> toggles, long steeredMillis) {}

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
            Clock clock = Clock.system();
            Object lock = new Object();
            ReflectorProbe probe = new ReflectorProbe(link.reflectors(), lock);

            AutorateDaemon autorateDaemon = new AutorateDaemon(dir.resolve("spectrum.yaml"),
                    new AutorateDaemon.Options(false, false, false), DemoDaemons.autorateServices(clock, probe));
            SteeringDaemon steeringDaemon = new SteeringDaemon(dir.resolve("steering.yaml"),
                    new SteeringDaemon.Options(false, false), DemoDaemons.steeringServices(clock, probe));
            DaemonThread autorateThread = DaemonThread.start("autorate", () -> autorateDaemon.run(autorate));
            awaitFirstCycle(autorateDaemon, autorateThread);
            DaemonThread steeringThread = DaemonThread.start("steering", () -> steeringDaemon.run(steering));

            SimulationRun run = new SimulationRun(scenario, link, shaper, observer(autorateDaemon), "wanctl (live)", true);
            StatusLine status = new StatusLine(out, link, shaper, autorateDaemon, steeringDaemon);
            long start = clock.nanoTime();
            probe.start(start);
            for (long ms = 0; ms < scenario.durationMs(); ms += BATCH_MS) {
                long due = start + ms * MS;
                while (clock.nanoTime() < due) {
                    LockSupport.parkNanos(Math.min(due - clock.nanoTime(), MS));
                }
                synchronized (lock) {
                    shaper.refresh();
                    for (long t = ms; t < Math.min(ms + BATCH_MS, scenario.durationMs()); t++) {
                        run.tick(t);
                    }
                    cake.feed();
                }
                if (ms % 1000 == 0 && ms > 0) {
                    status.print(ms / 1000);
                }
                autorateThread.rethrowIfFailed();
                steeringThread.rethrowIfFailed();
            }
            steeringDaemon.stop();
            autorateDaemon.stop();
            steeringThread.join(Duration.ofSeconds(5));
            autorateThread.join(Duration.ofSeconds(5));
            List<WriteRecord> toggles = emulator.state().ruleToggles(steering.mangleComment());
            return new Result(scenario, run.finish(scenario.durationMs()), toggles, steered(toggles));
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The controller stub of the run: the daemon runs on its own thread; the recording reads its last cycle. */
    private static Controller observer(AutorateDaemon daemon) {
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
                AutorateCycle c = daemon.currentCycle();
                if (c == null) {
                    return;
                }
                CycleView v = c.view();
                row.rttMs = v.rttMs();
                row.loadEwmaMs = v.loadMs();
                row.baselineMs = v.baselineMs();
                row.deltaMs = v.deltaMs();
                row.dlZone = FlightRecorder.zoneCode(v.downloadZone().name());
                row.ulZone = FlightRecorder.zoneCode(v.uploadZone().name());
            }
        };
    }

    private static void awaitFirstCycle(AutorateDaemon d, DaemonThread thread) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (d.currentCycle() == null || d.currentCycle().cycles() == 0) {
            thread.rethrowIfFailed();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the autorate daemon did not start within 30 s");
            }
            LockSupport.parkNanos(20 * MS);
        }
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
