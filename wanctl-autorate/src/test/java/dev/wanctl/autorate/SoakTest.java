package dev.wanctl.autorate;

import static dev.wanctl.autorate.MatrixDaemon.DL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.Transport;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 24 hours of an autorate daemon on the virtual clock against the emulator (in-process client,
 * so a day runs in about a minute), 60 s of bufferbloat every 10 minutes and a fault every 3
 * minutes in turn: router down, 5xx, dropped connections, refused credentials (each 20 s), ids
 * renumbered, a max-limit changed by someone else, all reflectors silent for 10 s. Each virtual
 * hour it records the heap left by a full GC ({@code System.gc()}, then each heap pool's usage
 * after that collection, see {@link #heapAfterGc}), the JVM's live thread count, router writes
 * and state-file writes; asserts the heap flat (hour 24 within 4 MB of hour 2), threads
 * constant, no watchdog gap over 1.05 s, exactly one cycle per slot, writes within budget. The table is printed and goes to target/fault-matrix.md.
 */
class SoakTest {

    private static final long S = 1_000_000_000L;
    private static final long MIN = 60 * S;
    private static final long HOUR = 60 * MIN;

    record Hour(int hour, long heapBytes, int threads, long routerWrites, long stateWrites, long corrections) {}

    @TempDir
    Path dir;

    /**
     * The heap the last collection left (the {@code System.gc()} just before): the sum over the heap
     * pools of their usage after that collection. Not {@code MemoryMXBean}'s heap used, which also
     * counts the eden regions other threads began to fill since (4 MB steps on this machine).
     */
    static long heapAfterGc() {
        long used = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    @Test
    void aDayWithAFaultEveryThreeMinutesKeepsHeapThreadsWatchdogAndWritesBounded() throws Exception {
        VirtualClock clock = new VirtualClock();
        List<Hour> hours = new ArrayList<>();
        long[] lastWatchdog = {0};
        long[] worstGap = {0};
        long realStart = System.nanoTime();
        dev.wanctl.core.config.RateLimitConfig[] limit = new dev.wanctl.core.config.RateLimitConfig[1];
        Path scratch = MatrixDaemon.scratch(dir); // 17 000 state writes: each fsync would wait on the disk
        try (RouterEmulator router = RouterEmulator.builder().clock(clock).sshPort(-1).start()) {
            Path file = DaemonHarness.config(scratch, router, 50, 600);
            Files.writeString(file, Files.readString(file).replace("use_median_of_three: true\n",
                    "use_median_of_three: true\n" + MatrixDaemon.FALLBACK_TO_NOWHERE));
            AutorateDaemon[] d = new AutorateDaemon[1];
            long[] counted = new long[2];
            var threads = ManagementFactory.getThreadMXBean();
            long[] nextHour = {HOUR};
            long[] nextFault = {3 * MIN};
            int[] faultIndex = {0};
            long[] clearAt = {Long.MAX_VALUE};
            boolean[] silent = {false};
            // the day is counted from the loop's first cycle (start-up takes some virtual time before it)
            long[] first = {Long.MIN_VALUE};
            AutorateDaemon.Services services = new AutorateDaemon.Services(clock,
                    SystemdNotifier.recording(Duration.ofSeconds(2), n -> {
                        if (n.equals("WATCHDOG=1")) {
                            long now = clock.nanoTime();
                            if (lastWatchdog[0] > 0) {
                                worstGap[0] = Math.max(worstGap[0], now - lastWatchdog[0]);
                            }
                            lastWatchdog[0] = now;
                        }
                    }), Sleeper.advancing(clock), false,
                    c -> new dev.wanctl.emulator.testing.ScriptedProbe(clock, 3, now -> {
                        if (silent[0]) {
                            return Double.NaN;
                        }
                        return now % (10 * MIN) < MIN ? 100 : 24; // a minute of bloat every 10 minutes
                    }, now -> {
                        if (first[0] == Long.MIN_VALUE) {
                            first[0] = now;
                            nextHour[0] += now;
                            nextFault[0] += now;
                        }
                        if (now >= clearAt[0]) {
                            clearAt[0] = Long.MAX_VALUE;
                            silent[0] = false;
                            router.faults().clearAll();
                        }
                        if (now >= nextFault[0]) {
                            nextFault[0] += 3 * MIN;
                            clearAt[0] = now + 20 * S;
                            // faults on the in-process client the daemon uses: "down" on every transport
                            // closed the emulator's listeners, and a port taken by another process
                            // meanwhile failed the cycle that cleared the fault (24 lost cycles a day)
                            switch (faultIndex[0]++ % 7) {
                                case 0 -> router.faults().on(Transport.IN_PROCESS).down();
                                case 1 -> router.faults().on(Transport.IN_PROCESS).serverErrorsUntilCleared();
                                case 2 -> router.faults().on(Transport.IN_PROCESS).dropConnectionsUntilCleared();
                                case 3 -> router.faults().on(Transport.IN_PROCESS).rejectCredentials();
                                case 4 -> router.faults().renumberIds();
                                case 5 -> router.faults().changeMaxLimit(DL, 123_000_000L);
                                default -> {
                                    silent[0] = true;
                                    clearAt[0] = now + 10 * S;
                                }
                            }
                        }
                        if (now >= nextHour[0]) {
                            nextHour[0] += HOUR;
                            System.gc();
                            long writes = router.state().maxLimitWrites(DL).size()
                                    + router.state().maxLimitWrites(MatrixDaemon.UL).size();
                            router.state().clearWrites();
                            AutorateCycle cycle = d[0].currentCycle();
                            long stateWrites = cycle.stateWrites();
                            hours.add(new Hour((int) ((now - first[0]) / HOUR), heapAfterGc(),
                                    threads.getThreadCount(), writes, stateWrites - counted[0],
                                    cycle.writer().snapshot().corrections()));
                            counted[0] = stateWrites;
                        }
                        if (now - first[0] >= 24 * HOUR) {
                            d[0].stop();
                        }
                    }), c -> router.client(), true);
            d[0] = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
            var loaded = DaemonHarness.load(file);
            limit[0] = loaded.rateLimit();
            DaemonHarness.Running run = new DaemonHarness.Running(d[0], loaded);
            assertThat(run.await(Duration.ofMinutes(4))).isEqualTo(ExitStatus.OK);
            assertThat(d[0].overruns()).isZero();
            // a cycle every 50 ms from the first (at 0) to the one 24 h later that stops the daemon, both
            // counted: 72 000 an hour and one more
            assertThat(first[0]).as("first cycle within 2 s of the start").isLessThan(2 * S);
            assertThat(d[0].currentCycle().cycles()).as("cycles from the first to the one 24 h later")
                    .isEqualTo(24 * 72_000L + 1);
        } finally {
            MatrixDaemon.deleteScratch(scratch, dir);
        }
        long realSeconds = (System.nanoTime() - realStart) / S;
        StringBuilder table = new StringBuilder("| hour | heap after GC (MB) | threads | router writes | state writes |\n"
                + "|---|---|---|---|---|\n");
        for (Hour h : hours) {
            table.append(String.format(Locale.ROOT, "| %d | %.1f | %d | %d | %d |%n", h.hour(), h.heapBytes() / 1e6,
                    h.threads(), h.routerWrites(), h.stateWrites()));
        }
        System.out.println(table);
        assertThat(hours).hasSize(24);
        long heap2 = hours.get(1).heapBytes();
        long heap24 = hours.get(23).heapBytes();
        assertThat(heap24 - heap2).as("heap growth from hour 2 to hour 24").isLessThan(4_000_000L);
        // a leak grows with the faults (480 a day); the JVM's own pools (virtual-thread carriers, the
        // HTTP client's task runner) come and go by a thread or two with the host's load, so the last
        // hours' peak is held to the early hours' peak, not the whole day to one value
        int earlyPeak = hours.subList(1, 5).stream().mapToInt(Hour::threads).max().getAsInt();
        int latePeak = hours.subList(20, 24).stream().mapToInt(Hour::threads).max().getAsInt();
        assertThat(latePeak).as("threads in hours 21-24 against hours 2-5").isLessThanOrEqualTo(earlyPeak + 1);
        assertThat(worstGap[0]).as("longest watchdog gap").isLessThanOrEqualTo(1_050_000_000L);
        // the router budget is the config's rate limiter (a write is one max-limit change of one queue);
        // the state file at most one write per state_write_interval (5 s: 720 an hour)
        assertThat(limit[0].enabled()).isTrue();
        long budget = limit[0].maxChanges() * 3600L / limit[0].window().toSeconds();
        assertThat(hours).allSatisfy(h -> assertThat(h.routerWrites()).as("router writes in an hour, budget %d", budget)
                .isLessThanOrEqualTo(budget));
        assertThat(hours).allSatisfy(h -> assertThat(h.stateWrites()).isLessThanOrEqualTo(721));
        FaultMatrix.record("24 h simulated soak", "heap flat, threads not growing, watchdog fed, writes within budget",
                String.format(Locale.ROOT, "heap after GC %.1f MB at hour 2, %.1f MB at hour 24; threads %d-%d;"
                        + " longest watchdog gap %d ms; router writes/h %d-%d (budget %d); state writes/h %d-%d; %d s real",
                        heap2 / 1e6, heap24 / 1e6, hours.stream().mapToInt(Hour::threads).min().getAsInt(),
                        hours.stream().mapToInt(Hour::threads).max().getAsInt(), worstGap[0] / 1_000_000,
                        hours.stream().mapToLong(Hour::routerWrites).min().getAsLong(),
                        hours.stream().mapToLong(Hour::routerWrites).max().getAsLong(), budget,
                        hours.stream().mapToLong(Hour::stateWrites).min().getAsLong(),
                        hours.stream().mapToLong(Hour::stateWrites).max().getAsLong(), realSeconds));
        FaultMatrix.publish("24 h simulated soak\n\n" + table);
    }
}
