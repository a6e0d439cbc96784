package dev.wanctl.sim.scenario;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.core.runtime.StateStore;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.steering.EmbeddedSteering;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The steering daemon beside the simulated wanctl daemon, as in {@code wanctl demo}: the real
 * steering cycle on the run's virtual clock (every steering interval, after the autorate cycle),
 * reading the autorate daemon's state file, the simulated reflectors and the emulated router's
 * CAKE statistics, toggling the emulator's steering rule. The run's files live in a temporary
 * directory of its own, removed at the end. The autorate state file's modification time is set to
 * the virtual clock's wall time after each autorate cycle (the file system knows only real time,
 * and steering judges the file's age by it).
 */
final class SteeringBeside {

    private final Path dir;
    private final AutorateConfig autorate;
    private final SteeringConfig config;
    private final VirtualClock clock;
    private final Path primaryState;
    private EmbeddedSteering steering;
    private RouterEmulator emulator;
    private CountingSteeringRouter router;
    private long nextNanos;

    private SteeringBeside(Path dir, AutorateConfig autorate, SteeringConfig config, VirtualClock clock,
            Path primaryState) {
        this.dir = dir;
        this.autorate = autorate;
        this.config = config;
        this.clock = clock;
        this.primaryState = primaryState;
    }

    /** Prepares steering for the scenario's steering config; the autorate config's files move to the run's directory. */
    static SteeringBeside prepare(SimHarness h, AutorateConfig autorate) {
        try {
            Path dir = Files.createTempDirectory("wanctl-sim");
            AutorateConfig a = DaemonFiles.autorate(autorate, autorate.router(), dir);
            SteeringConfig s = DaemonFiles.steering(ScenarioConfigs.steering(h.scenario().steeringConfig()),
                    autorate.router(), a.stateFile(), dir);
            return new SteeringBeside(dir, a, s, h.clock(), a.stateFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run's directory for steering", e);
        }
    }

    /** The autorate config with its state file where steering reads it. */
    AutorateConfig autorate() {
        return autorate;
    }

    /** The autorate daemon's state file, written on the caller's thread. */
    StateStore autorateState() {
        return new StateStore(primaryState, clock, StateStore.Settings.defaults().writingInBackground(false));
    }

    /** The steering rule's comment, for the emulator's fixture. */
    String rule() {
        return config.mangleComment();
    }

    /** Starts steering against {@code emulator}, probing {@code probe}. */
    void start(RouterEmulator emulator, ReflectorProbe probe) {
        this.emulator = emulator;
        try {
            router = new CountingSteeringRouter(emulator.client());
            steering = EmbeddedSteering.start(config, clock, probe, router);
        } catch (DaemonExit e) {
            throw new IllegalStateException("steering cannot start in the simulator: " + e.getMessage(), e);
        }
    }

    /** After an autorate cycle at {@code nowNanos}: the state file's age, then a steering cycle when one is due. */
    void afterAutorate(long nowNanos) {
        try {
            if (Files.exists(primaryState)) {
                Files.setLastModifiedTime(primaryState, FileTime.fromMillis(clock.wallMillis()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (nowNanos >= nextNanos) {
            steering.runCycle(nowNanos);
            nextNanos = nowNanos + steering.intervalNanos();
        }
    }

    /** Router requests steering has made so far (the shared emulator counts them too). */
    long requests() {
        return router == null ? 0 : router.calls();
    }

    /** Whether latency-sensitive traffic is steered now. */
    boolean steering() {
        return steering != null && steering.steering();
    }

    /** Stops steering, removes the run's files and tallies the rule's toggles. */
    SteeringTally finish(long endNanos) {
        steering.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; nothing else to do
        }
        return SteeringTally.of(emulator.state().ruleToggles(config.mangleComment()), endNanos);
    }
}
