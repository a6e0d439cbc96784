package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.runtime.ExitStatus;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.runtime.SystemdNotifier;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.RouterClients;
import dev.wanctl.sim.emulator.RouterEmulator;
import dev.wanctl.sim.testing.ScriptedProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state file survives any stop: 50 SIGTERM-style stops at random cycles under load (in
 * process, virtual clock: what the SIGTERM handler does) and 20 SIGKILLs plus 5 real SIGTERMs of
 * a real daemon process at random moments while it writes its state every cycle; after each, the
 * file parses as a JSON object (or does not exist yet). Seeded; the seed is printed.
 */
class KillTrialsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @AfterAll
    static void publish() {
        FaultMatrix.publish("Fault matrix: stop trials");
    }

    private static boolean validOrAbsent(Path state) {
        if (!Files.exists(state)) {
            return true;
        }
        try {
            return JSON.readTree(state.toFile()).isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Path fastWritingConfig(Path dir, RouterEmulator router) throws IOException {
        Path file = DaemonHarness.config(dir, router, 50, 600);
        Files.writeString(file, Files.readString(file).replace("use_median_of_three: true\n",
                "use_median_of_three: true\n" + MatrixDaemon.FALLBACK_TO_NOWHERE) + "state_write_interval: 0.05\n");
        return file;
    }

    @Test
    void fiftyStopsAtRandomCyclesUnderLoadEachLeaveAValidStateFile() throws Exception {
        long seed = Long.getLong("wanctl.fuzz.seed", System.nanoTime());
        System.out.println("KillTrialsTest SIGTERM seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        VirtualClock clock = new VirtualClock();
        int valid = 0;
        try (RouterEmulator router = RouterEmulator.builder().clock(clock).sshPort(-1).start()) {
            Path file = fastWritingConfig(dir, router);
            for (int trial = 0; trial < 50; trial++) {
                long stopAfter = (1 + random.nextInt(60)) * 50 * MS;
                long start = clock.nanoTime();
                AutorateDaemon[] d = new AutorateDaemon[1];
                AutorateDaemon.Services services = new AutorateDaemon.Services(clock,
                        SystemdNotifier.recording(Duration.ofSeconds(2), n -> { }), Sleeper.advancing(clock), false,
                        c -> new ScriptedProbe(clock, 3, now -> (now / (400 * MS)) % 2 == 0 ? 24 : 124, now -> {
                            if (now - start >= stopAfter) {
                                d[0].stop();
                            }
                        }), RouterClients::create, true);
                d[0] = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
                DaemonHarness.Running run = new DaemonHarness.Running(d[0], DaemonHarness.load(file));
                assertThat(run.await(Duration.ofSeconds(30))).isEqualTo(ExitStatus.OK);
                assertThat(validOrAbsent(dir.resolve("spectrum_state.json"))).as("trial %d (seed %d)", trial, seed)
                        .isTrue();
                valid++;
            }
        }
        FaultMatrix.record("SIGTERM under load (in process)", "state file valid JSON after each stop",
                valid + " of 50 valid");
    }

    @Test
    void aRealDaemonKilledAtRandomMomentsAlwaysLeavesAValidStateFile() throws Exception {
        long seed = Long.getLong("wanctl.fuzz.seed", System.nanoTime());
        System.out.println("KillTrialsTest SIGKILL seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        int killed = 0;
        int terminated = 0;
        List<String> bad = new ArrayList<>();
        try (RouterEmulator router = RouterEmulator.builder().sshPort(-1).start()) {
            Path file = fastWritingConfig(dir, router);
            Path state = dir.resolve("spectrum_state.json");
            for (int trial = 0; trial < 25; trial++) {
                boolean kill = trial < 20;
                Process p = new ProcessBuilder(javaBin, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-cp", classpath, KillTrialDaemon.class.getName(), file.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("trial-" + trial + ".log").toFile())
                        .start();
                try {
                    long deadline = System.nanoTime() + 20_000 * MS;
                    long writesSeen = Files.exists(state) ? Files.getLastModifiedTime(state).toMillis() : 0;
                    // wait until this process has written the state at least once
                    while (System.nanoTime() < deadline && p.isAlive()
                            && (!Files.exists(state) || Files.getLastModifiedTime(state).toMillis() == writesSeen)) {
                        Thread.onSpinWait();
                        Thread.sleep(5); // polling a file, not timing: the deadline bounds the loop
                    }
                    assertThat(p.isAlive()).as("trial %d: the daemon runs (see trial-%d.log)", trial, trial).isTrue();
                    long at = System.nanoTime() + random.nextLong(50, 700) * MS;
                    while (System.nanoTime() < at) {
                        Thread.sleep(5);
                    }
                    if (kill) {
                        p.destroyForcibly(); // SIGKILL
                    } else {
                        p.destroy(); // SIGTERM
                    }
                    assertThat(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                    if (!kill) {
                        assertThat(p.exitValue()).as("exit after SIGTERM").isEqualTo(ExitStatus.OK);
                        terminated++;
                    } else {
                        killed++;
                    }
                } finally {
                    p.destroyForcibly();
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
                if (!validOrAbsent(state)) {
                    bad.add("trial " + trial + ": " + Files.readString(state));
                }
                Files.deleteIfExists(dir.resolve("spectrum.lock"));
            }
        }
        assertThat(bad).as("seed %d", seed).isEmpty();
        FaultMatrix.record("SIGKILL at random moments (real process)", "state file valid JSON after each kill",
                killed + " of 20 valid");
        FaultMatrix.record("SIGTERM under load (real process)", "exit 0, state file valid JSON",
                terminated + " of 5 valid, exit 0");
    }
}
