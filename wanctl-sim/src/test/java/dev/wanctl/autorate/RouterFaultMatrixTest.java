package dev.wanctl.autorate;

import static dev.wanctl.autorate.MatrixDaemon.DL;
import static dev.wanctl.autorate.MatrixDaemon.MS;
import static dev.wanctl.autorate.MatrixDaemon.S;
import static dev.wanctl.autorate.MatrixDaemon.UL;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.wanctl.sim.emulator.Transport;
import dev.wanctl.sim.emulator.WriteRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix, router rows: a real autorate daemon (virtual clock, REST over pinned HTTPS to
 * the emulator) under load from 5 to 15 s and 25 to 35 s, a router fault from 10 to 40 s, until
 * 60 s. Every row asserts the loop's cadence, the watchdog, the state file, the log volume during
 * the fault, health telling the truth (degraded with the cause for a fault that breaks calls,
 * healthy for one that does not), and the newest rate on the router after recovery. The figures
 * go to the table in target/fault-matrix.md.
 */
class RouterFaultMatrixTest {

    private static final long FAULT_AT = 10 * S;
    private static final long CLEAR_AT = 40 * S;
    private static final long END = 60 * S;

    enum Row {
        ROUTER_DOWN("unreachable", m -> m.router.faults().on(Transport.REST).down(),
                m -> m.router.faults().on(Transport.REST).up()),
        ROUTER_SLOW(null, m -> m.router.faults().on(Transport.REST).latency(Duration.ofMillis(250)),
                m -> m.router.faults().on(Transport.REST).clear()),
        SERVER_ERRORS_5XX("router error", m -> m.router.faults().on(Transport.REST).serverErrorsUntilCleared(),
                m -> m.router.faults().on(Transport.REST).clear()),
        CONNECTION_RESETS("unreachable", m -> m.router.faults().on(Transport.REST).dropConnectionsUntilCleared(),
                m -> m.router.faults().on(Transport.REST).clear()),
        CALLS_HANG("timed out", m -> m.router.faults().on(Transport.REST).timeoutsUntilCleared(),
                m -> m.router.faults().on(Transport.REST).clear()),
        CREDENTIALS_REFUSED_401("authentication failed",
                m -> m.router.faults().on(Transport.REST).rejectCredentials(),
                m -> m.router.faults().on(Transport.REST).clear()),
        IDS_RENUMBERED(null, m -> m.router.faults().renumberIds(), m -> { }),
        QUEUES_SWAP_NAMES(null, m -> m.router.faults().swapQueueNames(DL, UL),
                m -> m.router.faults().swapQueueNames(DL, UL)),
        QUEUE_DELETED("not found", m -> m.router.faults().deleteQueue(UL), m -> { }),
        MAX_LIMIT_CHANGED_BY_SOMEONE(null, m -> m.router.faults().changeMaxLimit(DL, 940_000_000L), m -> { });

        final String cause; // null: calls keep working, health must stay healthy
        final Consumer<MatrixDaemon> inject;
        final Consumer<MatrixDaemon> clear;

        Row(String cause, Consumer<MatrixDaemon> inject, Consumer<MatrixDaemon> clear) {
            this.cause = cause;
            this.inject = inject;
            this.clear = clear;
        }
    }

    @TempDir
    Path dir;

    @AfterAll
    static void publish() {
        FaultMatrix.publish("Fault matrix: router rows (autorate, 60 s virtual, fault 10-40 s)");
    }

    private static double load(int reflector, long now) {
        boolean bloat = (now >= 5 * S && now < 15 * S) || (now >= 25 * S && now < 35 * S);
        return bloat ? 124 : 24;
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void aRouterFaultKeepsTheLoopOnTimeAndHealthTruthfulAndTheNewestRateLandsAfterIt(Row row) throws Exception {
        long[] calls = new long[2];
        try (MatrixDaemon m = new MatrixDaemon(dir)) {
            m.at(FAULT_AT, () -> {
                calls[0] = m.daemon.currentCycle().writer().snapshot().calls();
                row.inject.accept(m);
            }).at(CLEAR_AT, () -> {
                calls[1] = m.daemon.currentCycle().writer().snapshot().calls();
                row.clear.accept(m);
            });
            m.run(END, RouterFaultMatrixTest::load);

            m.assertLoopHealthy(END);
            List<MatrixDaemon.Line> during = m.linesBetween(FAULT_AT, CLEAR_AT);
            long warnings = during.stream().filter(l -> l.level().isGreaterOrEqual(Level.WARN)).count();
            double perMinute = during.size() * 2.0; // 30 s of fault
            assertThat(warnings).as("WARN/ERROR lines in 30 s of %s", row).isLessThanOrEqualTo(6);
            assertThat(perMinute).as("log lines per minute during %s", row).isLessThanOrEqualTo(60);
            double callsPerSecond = (calls[1] - calls[0]) / 30.0;
            assertThat(callsPerSecond).as("router calls per second during %s", row).isLessThanOrEqualTo(3.0);

            String health;
            if (row.cause != null) {
                long degraded = m.firstSecond(10, 40, "degraded");
                assertThat(degraded).as("degraded during %s", row).isGreaterThanOrEqualTo(10);
                assertThat(degraded - 10).as("seconds to degraded").isLessThanOrEqualTo(30);
                assertThat(m.reasons(degraded)).contains(row.cause);
                health = FaultMatrix.fmt("degraded after %d s (\"%s\")", degraded - 10, row.cause);
            } else {
                assertThat(m.firstSecond(10, 60, "degraded")).as("no false alarm during %s", row).isEqualTo(-1);
                health = "healthy throughout";
            }
            String recovery;
            if (row == Row.QUEUE_DELETED) {
                assertThat(m.status(59)).isEqualTo("degraded");
                recovery = "stays degraded (queue gone)";
            } else {
                if (row.cause != null) {
                    long healthy = m.firstSecond(40, 60, "healthy");
                    assertThat(healthy).as("healthy again after %s", row).isBetween(40L, 55L);
                }
                List<WriteRecord> after = m.router.state().maxLimitWrites(DL).stream()
                        .filter(w -> w.atNanos() >= CLEAR_AT).toList();
                assertThat(after).as("a write after the fault").isNotEmpty();
                long lagMs = (after.getFirst().atNanos() - CLEAR_AT) / MS;
                assertThat(lagMs).as("ms from recovery to the first write").isLessThanOrEqualTo(2_000);
                assertThat(m.router.state().maxLimitBps(DL)).as("router holds the newest download rate")
                        .isEqualTo(m.daemon.currentCycle().controller().downloadRateBps());
                assertThat(m.router.state().maxLimitBps(UL))
                        .isEqualTo(m.daemon.currentCycle().controller().uploadRateBps());
                recovery = FaultMatrix.fmt("first write %d ms after recovery; router = controller at 60 s", lagMs);
            }
            if (row == Row.QUEUES_SWAP_NAMES) {
                assertThat(m.router.state().maxLimitWrites(UL)).allMatch(w -> w.newBps() <= 38_000_000L,
                        "only upload rates in the queue named for upload");
            }
            FaultMatrix.record(row.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    "cadence, watchdog, state JSON, log volume, calls/s, health, recovery",
                    FaultMatrix.fmt("%d cycles, 0 overruns, watchdog gap ≤ %d ms; %d lines (%d WARN+) in 30 s;"
                            + " %.2f calls/s; %s; %s", m.daemon.currentCycle().cycles(),
                            m.longestWatchdogGapNanos() / MS, during.size(), warnings, callsPerSecond, health,
                            recovery));
        }
    }
}
