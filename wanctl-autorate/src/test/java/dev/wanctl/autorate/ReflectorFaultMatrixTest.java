package dev.wanctl.autorate;

import static dev.wanctl.autorate.MatrixDaemon.DL;
import static dev.wanctl.autorate.MatrixDaemon.MS;
import static dev.wanctl.autorate.MatrixDaemon.S;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault matrix, reflector rows: an idle line (24 ms) whose reflectors misbehave from 10 to
 * 40 s. A bad reflector must not cut the rate (median of three); losing all of them freezes the
 * rates and turns health degraded, with the fallback's TCP check (to a loopback listener, or to a
 * closed loopback port) telling "ICMP lost" from "line down". Seeded randomness prints its seed.
 */
class ReflectorFaultMatrixTest {

    private static final long FAULT_AT = 10 * S;
    private static final long CLEAR_AT = 40 * S;
    private static final long END = 50 * S;

    enum Row {
        ALL_SILENT_TCP_UP(true, true, null),
        ALL_SILENT_TCP_DOWN(true, false, null),
        /** The gateway (loopback) answers a real ping; the TCP target is a closed port. */
        ALL_SILENT_GATEWAY_UP(true, false, "127.0.0.1"),
        /** The gateway is silent: a ping to lo's broadcast address is never answered; TCP closed too. */
        ALL_SILENT_GATEWAY_DOWN(true, false, "127.255.255.255"),
        ONE_JITTERY(false, false, null),
        ONE_DEAD(false, false, null),
        TWO_DEAD(false, false, null),
        ONE_FAR_OFF(false, false, null),
        LOSS_50_PERCENT(false, false, null);

        final boolean silent;
        final boolean tcpUp;
        final String gateway; // null: no gateway check

        Row(boolean silent, boolean tcpUp, String gateway) {
            this.silent = silent;
            this.tcpUp = tcpUp;
            this.gateway = gateway;
        }

        /** Whether the fallback checks find the line up. */
        boolean lineUp() {
            return tcpUp || "127.0.0.1".equals(gateway);
        }
    }

    @TempDir
    Path dir;

    @AfterAll
    static void publish() {
        FaultMatrix.publish("Fault matrix: reflector rows (autorate, idle 24 ms line, fault 10-40 s)");
    }

    @ParameterizedTest
    @EnumSource(Row.class)
    void misbehavingReflectorsNeverCutTheRateAndLosingAllOfThemIsReported(Row row) throws Exception {
        long seed = Long.getLong("wanctl.fuzz.seed", 20_261_202L); // fixed: CI repeats; -Dwanctl.fuzz.seed=N explores
        System.out.println(row + " seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                MatrixDaemon m = new MatrixDaemon(dir)) {
            int port = row.tcpUp ? listener.getLocalPort() : MatrixDaemon.closedLoopbackPort();
            if (row.gateway != null) {
                // the gateway ping is real ICMP whose timeout runs on the daemon's clock: the first 4 s
                // of the fault run in real time so that the check's verdict comes within the fault
                m.realTimeBetween(FAULT_AT, FAULT_AT + 4 * S);
            }
            m.monitoring(row.gateway == null ? MatrixDaemon.fallbackTo(port)
                    : MatrixDaemon.fallbackTo(port).replace("check_gateway: false",
                            "check_gateway: true\n    gateway_ip: \"" + row.gateway + "\""));
            MatrixDaemon.Rtt rtt = (i, now) -> {
                if (now < FAULT_AT || now >= CLEAR_AT) {
                    return 24;
                }
                return switch (row) {
                    case ALL_SILENT_TCP_UP, ALL_SILENT_TCP_DOWN, ALL_SILENT_GATEWAY_UP, ALL_SILENT_GATEWAY_DOWN -> Double.NaN;
                    case ONE_JITTERY -> i == 0 ? 24 + random.nextDouble(0, 60) : 24;
                    case ONE_DEAD -> i == 1 ? Double.NaN : 24;
                    case TWO_DEAD -> i == 0 ? 24 : Double.NaN;
                    case ONE_FAR_OFF -> i == 2 ? 224 : 24;
                    case LOSS_50_PERCENT -> random.nextBoolean() ? Double.NaN : 24;
                };
            };
            m.run(END, rtt);

            m.assertLoopHealthy(END);
            List<MatrixDaemon.Line> during = m.linesBetween(FAULT_AT, CLEAR_AT);
            long warnings = during.stream().filter(l -> l.level().isGreaterOrEqual(Level.WARN)).count();
            assertThat(warnings).as("WARN/ERROR lines in 30 s of %s", row).isLessThanOrEqualTo(6);
            assertThat(m.router.state().maxLimitWrites(DL)).as("no cut: the line was idle all along").isEmpty();
            long degradedSeconds = m.health.entrySet().stream()
                    .filter(e -> e.getKey() >= 10 && e.getKey() < 40)
                    .filter(e -> "degraded".equals(MatrixDaemon.doc(e.getValue()).get("status"))).count();
            String health;
            if (row.silent) {
                long first = m.firstSecond(10, 40, "degraded");
                assertThat(first).as("degraded while no reflector answers").isBetween(10L, 12L);
                assertThat(m.reasons(first)).contains("measurement");
                assertThat(m.firstSecond(40, 50, "healthy")).as("healthy once they answer").isBetween(40L, 42L);
                List<MatrixDaemon.Line> unreachable = m.lines.stream()
                        .filter(l -> l.message().contains("internet unreachable")).toList();
                boolean noIcmp = m.lines.stream().anyMatch(l -> l.message().contains("gateway check disabled"));
                if (row.gateway != null && !"root".equals(System.getProperty("user.name"))) {
                    // a user outside net.ipv4.ping_group_range has no ICMP socket: the row cannot run here
                    org.junit.jupiter.api.Assumptions.assumeFalse(noIcmp, "no ICMP socket for this user");
                }
                assertThat(noIcmp).as("the gateway check ran (ICMP socket opened)").isFalse();
                if (row.lineUp()) {
                    assertThat(unreachable).as("the fallback check finds the line up: ICMP lost only").isEmpty();
                } else {
                    assertThat(unreachable).as("the line is down: said once").hasSize(1);
                }
                health = FaultMatrix.fmt("degraded after %d s, %d of 30 s; %s", first - 10, degradedSeconds,
                        row.lineUp() ? "line found up (ICMP lost only)" : FaultMatrix.fmt(
                                "\"internet unreachable\" once, %d ms into the fault",
                                (unreachable.getFirst().atNanos() - FAULT_AT) / MS));
            } else {
                health = FaultMatrix.fmt("%d of 30 s degraded", degradedSeconds);
                if (row != Row.LOSS_50_PERCENT) {
                    assertThat(degradedSeconds).as("no false alarm").isZero();
                }
            }
            FaultMatrix.record(row.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                    "cadence, watchdog, state JSON, no rate cut, log volume, health",
                    FaultMatrix.fmt("%d cycles, 0 overruns, watchdog gap ≤ %d ms; 0 writes; %d lines (%d WARN+) in"
                            + " 30 s; %s; fallback cycles %d", m.daemon.currentCycle().cycles(),
                            m.longestWatchdogGapNanos() / MS, during.size(), warnings, health,
                            m.daemon.currentCycle().fallbackCycles()));
        }
    }
}
