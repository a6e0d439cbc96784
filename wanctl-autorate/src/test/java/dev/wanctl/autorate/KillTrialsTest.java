package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.testing.ScriptedProbe;
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
 * process, virtual clock: what the SIGTERM handler does), 20 SIGKILLs (two processes running ten
 * daemons each, so one JVM start buys ten trials) and 3 real SIGTERMs of a real daemon process at
 * random moments while it writes its state every cycle; after each, the file parses as a JSON
 * object (or does not exist yet). Seeded; the seed is printed.
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
        long seed = Long.getLong("wanctl.fuzz.seed", 20_261_202L); // fixed: CI repeats; -Dwanctl.fuzz.seed=N explores
        System.out.println("KillTrialsTest SIGTERM seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        VirtualClock clock = new VirtualClock();
        int valid = 0;
        Path scratch = MatrixDaemon.scratch(dir); // a state write every cycle: no fsync wait on a busy disk
        try (RouterEmulator router = RouterEmulator.builder().clock(clock).sshPort(-1).start()) {
            Path file = fastWritingConfig(scratch, router);
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
                assertThat(validOrAbsent(scratch.resolve("spectrum_state.json"))).as("trial %d (seed %d)", trial, seed)
                        .isTrue();
                valid++;
            }
        } finally {
            MatrixDaemon.deleteScratch(scratch, dir);
        }
        FaultMatrix.record("SIGTERM under load (in process)", "state file valid JSON after each stop",
                valid + " of 50 valid");
    }

    @Test
    void aSecondInstanceForTheSameWanIsRefusedAndTheFirstRunsOn() throws Exception {
        try (RouterEmulator router = RouterEmulator.builder().sshPort(-1).start()) {
            Path config = fastWritingConfig(Files.createDirectories(dir.resolve("one-wan")), router);
            Path state = config.resolveSibling("spectrum_state.json");
            Path firstLog = dir.resolve("first.log");
            Path secondLog = dir.resolve("second.log");
            Process first = start(List.of(config), firstLog);
            try {
                awaitWrites(first, List.of(state), new long[] {0}, firstLog);
                int writesBefore = rateWrites(router);
                long t0 = System.nanoTime();
                Process second = start(List.of(config), secondLog);
                assertThat(second.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).as("the second stops (see %s)",
                        secondLog).isTrue();
                long refusedMs = (System.nanoTime() - t0) / MS;
                String said = Files.readString(secondLog);
                assertThat(second.exitValue()).as("exit of the second (%s)", said).isEqualTo(ExitStatus.LOCKED);
                assertThat(said).contains("another wanctl instance (PID " + first.pid() + ")")
                        .doesNotContain("\tat ");
                assertThat(first.isAlive()).as("the first runs on").isTrue();
                long[] before = mtimes(List.of(state));
                awaitWrites(first, List.of(state), before, firstLog);
                assertThat(validOrAbsent(state)).as("state file valid JSON").isTrue();
                long deadline = System.nanoTime() + 20_000 * MS;
                while (rateWrites(router) <= writesBefore) { // the first's next rate write, under a deadline
                    assertThat(first.isAlive()).as("the first runs (see %s)", firstLog).isTrue();
                    assertThat(System.nanoTime()).as("the first writes a rate in time (see %s)", firstLog)
                            .isLessThan(deadline);
                    Thread.sleep(5); // polling the emulator under a deadline, not timing
                }
                first.destroy(); // SIGTERM
                assertThat(first.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                assertThat(first.exitValue()).isEqualTo(ExitStatus.OK);
                FaultMatrix.record("two instances for one WAN (real processes)",
                        "the second exits 75 naming the first's PID; the first keeps writing rates and its state",
                        FaultMatrix.fmt("second refused in %d ms (JVM start included), exit %d; the first ran on and"
                                + " exited 0 on SIGTERM", refusedMs, second.exitValue()));
            } finally {
                first.destroyForcibly();
                first.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    private static int rateWrites(RouterEmulator router) {
        return router.state().maxLimitWrites(MatrixDaemon.DL).size() + router.state().maxLimitWrites(MatrixDaemon.UL).size();
    }

    /** Starts {@link KillTrialDaemon} on {@code configs}, its output in {@code log}. */
    private static Process start(List<Path> configs, Path log) throws IOException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                KillTrialDaemon.class.getName()));
        configs.forEach(c -> command.add(c.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits (under a deadline) until every state file was written by this process at least once. */
    private static void awaitWrites(Process p, List<Path> states, long[] before, Path log) throws Exception {
        long deadline = System.nanoTime() + 60_000 * MS;
        for (int i = 0; i < states.size(); i++) {
            Path state = states.get(i);
            while (!Files.exists(state) || Files.getLastModifiedTime(state).toMillis() == before[i]) {
                assertThat(p.isAlive()).as("the daemons run (see %s)", log).isTrue();
                assertThat(System.nanoTime()).as("state written in time (see %s)", log).isLessThan(deadline);
                Thread.sleep(5); // polling a file under a deadline, not timing
            }
        }
    }

    private static long[] mtimes(List<Path> states) throws IOException {
        long[] out = new long[states.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Files.exists(states.get(i)) ? Files.getLastModifiedTime(states.get(i)).toMillis() : 0;
        }
        return out;
    }

    /** Waits a random 50-700 ms of real time (the moment of the kill), polling under its own deadline. */
    private static void randomMoment(SplittableRandom random) throws InterruptedException {
        long at = System.nanoTime() + random.nextLong(50, 700) * MS;
        while (System.nanoTime() < at) {
            Thread.sleep(1);
        }
    }

    @Test
    void realDaemonsKilledOrTerminatedAtRandomMomentsAlwaysLeaveAValidStateFile() throws Exception {
        long seed = Long.getLong("wanctl.fuzz.seed", 20_261_202L); // fixed: CI repeats; -Dwanctl.fuzz.seed=N explores
        System.out.println("KillTrialsTest SIGKILL/SIGTERM seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        int killed = 0;
        int terminated = 0;
        List<String> bad = new ArrayList<>();
        try (RouterEmulator router = RouterEmulator.builder().sshPort(-1).start()) {
            // SIGKILL: 2 processes of 10 daemons each, every daemon writing its state every cycle
            List<Path> configs = new ArrayList<>();
            for (int d = 0; d < 10; d++) {
                Path sub = Files.createDirectories(dir.resolve("d" + d));
                configs.add(fastWritingConfig(sub, router));
            }
            List<Path> states = configs.stream().map(c -> c.resolveSibling("spectrum_state.json")).toList();
            for (int trial = 0; trial < 2; trial++) {
                Path log = dir.resolve("kill-" + trial + ".log");
                long[] before = mtimes(states);
                Process p = start(configs, log);
                try {
                    awaitWrites(p, states, before, log);
                    randomMoment(random);
                    p.destroyForcibly(); // SIGKILL
                    assertThat(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                } finally {
                    p.destroyForcibly();
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
                for (Path state : states) {
                    if (validOrAbsent(state)) {
                        killed++;
                    } else {
                        bad.add("SIGKILL " + trial + " " + state + ": " + Files.readString(state));
                    }
                    Files.deleteIfExists(state.resolveSibling("spectrum.lock"));
                }
            }
            // SIGTERM: one daemon per process, its handler saves the state and exits 0
            Path single = configs.getFirst();
            Path state = states.getFirst();
            for (int trial = 0; trial < 3; trial++) {
                Path log = dir.resolve("term-" + trial + ".log");
                long[] before = mtimes(List.of(state));
                Process p = start(List.of(single), log);
                try {
                    awaitWrites(p, List.of(state), before, log);
                    randomMoment(random);
                    p.destroy(); // SIGTERM
                    assertThat(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("stopped (see %s)", log)
                            .isTrue();
                    assertThat(p.exitValue()).as("exit after SIGTERM (see %s)", log).isEqualTo(ExitStatus.OK);
                } finally {
                    p.destroyForcibly();
                    p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertThat(Files.readString(log)).as("the state saved on the way out").contains("state saved");
                if (validOrAbsent(state)) {
                    terminated++;
                } else {
                    bad.add("SIGTERM " + trial + ": " + Files.readString(state));
                }
            }
        }
        assertThat(bad).as("seed %d", seed).isEmpty();
        FaultMatrix.record("SIGKILL at random moments (real processes)", "state file valid JSON after each kill",
                killed + " of 20 valid (2 processes of 10 daemons)");
        FaultMatrix.record("SIGTERM under load (real process)", "exit 0, state saved, state file valid JSON",
                terminated + " of 3 valid, exit 0");
    }
}
